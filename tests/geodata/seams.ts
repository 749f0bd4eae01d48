// Measures how well neighbouring outlines fit together: the area they cover twice (overlap)
// and the holes left between them (gaps), in km²; and checks outlines as drawn, from GeoJSON
// or decoded back from vector tiles. Used on the build output by real-build.test.ts.
import { VectorTile } from '@mapbox/vector-tile';
import { area, booleanValid, difference, featureCollection, kinks, polygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { PbfReader } from 'pbf';
import type { Tile } from '../../geodata/build/tiles';
import type { TileSetSpec } from '../../src/lib/map/tiles';

type AreaFeature = Feature<Polygon | MultiPolygon>;

/** Overlap and gaps between `features`, in km², and the number of gaps. */
export function seams(features: AreaFeature[]): { overlapKm2: number; gapKm2: number; gaps: number } {
  const merged = union(featureCollection(features));
  if (merged === null) return { overlapKm2: 0, gapKm2: 0, gaps: 0 };
  const total = features.reduce((sum, f) => sum + area(f), 0);
  // Every interior ring of the union is a hole no feature covers: the features leave a gap there.
  const polygons =
    merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates;
  const holes = polygons.flatMap((rings) => rings.slice(1));
  const holeArea = holes.reduce((sum, ring) => sum + area({ type: 'Polygon', coordinates: [ring] }), 0);
  return { overlapKm2: Math.max(0, total - area(merged)) / 1e6, gapKm2: holeArea / 1e6, gaps: holes.length };
}

/** True when a polygon is a valid simple feature: closed rings, no self-intersection. */
export function isSimpleValid(feature: AreaFeature): boolean {
  return booleanValid(feature) && kinks(feature).features.length === 0;
}

/** One feature's piece in one tile, decoded to degrees. */
export interface TiledPiece {
  feature: AreaFeature;
  tile: Pick<Tile, 'z' | 'x' | 'y'>;
}

/** The pieces of each feature of a tile set, keyed by its id property. */
export function tiledPieces(tiles: readonly Tile[], spec: TileSetSpec): Map<string, TiledPiece[]> {
  const pieces = new Map<string, TiledPiece[]>();
  for (const { z, x, y, bytes } of tiles) {
    const layer = new VectorTile(new PbfReader(bytes)).layers[spec.layer];
    for (let i = 0; i < (layer?.length ?? 0); i++) {
      const feature = layer!.feature(i).toGeoJSON(x, y, z) as AreaFeature;
      const id = String(feature.properties?.[spec.idProperty]);
      pieces.set(id, [...(pieces.get(id) ?? []), { feature, tile: { z, x, y } }]);
    }
  }
  return pieces;
}

/**
 * True when a point lies in the part of its tile the map shows, not in the buffer around it:
 * clipping at the buffer's edge leaves edges running back and forth along it, which no map
 * draws, so crossings there are no fault of the outline.
 */
function inTileArea([lon, lat]: Position, { z, x, y }: TiledPiece['tile']): boolean {
  const n = 2 ** z;
  const sin = Math.sin((lat! * Math.PI) / 180);
  const tileX = ((lon! + 180) / 360) * n - x;
  const tileY = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n - y;
  return tileX > 0 && tileX < 1 && tileY > 0 && tileY < 1;
}

/** True when a piece's rings are closed rings of at least four positions. */
function closedRings(feature: AreaFeature): boolean {
  return polygonsOf(feature.geometry).every((rings) =>
    rings.every((ring) => ring.length >= 4 && ring[0]!.every((v, i) => v === ring.at(-1)![i]))
  );
}

/** The polygons of an outline, each as its list of rings. */
function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The union of polygons given as rings (null for none). */
function unionOfRings(rings: Position[][]): AreaFeature | null {
  const features = rings.map((ring): AreaFeature => polygon([ring]));
  if (features.length <= 1) return features[0] ?? null;
  return union(featureCollection(features));
}

/**
 * Area in km² of the holes `features` leave between them: holes of their union that lie in no
 * feature's own outline (a hole a feature has by itself is no gap between neighbours).
 */
function gapsKm2(features: AreaFeature[]): number {
  const merged = features.length > 1 ? union(featureCollection(features)) : (features[0] ?? null);
  const holes = unionOfRings(merged ? polygonsOf(merged.geometry).flatMap((rings) => rings.slice(1)) : []);
  if (holes === null) return 0;
  const filled = unionOfRings(features.flatMap((f) => polygonsOf(f.geometry).map((rings) => rings[0]!)));
  const gaps = filled === null ? holes : difference(featureCollection([holes, filled]));
  return gaps === null ? 0 : area(gaps) / 1e6;
}

/**
 * What a tile set draws, checked as the map draws it (the pieces of one zoom): the ids with a
 * piece whose rings are not closed or cross where the tile is shown, the area two features
 * cover twice, and the gaps they leave between them (holes of their union beyond their own).
 */
export function tiledOutlineCheck(pieces: ReadonlyMap<string, TiledPiece[]>): {
  invalid: string[];
  overlapKm2: number;
  gapKm2: number;
} {
  const invalid = [...pieces]
    .filter(([, parts]) =>
      parts.some(
        ({ feature, tile }) =>
          !closedRings(feature) ||
          kinks(feature).features.some((kink) => inTileArea(kink.geometry.coordinates, tile))
      )
    )
    .map(([id]) => id);
  // A feature's pieces overlap along the tile buffers: each is merged back first.
  const outlines = [...pieces.values()].flatMap((parts) => {
    const features = parts.map((part) => part.feature);
    return features.length === 1 ? features : (union(featureCollection(features)) ?? []);
  });
  return { invalid, overlapKm2: seams(outlines).overlapKm2, gapKm2: gapsKm2(outlines) };
}

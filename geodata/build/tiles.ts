// Cutting a layer (areas, or label points) into vector tiles at build time: a z/x/y directory of Mapbox Vector Tiles
// that any static host or CDN serves as plain files. GeoJSON for the 35,000 communes of
// France would be megabytes at start; tiles are fetched only where and when the map shows them.
// Pure: the same features give the same bytes.
import type { FeatureCollection, Point } from 'geojson';
import { bbox } from '@turf/turf';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TileSetSpec } from '../../src/lib/map/tiles';
import type { Area } from './read';

/** Tile extent (units per side), the MapLibre default. */
const EXTENT = 4096;

/** The x and y of the Web Mercator tile holding a point at zoom z. */
function tileAt(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v * n)));
  const sin = Math.sin((lat * Math.PI) / 180);
  return [clamp((lon + 180) / 360), clamp(0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI))];
}

/** One cut tile: its coordinates and its encoded bytes. */
export interface Tile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

/**
 * Every non-empty tile of `collection` from `spec.minZoom` to `spec.maxZoom`, in z, x, y order,
 * each holding one layer named `spec.layer` with the features' properties as they are.
 */
export function cutTiles<P extends object>(
  collection: FeatureCollection<Area | Point, P>,
  spec: TileSetSpec
): Tile[] {
  const index = new GeoJSONVT(collection as FeatureCollection, {
    maxZoom: spec.maxZoom,
    extent: EXTENT,
    // Tiles are cut once, all of them: no on-demand index to keep.
    indexMaxZoom: 0
  });
  // Every tile the layer's bounding box touches, zoom by zoom. (Walking down from the world tile
  // and stopping at empty ones would lose small features: geojson-vt drops a polygon from a
  // tile where it is smaller than the tolerance, so a parent can look empty above a child.)
  const [west, south, east, north] = bbox(collection);
  const tiles: Tile[] = [];
  for (let z = spec.minZoom; z <= spec.maxZoom; z++) {
    const [xMin, yMin] = tileAt(west, north, z);
    const [xMax, yMax] = tileAt(east, south, z);
    for (let x = xMin; x <= xMax; x++) {
      for (let y = yMin; y <= yMax; y++) {
        const tile = index.getTile(z, x, y);
        if (!tile || tile.features.length === 0) continue;
        tiles.push({ z, x, y, bytes: fromGeojsonVt({ [spec.layer]: tile }, { version: 2, extent: EXTENT }) });
      }
    }
  }
  return tiles;
}

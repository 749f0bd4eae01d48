// The neighbouring countries drawn as quiet land under the French layers, from Natural Earth
// 1:50m as shipped in the npm package world-atlas (TopoJSON). Natural Earth's border does not
// follow IGN's: each neighbour is widened by a few kilometres and cut back to Natural Earth's
// land, so it reaches under France along the land border (no strip of sea shows between them)
// while its coast stays where it is (the sea stays the sea).
import { bboxClip, buffer, featureCollection, intersect, simplify, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Area } from './read';
import { roundTo } from './simplify';

/** ISO 3166-1 numeric codes of the countries drawn, as world-atlas ids. */
export const NEIGHBOUR_IDS = [
  '056', // Belgium
  '442', // Luxembourg
  '276', // Germany
  '826', // United Kingdom
  '528', // Netherlands
  '756', // Switzerland
  '438', // Liechtenstein
  '380', // Italy
  '492', // Monaco
  '724', // Spain
  '020', // Andorra
  '372' // Ireland
] as const;

/** What is kept around metropolitan France, [west, south, east, north]. */
const FRAME: [number, number, number, number] = [-11, 36, 17, 57];

/** Where France has land borders (Pyrenees to the North Sea): only there are neighbours widened. */
const BORDER_FRAME: [number, number, number, number] = [-2.5, 41.5, 9, 51.7];

/** How far a neighbour reaches under France, in km: more than the gap between the two borders. */
const REACH_KM = 8;

type Countries = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
type Land = Feature<Area, Record<string, never>>;

/** One feature holding polygons that do not overlap (Natural Earth's topology guarantees it). */
function multi(parts: Feature<Polygon>[]): Feature<MultiPolygon> {
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: parts.map((f) => f.geometry.coordinates) }
  };
}

/**
 * The neighbouring land: the countries inside FRAME as they are, plus, near France's land
 * borders, the same countries widened under France and cut back to Natural Earth's coast.
 */
export function neighbourLand(topology: Countries): FeatureCollection<Area, Record<string, never>> {
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const land = feature(topology, topology.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
  const ids: readonly string[] = NEIGHBOUR_IDS;
  const neighbours = countries.features.filter((f) => ids.includes(String(f.id)));
  const features: Land[] = [];
  const plain = neighbours.flatMap((f) => clip(f, FRAME));
  if (plain.length > 0) features.push({ ...multi(plain), properties: {} });

  const near = neighbours.flatMap((f) => clip(f, BORDER_FRAME));
  const [first] = near;
  const merged = near.length > 1 ? union(featureCollection(near)) : (first ?? null);
  if (merged !== null) {
    // Buffering a lighter outline is quicker; it drifts by under 1 km, well within the reach.
    const widened = buffer(simplify(merged, { tolerance: 0.01 }), REACH_KM, { units: 'kilometers' });
    const coast = multi(land.features.flatMap((f) => clip(f, BORDER_FRAME)));
    const cut = widened ? intersect(featureCollection([widened, coast])) : null;
    if (cut) features.push({ type: 'Feature', properties: {}, geometry: cut.geometry });
  }
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      ...f,
      geometry: roundGeometry(simplify(f, { tolerance: 0.003 }).geometry, 3)
    }))
  };
}

/** The polygons of a feature inside `frame`; clipping leaves degenerate rings outside it, dropped here. */
function clip(
  f: Feature<Polygon | MultiPolygon>,
  frame: [number, number, number, number]
): Feature<Polygon>[] {
  const clipped = bboxClip(f, frame).geometry as Polygon | MultiPolygon;
  const polygons = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
  return polygons
    .map((rings) => rings.filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0)
    .map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }));
}

/** Rounds positions (3 decimals ≈ 100 m: Natural Earth 1:50m is coarser than that). */
function roundGeometry(geometry: Area, decimals: number): Area {
  const round = (ring: number[][]) =>
    ring.map(([x = 0, y = 0]) => [roundTo(x, decimals), roundTo(y, decimals)]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(round) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(round)) };
}

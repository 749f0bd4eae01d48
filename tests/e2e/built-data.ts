// The data the geodata build wrote for the site under test (static/data/, or the fixture site's:
// site.ts), served as /data/, read by the browser tests for their expected values: a test names a
// behaviour, and the zones, names and counts it checks come from whatever data the atlas was
// built with, never from today's editorial content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbox, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { AtlasData, Places, Programme, QpvPlace, Zone, ZoneProperties } from '../../src/lib/types';
import { zoneProgrammes } from '../../src/lib/measures/link';
import { DATA_DIR } from './site';

function read<T>(file: string): T {
  return JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;
}

/** atlas.json: zones, measures, links, scenes, names. */
export const atlas = read<AtlasData>('atlas.json');
/** The zones as the map draws them. */
export const zoneFeatures = read<FeatureCollection<Geometry, ZoneProperties>>('zones.geojson').features;
/** The QPVs the build listed (no geometry: the map draws them from tiles). */
export const qpvs = read<QpvPlace[]>('qpvs.json');
/** Communes and EPCIs, without geometry. */
export const places = read<Places>('places.json');

/** The drawn feature of a zone of atlas.json. */
export function zoneFeature(id: string): Feature<Geometry, ZoneProperties> {
  const feature = zoneFeatures.find((f) => f.properties.id === id);
  if (!feature) throw new Error(`zone ${id} missing from ${join(DATA_DIR, 'zones.geojson')}`);
  return feature;
}

/**
 * A point deep inside the zone: of a grid over its box, the point farthest inside its outline. A
 * click there lands on the zone, not on its edge (where a QPV drawn from tiles, simplified
 * otherwise, may be hit instead), even for a zone whose centroid falls outside it or in a hole.
 */
export function insidePoint(zoneId: string): [number, number] {
  const feature = zoneFeature(zoneId) as Feature<Polygon | MultiPolygon, ZoneProperties>;
  const [west, south, east, north] = bbox(feature);
  const steps = 24;
  let best: [number, number] = [west, south];
  let deepest = Infinity;
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const point: [number, number] = [
        west + ((east - west) * (i + 0.5)) / steps,
        south + ((north - south) * (j + 0.5)) / steps
      ];
      // Negative inside the outline, the more so the farther from its edge.
      const distance = pointToPolygonDistance(point, feature, { method: 'planar' });
      if (distance < deepest) [best, deepest] = [point, distance];
    }
  }
  if (deepest >= 0) throw new Error(`no point found inside zone ${zoneId}`);
  return best;
}

/** A hash centring the map on a point deep inside the zone, at `zoom`. */
export function hashOn(zoneId: string, zoom: number): string {
  const [lng, lat] = insidePoint(zoneId);
  return `#${zoom}/${lat}/${lng}`;
}

/** A name as a user types it: lower case, without accents. */
export function typed(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when no other zone has this zone's name nor one of its communes named so: its name finds it first. */
export function hasOwnName(zone: Zone): boolean {
  const name = typed(zone.name);
  return atlas.zones.every(
    (other) =>
      other.id === zone.id ||
      (typed(other.name) !== name && other.communes.every((c) => typed(c.name) !== name))
  );
}

/** The quarters of atlas.json that a search by their full name finds first. */
export const findableQuarters = atlas.zones.filter((zone) => zone.kind === 'quarter' && hasOwnName(zone));

/** The nth quarter a search by its full name finds first; fails when the data has too few. */
export function findableQuarter(n = 0): Zone {
  const zone = findableQuarters[n];
  if (!zone) throw new Error(`the built data has fewer than ${n + 1} quarters with a name of their own`);
  return zone;
}

/** The programmes each zone counts for in the filter (its own and those of measures targeting it), by id. */
export const programmesByZone: Readonly<Record<string, readonly Programme[]>> = (() => {
  const measures = new Map(atlas.measures.map((m) => [m.id, m]));
  return Object.fromEntries(
    atlas.zones.map((zone) => [zone.id, zoneProgrammes(zone, atlas.links[zone.id] ?? [], measures)])
  );
})();

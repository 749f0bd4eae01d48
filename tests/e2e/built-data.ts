// The data the geodata build wrote (static/data/, served as /data/), read by the browser tests
// for their expected values: a test names a behaviour, and the zones, names and counts it
// checks come from whatever data the atlas was built with, never from today's editorial content.
import { readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AtlasData, Places, Programme, QpvPlace, Zone, ZoneProperties } from '../../src/lib/types';
import { zoneProgrammes } from '../../src/lib/measures/link';

function read<T>(file: string): T {
  return JSON.parse(readFileSync(`static/data/${file}`, 'utf8')) as T;
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
  if (!feature) throw new Error(`zone ${id} missing from static/data/zones.geojson`);
  return feature;
}

/** A hash centring the map on a point inside the zone, at `zoom`. */
export function hashOn(zoneId: string, zoom: number): string {
  const [lng, lat] = pointOnFeature(zoneFeature(zoneId)).geometry.coordinates as [number, number];
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

// Zone outlines: checking that every reference of geodata/zones.json exists in the sources,
// then assembling each zone's geometry and properties (zones.geojson; properties typed by ZoneProperties).
import { area, booleanPointInPolygon, featureCollection, pointOnFeature, union } from '@turf/turf';
import type { Feature } from 'geojson';
import { DataError } from '../../src/lib/data/schema';
import type { Perimeter, Zone, ZoneProperties } from '../../src/lib/types';
import type { Area, AreaFeature } from './read';
import type { ReferenceJoin } from './reference';
import { roundTo, simplifyArea, type Simplification } from './simplify';

/** Properties of an Admin Express feature (département, region or commune). */
export interface AdminProperties {
  code: string;
  nom: string;
}

/** Properties of a QPV 2015 feature, as published by the CGET/ANCT. */
export interface QpvSourceProperties {
  CODE_QP: string;
  NOM_QP: string;
  COMMUNE_QP: string;
}

/** The source geometries zones are drawn from, indexed by code, in WGS84. */
export interface ZoneSources {
  departements: ReadonlyMap<string, AreaFeature<AdminProperties>>;
  communes: ReadonlyMap<string, AreaFeature<AdminProperties>>;
  qpvs: ReadonlyMap<string, AreaFeature<QpvSourceProperties>>;
  /** Name of the QPV source actually read, for error messages. */
  qpvFile: string;
  /**
   * The département outlines as the départements layer draws them (simplified on shared arcs):
   * a territory drawn with one of them then matches its département exactly.
   */
  drawnDepartements?: ReadonlyMap<string, Area>;
}

/** Simplification per kind of outline. */
export interface ZoneSimplification {
  qpv: Simplification;
  communes: Simplification;
  departement: Simplification;
}

/** A zone feature as written in zones.geojson (no feature id: the app promotes `id`). */
export type ZoneFeature = Feature<Area, ZoneProperties>;

/** Problems with the commune, QPV and département references of the zones, one line each. */
export function checkZoneReferences(zones: Zone[], sources: ZoneSources, file: string): string[] {
  const problems: string[] = [];
  for (const zone of zones) {
    const at = (path: string, what: string) =>
      problems.push(`${file}: zone "${zone.id}": field "${path}": ${what}`);
    if (!sources.departements.has(zone.departement))
      at('departement', `unknown département "${zone.departement}"`);
    zone.communes.forEach((commune, i) => {
      // Names drift (Téteghem became Téteghem-Coudekerque-Village): only the INSEE code is matched.
      // The schema already proved the code starts with the zone's département.
      if (!sources.communes.has(commune.insee))
        at(`communes[${i}].insee`, `unknown commune "${commune.insee}"`);
    });
    zone.qpvs.forEach((code, i) => {
      if (!sources.qpvs.has(code)) at(`qpvs[${i}]`, `unknown QPV "${code}" (not in ${sources.qpvFile})`);
    });
  }
  return problems;
}

/**
 * The zones as published: each commune under the reference's code and official name. The COG
 * owns commune names; zones.json types them only so that an editor can read the file, so a typed
 * name that is not the one the atlas publishes for that code is refused, every mismatch named.
 */
export function publishedZones(zones: Zone[], join: ReferenceJoin, file: string): Zone[] {
  const problems: string[] = [];
  const published = zones.map((zone) => ({
    ...zone,
    communes: zone.communes.map((commune, i) => {
      const code = join.codeOf.get(commune.insee) ?? commune.insee;
      const official = join.communes.get(code);
      // References are checked before the join: a code missing here is a build bug, not bad input.
      if (!official)
        throw new Error(`zone "${zone.id}": commune "${commune.insee}" is not in the reference join`);
      if (commune.name !== official.name)
        problems.push(
          `${file}: zone "${zone.id}": field "communes[${i}].name": "${commune.name}" is not the COG name "${official.name}" of commune "${commune.insee}"${code === commune.insee ? '' : ` (now part of ${code})`}`
        );
      return { insee: code, name: official.name };
    })
  }));
  if (problems.length > 0) throw new DataError(problems);
  return published;
}

/** A feature's geometry, or throws when the code is missing (references are checked first). */
function geometryOf<P>(map: ReadonlyMap<string, AreaFeature<P>>, code: string): Area {
  const feature = map.get(code);
  if (!feature) throw new Error(`no source geometry for "${code}"`);
  return feature.geometry;
}

/** The union of outlines (one outline is returned as it is). */
function unionOf(parts: Area[], what: string): Area {
  const [first] = parts;
  if (parts.length === 1 && first) return first;
  const merged = union(
    featureCollection(parts.map((geometry) => ({ type: 'Feature' as const, properties: {}, geometry })))
  );
  if (merged === null) throw new Error(`${what}: the union is empty`);
  return merged.geometry;
}

/**
 * The full-resolution outline of a zone and how it was obtained: its département, the union of
 * its QPVs' official contours, or else the union of its communes.
 */
export function zoneOutline(zone: Zone, sources: ZoneSources): { geometry: Area; perimeter: Perimeter } {
  if (zone.kind === 'acceleration-territory')
    return { geometry: geometryOf(sources.departements, zone.departement), perimeter: 'departement' };
  if (zone.qpvs.length > 0)
    return {
      geometry: unionOf(
        zone.qpvs.map((code) => geometryOf(sources.qpvs, code)),
        `zone "${zone.id}": QPVs`
      ),
      perimeter: 'qpv'
    };
  return {
    geometry: unionOf(
      zone.communes.map((c) => geometryOf(sources.communes, c.insee)),
      `zone "${zone.id}": communes`
    ),
    perimeter: 'communes'
  };
}

/** True when a point on the outline lies in the département polygon. */
function liesIn(geometry: Area, departement: Area): boolean {
  const point = pointOnFeature({ type: 'Feature', properties: {}, geometry });
  return booleanPointInPolygon(point, departement);
}

/**
 * Builds the zone features, largest first so small zones draw on top; throws a DataError
 * listing every unknown reference, or every quarter that does not lie in its département.
 */
export function buildZoneFeatures(
  zones: Zone[],
  sources: ZoneSources,
  file: string,
  simplification: ZoneSimplification
): ZoneFeature[] {
  const referenceProblems = checkZoneReferences(zones, sources, file);
  if (referenceProblems.length > 0) throw new DataError(referenceProblems);
  const problems: string[] = [];
  const features = zones.map((zone): ZoneFeature => {
    const { geometry, perimeter } = zoneOutline(zone, sources);
    if (zone.kind === 'quarter' && !liesIn(geometry, geometryOf(sources.departements, zone.departement)))
      problems.push(
        `${file}: zone "${zone.id}": field "departement": the quarter does not lie in département "${zone.departement}"`
      );
    return {
      type: 'Feature',
      properties: {
        id: zone.id,
        name: zone.name,
        kind: zone.kind,
        departement: zone.departement,
        perimeter,
        approximate: perimeter === 'communes',
        // Measured on the full-resolution outline, before simplification.
        areaKm2: roundTo(area(geometry) / 1e6, 2)
      },
      geometry:
        (perimeter === 'departement' ? sources.drawnDepartements?.get(zone.departement) : undefined) ??
        simplifyArea(geometry, simplification[perimeter])
    };
  });
  if (problems.length > 0) throw new DataError(problems);
  return features.sort(
    (a, b) => b.properties.areaKm2 - a.properties.areaKm2 || (a.properties.id < b.properties.id ? -1 : 1)
  );
}

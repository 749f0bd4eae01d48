// The context layers of the map (region, départements, communes, QPV) and the
// region → départements table the measure links need. Pure functions of the sources.
import { bbox, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type {
  CommuneProperties,
  CommunePlace,
  PlaceProperties,
  Places,
  QpvProperties,
  Zone
} from '../../src/lib/types';
import type { Area, AreaFeature } from './read';
import { simplifyArea, type Simplification } from './simplify';
import { SourceError } from './sources';
import type { AdminProperties, QpvSourceProperties } from './zones';

/** Orders places by their `code`, for stable outputs. */
function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** The simplified `features`, each with the properties `describe` gives it, ordered by code. */
function areaLayer<S, P extends { code: string }>(
  features: Iterable<AreaFeature<S>>,
  describe: (feature: AreaFeature<S>) => P,
  simplification: Simplification
): FeatureCollection<Area, P> {
  return {
    type: 'FeatureCollection',
    features: [...features]
      .map((f): Feature<Area, P> => ({
        type: 'Feature',
        properties: describe(f),
        geometry: simplifyArea(f.geometry, simplification)
      }))
      .sort((a, b) => byCode(a.properties, b.properties))
  };
}

/** The properties the generated layers give an admin area. */
function placeProperties(f: AreaFeature<AdminProperties>): PlaceProperties {
  return { code: f.properties.code, name: f.properties.nom };
}

/** The properties the generated layers and the places list give a commune. */
function communeProperties(f: AreaFeature<AdminProperties>): CommuneProperties {
  return { ...placeProperties(f), departement: departementOfCommune(f.properties.code) };
}

/** A FeatureCollection of simplified admin areas with properties {code, name}. */
export function namedAreaLayer(
  features: Iterable<AreaFeature<AdminProperties>>,
  simplification: Simplification
): FeatureCollection<Area, PlaceProperties> {
  return areaLayer(features, placeProperties, simplification);
}

/** The département of a commune from its INSEE code (2A/2B for Corsica, two digits elsewhere in metropolitan France). */
export function departementOfCommune(insee: string): string {
  return insee.slice(0, 2);
}

/** A FeatureCollection of simplified communes with properties {code, name, departement}. */
export function communesLayer(
  communes: Iterable<AreaFeature<AdminProperties>>,
  simplification: Simplification
): FeatureCollection<Area, CommuneProperties> {
  return areaLayer(communes, communeProperties, simplification);
}

/** The list of communes for search, each with its rounded bounding box (no geometry). */
export function placesList(communes: Iterable<AreaFeature<AdminProperties>>): Places {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    communes: [...communes]
      .map((f): CommunePlace => ({
        ...communeProperties(f),
        bbox: bbox(f).map(round) as CommunePlace['bbox']
      }))
      .sort(byCode)
  };
}

/** The QPV layer: each QPV with its NPNRU membership and the zone drawn with it. */
export function qpvLayer(
  qpvs: Iterable<AreaFeature<QpvSourceProperties>>,
  npnruCodes: ReadonlySet<string>,
  zones: Zone[],
  simplification: Simplification
): FeatureCollection<Area, QpvProperties> {
  const zoneByQpv = new Map(zones.filter((z) => z.qpv !== null).map((z) => [z.qpv as string, z.id]));
  return areaLayer(
    qpvs,
    (f): QpvProperties => ({
      code: f.properties.CODE_QP,
      name: f.properties.NOM_QP.trim(),
      // The source pads some separators ("Loos,  Lezennes").
      communes: f.properties.COMMUNE_QP.replace(/\s+/g, ' ').trim(),
      npnru: npnruCodes.has(f.properties.CODE_QP),
      zoneId: zoneByQpv.get(f.properties.CODE_QP) ?? ''
    }),
    simplification
  );
}

/**
 * Which départements each region holds, found geometrically: a département belongs to the
 * region containing a point of its surface. Codes sorted; regions with none are omitted;
 * a département in no region is an error.
 */
export function departementsByRegion(
  departements: Iterable<AreaFeature<AdminProperties>>,
  regions: Iterable<AreaFeature<AdminProperties>>
): Record<string, string[]> {
  const regionList = [...regions];
  const table: Record<string, string[]> = {};
  for (const departement of departements) {
    const point = pointOnFeature(departement);
    const region = regionList.find((r) => booleanPointInPolygon(point, r.geometry));
    if (!region)
      throw new SourceError(
        `département "${departement.properties.code}" lies in no region of the regions source`
      );
    (table[region.properties.code] ??= []).push(departement.properties.code);
  }
  for (const codes of Object.values(table)) codes.sort();
  return table;
}

// The context areas of the map (region, départements, communes, EPCIs, QPV) and the
// region → départements table the measure links need. Pure functions of the sources.
import { bbox, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type {
  CommuneProperties,
  CommunePlace,
  EpciPlace,
  EpciProperties,
  PlaceProperties,
  Places,
  QpvProperties,
  Zone
} from '../../src/lib/types';
import type { OfficialCommune, ReferenceJoin } from './reference';
import type { Area, AreaFeature } from './read';
import type { AdminProperties, QpvSourceProperties } from './zones';
import { DataError } from '../../src/lib/data/schema';
import { qpvDepartement } from '../../src/lib/qpv/code';

/** Orders places by their `code`, for stable outputs. */
function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** The properties the generated layers give an admin area. */
function placeProperties(f: AreaFeature<AdminProperties>): PlaceProperties {
  return { code: f.properties.code, name: f.properties.nom };
}

/** The département of a commune from its INSEE code (2A/2B for Corsica, two digits elsewhere in metropolitan France). */
export function departementOfCommune(insee: string): string {
  return insee.slice(0, 2);
}

/** Admin areas already simplified (on shared arcs) with properties {code, name}, ordered by code. */
export function namedAreas(
  features: Iterable<AreaFeature<AdminProperties>>
): FeatureCollection<Area, PlaceProperties> {
  return {
    type: 'FeatureCollection',
    features: [...features]
      .map((f): Feature<Area, PlaceProperties> => ({
        type: 'Feature',
        properties: placeProperties(f),
        geometry: f.geometry
      }))
      .sort((a, b) => byCode(a.properties, b.properties))
  };
}

/** The properties a commune of the reference carries on the map; `epci` only when that EPCI is drawn. */
function communeProperties(commune: OfficialCommune, drawnEpcis: ReadonlySet<string>): CommuneProperties {
  return {
    code: commune.code,
    name: commune.name,
    departement: departementOfCommune(commune.code),
    epci: commune.epci !== null && drawnEpcis.has(commune.epci) ? commune.epci : ''
  };
}

/** The official commune of a dissolved outline, or throws (the join covers every outline). */
function officialOf(join: ReferenceJoin, code: string): OfficialCommune {
  const commune = join.communes.get(code);
  if (!commune) throw new Error(`commune "${code}" is not in the reference join`);
  return commune;
}

/** The communes layer: outlines dissolved to the reference's communes, with official names and drawn EPCI. */
export function communesLayer(
  outlines: Iterable<AreaFeature<{ code: string }>>,
  join: ReferenceJoin,
  drawnEpcis: ReadonlySet<string>
): FeatureCollection<Area, CommuneProperties> {
  return {
    type: 'FeatureCollection',
    features: [...outlines]
      .map((f): Feature<Area, CommuneProperties> => ({
        type: 'Feature',
        properties: communeProperties(officialOf(join, f.properties.code), drawnEpcis),
        geometry: f.geometry
      }))
      .sort((a, b) => byCode(a.properties, b.properties))
  };
}

/** The EPCI layer: outlines dissolved from their communes, with SIREN and official name. */
export function epciLayer(
  outlines: Iterable<AreaFeature<{ epci: string }>>,
  join: ReferenceJoin
): FeatureCollection<Area, EpciProperties> {
  return {
    type: 'FeatureCollection',
    features: [...outlines]
      .map((f): Feature<Area, EpciProperties> => {
        const epci = join.epcis.get(f.properties.epci);
        if (!epci) throw new Error(`EPCI "${f.properties.epci}" is not in the reference join`);
        return { type: 'Feature', properties: { code: epci.code, name: epci.name }, geometry: f.geometry };
      })
      .sort((a, b) => byCode(a.properties, b.properties))
  };
}

const roundBox = (box: number[]): [number, number, number, number] =>
  box.map((n) => Math.round(n * 1000) / 1000) as [number, number, number, number];

/** The list of communes and EPCIs for search and sheets, each with its rounded bounding box (no geometry). */
export function placesList(
  communes: FeatureCollection<Area, CommuneProperties>,
  epcis: FeatureCollection<Area, EpciProperties>,
  join: ReferenceJoin
): Places {
  const formerNames = new Map<string, string[]>();
  for (const m of join.mapped) formerNames.set(m.to, [...(formerNames.get(m.to) ?? []), m.fromName]);
  const communePlaces = communes.features.map((f): CommunePlace => {
    const official = officialOf(join, f.properties.code);
    const former = formerNames.get(f.properties.code);
    return {
      ...f.properties,
      bbox: roundBox(bbox(f)),
      postalCodes: official.postalCodes,
      population: official.population,
      ...(former ? { formerNames: former.sort() } : {})
    };
  });
  const epciPlaces = epcis.features.map((f): EpciPlace => {
    const members = communePlaces.filter((c) => c.epci === f.properties.code);
    return {
      ...f.properties,
      communes: members.map((c) => c.code),
      population: members.reduce((sum, c) => sum + (c.population ?? 0), 0),
      departements: [...new Set(members.map((c) => c.departement))].sort(),
      bbox: roundBox(bbox(f))
    };
  });
  return { communes: communePlaces, epcis: epciPlaces };
}

/**
 * The EPCIs each zone lies in, by SIREN, from the communes layer (only EPCIs drawn on the map):
 * a zone listing communes lies in the EPCI of each of them, so a quarter may span several;
 * a zone listing none covers its whole département (an acceleration territory) and lies in
 * every EPCI having a commune in that département. Zones in no EPCI get an empty list.
 */
export function zoneEpcis(
  zones: readonly Zone[],
  communes: FeatureCollection<Area, CommuneProperties>
): Record<string, string[]> {
  const byCode = new Map(communes.features.map((f) => [f.properties.code, f.properties]));
  const table: Record<string, string[]> = {};
  for (const zone of zones) {
    const members =
      zone.communes.length > 0
        ? zone.communes.map(({ insee }) => {
            const commune = byCode.get(insee);
            if (!commune)
              throw new Error(`zone "${zone.id}": commune "${insee}" is not in the communes layer`);
            return commune;
          })
        : [...byCode.values()].filter((c) => c.departement === zone.departement);
    table[zone.id] = [...new Set(members.map((c) => c.epci).filter((code) => code !== ''))].sort();
  }
  return table;
}

/** The QPV layer (outlines already simplified): each QPV with its NPNRU membership and the zone drawn with it. */
export function qpvLayer(
  qpvs: Iterable<AreaFeature<QpvSourceProperties>>,
  npnruCodes: ReadonlySet<string>,
  zones: Zone[]
): FeatureCollection<Area, QpvProperties> {
  const zoneByQpv = new Map(zones.filter((z) => z.qpv !== null).map((z) => [z.qpv as string, z.id]));
  return {
    type: 'FeatureCollection',
    features: [...qpvs]
      .map((f): Feature<Area, QpvProperties> => ({
        type: 'Feature',
        properties: {
          code: f.properties.CODE_QP,
          name: f.properties.NOM_QP.trim(),
          // The source pads some separators ("Loos,  Lezennes").
          communes: f.properties.COMMUNE_QP.replace(/\s+/g, ' ').trim(),
          npnru: npnruCodes.has(f.properties.CODE_QP),
          zoneId: zoneByQpv.get(f.properties.CODE_QP) ?? '',
          departement: qpvDepartement(f.properties.CODE_QP)
        },
        geometry: f.geometry
      }))
      .sort((a, b) => byCode(a.properties, b.properties))
  };
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
      throw new DataError(
        `département "${departement.properties.code}" lies in no region of the regions source`
      );
    (table[region.properties.code] ??= []).push(departement.properties.code);
  }
  for (const codes of Object.values(table)) codes.sort();
  return table;
}

// The context areas of the map (region, départements, communes, EPCIs, QPV) and the
// region → départements table the measure links need. Pure functions of the sources.
import { area, bbox, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  CommuneProperties,
  CommunePlace,
  DepartementPlace,
  EpciPlace,
  EpciProperties,
  PlaceProperties,
  Places,
  QpvCoverage,
  QpvPlace,
  QpvProperties,
  QpvTileProperties,
  Zone
} from '../../src/lib/types';
import type { TileBounds } from '../../src/lib/map/tiles';
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

/** A coordinate rounded to 0.001° (about 100 m). */
const round = (n: number) => Math.round(n * 1000) / 1000;

const roundBox = (box: number[]): [number, number, number, number] =>
  box.map(round) as [number, number, number, number];

/**
 * Each département's label point (inside it) and rounded box, by code: the page labels and frames
 * the départements without loading their outlines, which only the map's worker reads.
 */
export function departementPlaces(
  features: Iterable<AreaFeature<AdminProperties>>
): Record<string, DepartementPlace> {
  return Object.fromEntries(
    [...features]
      .sort((a, b) => byCode(a.properties, b.properties))
      .map((f) => {
        const [lon, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
        return [f.properties.code, { label: [round(lon), round(lat)], bbox: roundBox(bbox(f)) }];
      })
  );
}

/** A coordinate rounded to 0.000001° (about 0.1 m): the label stays where the page placed it before. */
const roundLabel = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Each zone's label point by id: a point inside its outline, even a U shape or scattered islands
 * (turf's `pointOnFeature`), where the map writes its name and draws its marker.
 */
export function zoneLabels(
  features: Iterable<Feature<Area, { id: string }>>
): Record<string, [number, number]> {
  return Object.fromEntries(
    [...features].map((f) => {
      const [lon, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
      return [f.properties.id, [roundLabel(lon), roundLabel(lat)]];
    })
  );
}

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

/** Properties of a town-name point in the town tiles. */
export interface TownLabelProperties {
  code: string;
  name: string;
  /** Population municipale, 0 when unknown: the larger town's name wins a collision. */
  population: number;
}

/**
 * One point per commune for its name: its centroid when that lies inside it, else a point on
 * it (a crescent-shaped commune's centroid may fall in its neighbour).
 */
export function townLabelPoints(
  communes: FeatureCollection<Area, CommuneProperties>,
  places: Places
): FeatureCollection<Point, TownLabelProperties> {
  const population = new Map(places.communes.map((c) => [c.code, c.population ?? 0]));
  return {
    type: 'FeatureCollection',
    features: communes.features.map((f) => {
      const middle = centroid(f).geometry;
      return {
        type: 'Feature',
        properties: {
          code: f.properties.code,
          name: f.properties.name,
          population: population.get(f.properties.code) ?? 0
        },
        geometry: booleanPointInPolygon(middle, f) ? middle : pointOnFeature(f).geometry
      };
    })
  };
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
  const zoneByQpv = new Map(zones.flatMap((z) => z.qpvs.map((code) => [code, z.id] as const)));
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

/** The list of QPVs for search and sheets: their properties and rounded boxes, no geometry. */
export function qpvList(qpvs: FeatureCollection<Area, QpvProperties>): QpvPlace[] {
  return qpvs.features.map((f) => ({ ...f.properties, bbox: roundBox(bbox(f)) }));
}

/** The QPV layer as cut into tiles: what the map styles and picks by, with each whole contour's area. */
export function qpvTileLayer(
  qpvs: FeatureCollection<Area, QpvProperties>
): FeatureCollection<Area, QpvTileProperties> {
  return {
    type: 'FeatureCollection',
    features: qpvs.features.map(({ properties: { code, npnru, zoneId }, geometry }) => ({
      type: 'Feature',
      properties: { code, npnru, zoneId, areaKm2: Math.round(area(geometry) / 100) / 1e4 },
      geometry
    }))
  };
}

/** What the QPV layer holds, against the départements of the home region. */
export function qpvCoverage(
  qpvs: readonly Pick<QpvProperties, 'npnru' | 'departement'>[],
  regionDepartements: readonly string[]
): QpvCoverage {
  const departements = qpvs.map((qpv) => qpv.departement);
  return {
    count: qpvs.length,
    npnru: qpvs.filter((qpv) => qpv.npnru).length,
    departements: [...new Set(departements)].sort(),
    outsideRegion: departements.filter((code) => !regionDepartements.includes(code)).length
  };
}

/** A layer's box rounded outwards to 0.001° (about 100 m), or null when it has no feature. */
export function tileBounds(collection: FeatureCollection<Area, object>): TileBounds | null {
  if (collection.features.length === 0) return null;
  const [west, south, east, north] = bbox(collection);
  const down = (n: number) => Math.floor(n * 1000) / 1000;
  const up = (n: number) => Math.ceil(n * 1000) / 1000;
  return [down(west), down(south), up(east), up(north)];
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

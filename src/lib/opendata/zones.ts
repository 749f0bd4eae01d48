// The zones table and the zones' GeoJSON of the open-data package: one owner for their columns
// and properties, used by the geodata build (every zone) and by the list's downloads (the zones
// the filters show).
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { zoneProgrammes } from '../measures/link';
import { PERIMETERS, PROGRAMMES, ZONE_KINDS, type AtlasData, type ZoneProperties } from '../types';
import { joinList, LIST_SEPARATOR, type TableRow, type TableSchema } from './table';

/** What the zones table is made of: the atlas and the zones' outlines (for their perimeter). */
export type ZoneTableData = Pick<AtlasData, 'zones' | 'zoneEpcis' | 'links' | 'measures' | 'departements'>;

const LIST = `liste séparée par « ${LIST_SEPARATOR} »`;

/** Table Schema of zones.csv: one row per zone. */
export const ZONES_SCHEMA: TableSchema = {
  fields: [
    {
      name: 'id',
      type: 'string',
      title: 'Identifiant',
      description: "Identifiant de la zone dans l'atlas (celui des liens vers sa fiche).",
      constraints: { required: true, unique: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*' }
    },
    {
      name: 'nom',
      type: 'string',
      title: 'Nom',
      description: 'Nom de la zone tel que la source le donne.',
      constraints: { required: true }
    },
    {
      name: 'type',
      type: 'string',
      title: 'Type de zone',
      description: "quarter : quartier ; acceleration-territory : territoire d'accélération.",
      constraints: { required: true, enum: ZONE_KINDS }
    },
    {
      name: 'departement',
      type: 'string',
      title: 'Département (code INSEE)',
      description: 'Code INSEE du département où se trouve la zone.',
      constraints: { required: true, pattern: '\\d{2}|2[AB]|97\\d' }
    },
    {
      name: 'departement_nom',
      type: 'string',
      title: 'Département',
      description: 'Nom officiel du département.',
      constraints: { required: true }
    },
    {
      name: 'communes_insee',
      type: 'string',
      title: 'Communes (codes INSEE)',
      description: `Codes INSEE des communes concernées (COG du référentiel), ${LIST} ; vide pour un département entier.`,
      constraints: { pattern: '(\\d{5}|2[AB]\\d{3})(;(\\d{5}|2[AB]\\d{3}))*' }
    },
    {
      name: 'communes_noms',
      type: 'string',
      title: 'Communes',
      description: `Noms officiels des mêmes communes, dans le même ordre, ${LIST}.`
    },
    {
      name: 'epci_siren',
      type: 'string',
      title: 'EPCI (SIREN)',
      description: `SIREN des EPCI où se trouve la zone, ${LIST}.`,
      constraints: { pattern: '\\d{9}(;\\d{9})*' }
    },
    {
      name: 'qpv',
      type: 'string',
      title: 'QPV 2015 (codes)',
      description: `Codes des quartiers prioritaires 2015 dont les contours dessinent la zone, ${LIST} ; vide quand ils ne sont pas connus.`,
      constraints: { pattern: 'QP\\d[\\dAB]\\d{4}(;QP\\d[\\dAB]\\d{4})*' }
    },
    {
      name: 'programmes',
      type: 'string',
      title: 'Programmes',
      description: `Programmes de la zone : les siens et ceux des mesures qui la ciblent (mesures nationales exclues), ${LIST}. Codes : ${PROGRAMMES.join(', ')}.`,
      constraints: { required: true, pattern: `(${PROGRAMMES.join('|')})(;(${PROGRAMMES.join('|')}))*` }
    },
    {
      name: 'perimetre',
      type: 'string',
      title: 'Contour',
      description:
        'Origine du contour : qpv (contour officiel des QPV 2015), communes (union des communes entières), departement (contour du département).',
      constraints: { required: true, enum: PERIMETERS }
    },
    {
      name: 'contour_approche',
      type: 'boolean',
      title: 'Contour approché',
      description:
        'true quand le contour est plus grand que la zone réelle (communes entières) ; false quand il est exact.',
      constraints: { required: true }
    },
    {
      name: 'statut',
      type: 'string',
      title: 'Statut',
      description: 'Statut administratif, tel que la source le donne.',
      constraints: { required: true }
    },
    {
      name: 'date_statut',
      type: 'string',
      title: 'Date du statut',
      description: 'Date (AAAA-MM ou AAAA-MM-JJ) du texte source qui donne ce statut.',
      constraints: { required: true, pattern: '\\d{4}-\\d{2}(-\\d{2})?' }
    },
    {
      name: 'superficie_km2',
      type: 'number',
      title: 'Superficie du contour (km²)',
      description: 'Superficie du contour dessiné, en km².',
      constraints: { required: true }
    }
  ],
  primaryKey: ['id'],
  missingValues: ['']
};

/** The rows of zones.csv for the zones named (in the order given), from the atlas and their outlines. */
export function zoneRows(
  data: ZoneTableData,
  features: readonly Feature<Geometry, ZoneProperties>[],
  ids: readonly string[]
): TableRow[] {
  const zones = indexBy(data.zones, (z) => z.id);
  const measures = indexBy(data.measures, (m) => m.id);
  const outlines = indexBy(features, (f) => f.properties.id);
  return ids.map((id) => {
    const zone = zones.get(id);
    // Two 2018 communes merged since are one commune of the reference: listed once.
    const communes = [...new Map(zone?.communes.map((c) => [c.insee, c])).values()];
    const outline = outlines.get(id)?.properties;
    if (!zone || !outline) throw new Error(`zone "${id}": not in the atlas or without an outline`);
    return {
      id: zone.id,
      nom: zone.name,
      type: zone.kind,
      departement: zone.departement,
      departement_nom: data.departements[zone.departement] ?? zone.departement,
      communes_insee: joinList(communes.map((c) => c.insee)),
      communes_noms: joinList(communes.map((c) => c.name)),
      epci_siren: joinList(data.zoneEpcis[zone.id] ?? []),
      qpv: joinList(zone.qpvs),
      programmes: joinList(zoneProgrammes(zone, data.links[zone.id] ?? [], measures)),
      perimetre: outline.perimeter,
      contour_approche: outline.approximate,
      statut: zone.status,
      date_statut: zone.statusDate,
      superficie_km2: outline.areaKm2
    };
  });
}

function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Decimals kept in the published GeoJSON: 6 (about 0.1 m), as RFC 7946 §11.2 suggests. */
export const GEOJSON_DECIMALS = 6;

type Area = Polygon | MultiPolygon;

/**
 * The zones' GeoJSON (RFC 7946): WGS84 with no `crs` member, exterior rings counterclockwise and
 * holes clockwise (§3.1.6), coordinates rounded to GEOJSON_DECIMALS, each feature carrying its
 * zones.csv row as properties.
 */
export function zonesGeojson(
  features: readonly Feature<Geometry, ZoneProperties>[],
  rows: readonly TableRow[]
): FeatureCollection<Area, TableRow> {
  const outlines = indexBy(features, (f) => f.properties.id);
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const geometry = outlines.get(String(row.id))?.geometry;
      if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
        throw new Error(`zone "${String(row.id)}": no polygon outline`);
      return { type: 'Feature', id: String(row.id), properties: row, geometry: publishedArea(geometry) };
    })
  };
}

function publishedArea(geometry: Area): Area {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
}

function polygon(rings: Position[][]): Position[][] {
  return rings.map((ring, index) => {
    const rounded = dropRepeats(ring.map(roundPosition));
    const counterclockwise = signedArea(rounded) > 0;
    // The first ring is the exterior: counterclockwise; every other is a hole: clockwise.
    return counterclockwise === (index === 0) ? rounded : rounded.reverse();
  });
}

const SCALE = 10 ** GEOJSON_DECIMALS;

function roundPosition([lng, lat]: Position): Position {
  return [Math.round((lng ?? 0) * SCALE) / SCALE, Math.round((lat ?? 0) * SCALE) / SCALE];
}

/** Rounding may make neighbours equal; a repeated position adds nothing to a ring. */
function dropRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1]);
}

/** Twice the signed area of a ring by the shoelace formula: positive when counterclockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

// Parsing and validating the raw inputs: GeoJSON FeatureCollections of polygons and
// one-column CSV code lists. Errors name the file, the feature and what is wrong.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { DataError } from '../../src/lib/data/schema';

/** The only geometries the atlas draws. */
export type Area = Polygon | MultiPolygon;
/** A polygon feature with typed properties. */
export type AreaFeature<P> = Feature<Area, P>;
/** A collection of polygon features with typed properties. */
export type AreaCollection<P> = FeatureCollection<Area, P>;

/** A parsed GeoJSON file: its features and the CRS its legacy `crs` member declares, if any. */
export interface ParsedCollection<K extends string> {
  collection: AreaCollection<Record<K, string>>;
  declaredCrs: string | null;
}

/** Parses JSON text, naming the file when it is not valid JSON. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DataError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Decodes UTF-8 bytes (with or without BOM) and parses them as JSON. */
export function parseJsonBytes(bytes: Uint8Array, file: string): unknown {
  return parseJsonText(new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, ''), file);
}

/** A position reduced to [x, y], or the reason it is not one. */
function readPosition(value: unknown): Position | string {
  if (!Array.isArray(value) || value.length < 2) return 'a position must be an array [x, y]';
  const [x, y] = value as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    return 'a coordinate is not a finite number';
  return [x, y];
}

/** A closed linear ring of at least four positions, or the reason it is not one. */
function readRing(value: unknown): Position[] | string {
  if (!Array.isArray(value)) return 'a ring must be an array of positions';
  const ring: Position[] = [];
  for (const raw of value) {
    const position = readPosition(raw);
    if (typeof position === 'string') return position;
    ring.push(position);
  }
  if (ring.length < 4) return `a ring has ${ring.length} positions (at least 4 needed)`;
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring is not closed';
  return ring;
}

/** The rings of one polygon, or the reason they are not valid. */
function readPolygon(value: unknown): Position[][] | string {
  if (!Array.isArray(value) || value.length === 0) return 'a polygon must be a non-empty array of rings';
  const rings: Position[][] = [];
  for (const raw of value) {
    const ring = readRing(raw);
    if (typeof ring === 'string') return ring;
    rings.push(ring);
  }
  return rings;
}

/** A Polygon or MultiPolygon with 2D coordinates, or the reason it is not one. */
export function readAreaGeometry(value: unknown): Area | string {
  if (typeof value !== 'object' || value === null) return 'missing';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') {
    const polygon = readPolygon(coordinates);
    return typeof polygon === 'string' ? polygon : { type, coordinates: polygon };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0)
      return 'a MultiPolygon needs at least one polygon';
    const polygons: Position[][][] = [];
    for (const raw of coordinates) {
      const polygon = readPolygon(raw);
      if (typeof polygon === 'string') return polygon;
      polygons.push(polygon);
    }
    return { type, coordinates: polygons };
  }
  return `type ${JSON.stringify(type)} is not Polygon or MultiPolygon`;
}

/** Normalizes a CRS name ("urn:ogc:def:crs:EPSG::2154", "EPSG:2154", CRS84) to "EPSG:<code>". */
export function normalizeCrsName(name: string): string | null {
  if (/^urn:ogc:def:crs:OGC:(?:1\.3)?:CRS84$/i.test(name)) return 'EPSG:4326';
  const match = /^(?:urn:ogc:def:crs:EPSG:[^:]*:|EPSG:)(\d+)$/i.exec(name.trim());
  return match ? `EPSG:${match[1]}` : null;
}

/** The CRS declared by a legacy GeoJSON `crs` member (2008 spec), or null when absent. */
function declaredCrsOf(json: Record<string, unknown>, file: string): string | null {
  if (json.crs === undefined || json.crs === null) return null;
  const name = (json.crs as { properties?: { name?: unknown } }).properties?.name;
  const crs = typeof name === 'string' ? normalizeCrsName(name) : null;
  if (crs === null) throw new DataError(`${file}: field "crs": unreadable CRS ${JSON.stringify(json.crs)}`);
  return crs;
}

/**
 * Validates a GeoJSON FeatureCollection of polygons whose features all carry the given
 * string properties; returns it with 2D coordinates and only those properties.
 */
export function parseAreaCollection<K extends string>(
  json: unknown,
  file: string,
  propertyNames: readonly K[]
): ParsedCollection<K> {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'FeatureCollection')
    throw new DataError(`${file}: not a GeoJSON FeatureCollection`);
  const record = json as Record<string, unknown>;
  const rawFeatures = record.features;
  if (!Array.isArray(rawFeatures)) throw new DataError(`${file}: field "features": expected an array`);
  if (rawFeatures.length === 0) throw new DataError(`${file}: no features`);
  const declaredCrs = declaredCrsOf(record, file);
  const features: AreaFeature<Record<K, string>>[] = rawFeatures.map((raw: unknown, index) => {
    const where = `${file}: feature #${index}`;
    if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'Feature')
      throw new DataError(`${where}: not a GeoJSON Feature`);
    const { geometry, properties, id } = raw as { geometry?: unknown; properties?: unknown; id?: unknown };
    const area = readAreaGeometry(geometry);
    if (typeof area === 'string') throw new DataError(`${where}: geometry: ${area}`);
    const props = {} as Record<K, string>;
    for (const name of propertyNames) {
      const value = (properties as Record<string, unknown> | null | undefined)?.[name];
      if (typeof value !== 'string' || value.trim() === '')
        throw new DataError(`${where}: property "${name}": missing or not a non-empty string`);
      props[name] = value;
    }
    const feature: AreaFeature<Record<K, string>> = { type: 'Feature', properties: props, geometry: area };
    if (typeof id === 'string' || typeof id === 'number') feature.id = id;
    return feature;
  });
  return { collection: { type: 'FeatureCollection', features }, declaredCrs };
}

/** Reads the codes of a one-column CSV with a header row (e.g. `code_qp`). */
export function parseCodeList(text: string, file: string, column: string, pattern: RegExp): Set<string> {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, i) => ({ value: line.trim(), line: i + 1 }))
    .filter((row) => row.value !== '');
  const [header, ...body] = rows;
  if (header?.value !== column)
    throw new DataError(
      `${file}: line ${header?.line ?? 1}: expected the header "${column}", got "${header?.value ?? ''}"`
    );
  if (body.length === 0) throw new DataError(`${file}: no rows`);
  const codes = new Set<string>();
  for (const row of body) {
    if (!pattern.test(row.value))
      throw new DataError(`${file}: line ${row.line}: "${row.value}" is not a valid ${column}`);
    codes.add(row.value);
  }
  return codes;
}

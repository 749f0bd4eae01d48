// Reading a polygon layer of a GeoPackage with sql.js. A GeoPackage geometry blob is a
// small "GP" header followed by standard WKB; both are parsed here (OGC 12-128r18 §2.1.3,
// OGC 06-103r4 §8.2), Polygon and MultiPolygon only, Z/M ordinates dropped.
import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import initSqlJs from 'sql.js';
import type { Area, AreaCollection, AreaFeature } from './read';
import { DataError } from '../../src/lib/data/schema';

/** A GeoPackage layer as a collection, with the CRS of its geometry column. */
export interface GeoPackageLayer {
  collection: AreaCollection<Record<string, string>>;
  crs: string;
}

/** Sequential reader over WKB bytes, honouring each geometry's own byte order. */
class WkbReader {
  private offset: number;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, offset: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }

  private need(size: number): void {
    if (this.offset + size > this.view.byteLength)
      throw new Error(
        `truncated WKB: ${size} bytes needed at offset ${this.offset} of ${this.view.byteLength}`
      );
  }

  byte(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }

  uint32(littleEndian: boolean): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, littleEndian);
    this.offset += 4;
    return value;
  }

  float64(littleEndian: boolean): number {
    this.need(8);
    const value = this.view.getFloat64(this.offset, littleEndian);
    this.offset += 8;
    return value;
  }

  get position(): number {
    return this.offset;
  }
}

/** Reads a WKB geometry header: byte order, base type (1..7) and ordinates per point. */
function readWkbHeader(reader: WkbReader): { littleEndian: boolean; type: number; dimensions: number } {
  const order = reader.byte();
  if (order !== 0 && order !== 1) throw new Error(`bad WKB byte order ${order}`);
  const littleEndian = order === 1;
  const code = reader.uint32(littleEndian);
  // ISO WKB: 1000s add Z, 2000s add M, 3000s add both. EWKB high bits are also accepted.
  const iso = code & 0x0fffffff;
  const type = iso % 1000;
  const isoDims = Math.floor(iso / 1000);
  const hasZ = isoDims === 1 || isoDims === 3 || (code & 0x80000000) !== 0;
  const hasM = isoDims === 2 || isoDims === 3 || (code & 0x40000000) !== 0;
  return { littleEndian, type, dimensions: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0) };
}

/** Reads the rings of a WKB Polygon body (after its header). */
function readPolygonBody(reader: WkbReader, littleEndian: boolean, dimensions: number): Position[][] {
  const ringCount = reader.uint32(littleEndian);
  const rings: Position[][] = [];
  for (let r = 0; r < ringCount; r++) {
    const pointCount = reader.uint32(littleEndian);
    const ring: Position[] = [];
    for (let p = 0; p < pointCount; p++) {
      const x = reader.float64(littleEndian);
      const y = reader.float64(littleEndian);
      for (let d = 2; d < dimensions; d++) reader.float64(littleEndian);
      ring.push([x, y]);
    }
    rings.push(ring);
  }
  return rings;
}

/** Parses a WKB Polygon or MultiPolygon starting at `offset`; returns it and the end offset. */
export function parseWkb(bytes: Uint8Array, offset = 0): { geometry: Area; end: number } {
  const reader = new WkbReader(bytes, offset);
  const { littleEndian, type, dimensions } = readWkbHeader(reader);
  if (type === 3) {
    const coordinates = readPolygonBody(reader, littleEndian, dimensions);
    return { geometry: { type: 'Polygon', coordinates }, end: reader.position };
  }
  if (type === 6) {
    const count = reader.uint32(littleEndian);
    const coordinates: Position[][][] = [];
    for (let i = 0; i < count; i++) {
      const part = readWkbHeader(reader);
      if (part.type !== 3) throw new Error(`a WKB MultiPolygon holds a geometry of type ${part.type}`);
      coordinates.push(readPolygonBody(reader, part.littleEndian, part.dimensions));
    }
    return { geometry: { type: 'MultiPolygon', coordinates }, end: reader.position };
  }
  throw new Error(`unsupported WKB geometry type ${type} (only Polygon and MultiPolygon)`);
}

/** Envelope sizes in bytes by the 3-bit envelope indicator of the GP header flags. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** Parses a GeoPackage geometry blob (GP header + WKB) into a polygon geometry, or null when empty. */
export function parseGeoPackageGeometry(blob: Uint8Array): Area | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw new Error('not a GeoPackage geometry (no "GP" magic)');
  const flags = blob[3] as number;
  if ((flags & 0b100000) !== 0) throw new Error('extended GeoPackage geometry types are not supported');
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0b111];
  if (envelope === undefined) throw new Error(`bad envelope indicator ${(flags >> 1) & 0b111}`);
  if ((flags & 0b10000) !== 0) return null;
  const { geometry, end } = parseWkb(blob, 8 + envelope);
  if (end !== blob.length) throw new Error(`${blob.length - end} trailing bytes after the WKB geometry`);
  return geometry;
}

/** Loads sql.js with its wasm from node_modules (no network). */
async function loadSqlJs() {
  const require = createRequire(import.meta.url);
  return initSqlJs({ locateFile: (name: string) => require.resolve(`sql.js/dist/${name}`) });
}

/** Reads a polygon layer of a GeoPackage: text columns become properties, the fid the feature id. */
export async function readGeoPackageLayer(
  bytes: Uint8Array,
  layer: string,
  file: string
): Promise<GeoPackageLayer> {
  const SQL = await loadSqlJs();
  let db;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    throw new DataError(`${file}: not a GeoPackage: ${(error as Error).message}`);
  }
  try {
    const columns = db.exec(
      `SELECT c.column_name, s.organization, s.organization_coordsys_id
         FROM gpkg_geometry_columns c JOIN gpkg_spatial_ref_sys s ON s.srs_id = c.srs_id
        WHERE c.table_name = ?`,
      [layer]
    )[0]?.values[0];
    if (!columns) throw new DataError(`${file}: no feature layer "${layer}"`);
    const [geometryColumn, organization, code] = columns as [string, string, number];
    const crs = `${String(organization).toUpperCase()}:${code}`;
    const result = db.exec(`SELECT * FROM "${layer.replaceAll('"', '""')}"`)[0];
    if (!result || result.values.length === 0) throw new DataError(`${file}: layer "${layer}": no features`);
    const pk = db.exec(`SELECT name FROM pragma_table_info(?) WHERE pk > 0`, [layer])[0]?.values[0]?.[0];
    const features: AreaFeature<Record<string, string>>[] = [];
    result.values.forEach((row, index) => {
      const properties: Record<string, string> = {};
      let geometry: Area | null = null;
      let id: number | undefined;
      for (const [c, column] of result.columns.entries()) {
        const value = row[c];
        if (column === geometryColumn) {
          if (!(value instanceof Uint8Array))
            throw new DataError(`${file}: layer "${layer}": feature #${index}: no geometry`);
          try {
            geometry = parseGeoPackageGeometry(value);
          } catch (error) {
            throw new DataError(
              `${file}: layer "${layer}": feature #${index}: geometry: ${(error as Error).message}`
            );
          }
        } else if (column === pk && typeof value === 'number') {
          id = value;
        } else if (typeof value === 'string') {
          properties[column] = value;
        }
      }
      if (geometry === null)
        throw new DataError(`${file}: layer "${layer}": feature #${index}: empty geometry`);
      const feature: AreaFeature<Record<string, string>> = { type: 'Feature', properties, geometry };
      if (id !== undefined) feature.id = id;
      features.push(feature);
    });
    return { collection: { type: 'FeatureCollection', features }, crs };
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`${file}: layer "${layer}": ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../geodata/build/build';
import { parseGeoPackageGeometry, parseWkb, readGeoPackageLayer } from '../../geodata/build/gpkg';
import { parseAreaCollection, parseJsonBytes } from '../../geodata/build/read';
import { QPV_TILES } from '../../src/lib/map/tiles';
import { BASE_CASE, cleanCase, FIXTURES, prepareCase, snapshotDir, type PreparedCase } from './helpers';

/** Builds WKB bytes by hand: a byte order byte, then uint32 and float64 fields in that order. */
function wkb(
  littleEndian: boolean,
  fields: ({ u32: number } | { f64: number } | { byte: number })[]
): Uint8Array {
  const size = fields.reduce((n, f) => n + ('byte' in f ? 1 : 'u32' in f ? 4 : 8), 0);
  const view = new DataView(new ArrayBuffer(size));
  let offset = 0;
  for (const field of fields) {
    if ('byte' in field) {
      view.setUint8(offset, field.byte);
      offset += 1;
    } else if ('u32' in field) {
      view.setUint32(offset, field.u32, littleEndian);
      offset += 4;
    } else {
      view.setFloat64(offset, field.f64, littleEndian);
      offset += 8;
    }
  }
  return new Uint8Array(view.buffer);
}

/** The fields of a WKB Polygon with one ring (a unit triangle closed on itself). */
function triangleFields(littleEndian: boolean, type = 3, extra = 0) {
  const point = (x: number, y: number) => [
    { f64: x },
    { f64: y },
    ...Array.from({ length: extra }, () => ({ f64: 99 }))
  ];
  return [
    { byte: littleEndian ? 1 : 0 },
    { u32: type },
    { u32: 1 },
    { u32: 4 },
    ...point(0, 0),
    ...point(1, 0),
    ...point(0, 1),
    ...point(0, 0)
  ];
}

const TRIANGLE = [
  [
    [0, 0],
    [1, 0],
    [0, 1],
    [0, 0]
  ]
];

describe('WKB', () => {
  it('reads a little-endian Polygon', () => {
    expect(parseWkb(wkb(true, triangleFields(true))).geometry).toEqual({
      type: 'Polygon',
      coordinates: TRIANGLE
    });
  });

  it('reads a big-endian Polygon', () => {
    expect(parseWkb(wkb(false, triangleFields(false))).geometry).toEqual({
      type: 'Polygon',
      coordinates: TRIANGLE
    });
  });

  it('reads a MultiPolygon whose parts have their own byte order', () => {
    const bytes = new Uint8Array([
      ...wkb(false, [{ byte: 0 }, { u32: 6 }, { u32: 2 }]),
      ...wkb(true, triangleFields(true)),
      ...wkb(false, triangleFields(false))
    ]);
    expect(parseWkb(bytes).geometry).toEqual({ type: 'MultiPolygon', coordinates: [TRIANGLE, TRIANGLE] });
  });

  it('drops the Z ordinate of an ISO PolygonZ', () => {
    expect(parseWkb(wkb(true, triangleFields(true, 1003, 1))).geometry).toEqual({
      type: 'Polygon',
      coordinates: TRIANGLE
    });
  });

  it('refuses a geometry that is not a polygon', () => {
    expect(() => parseWkb(wkb(true, [{ byte: 1 }, { u32: 1 }, { f64: 0 }, { f64: 0 }]))).toThrow(
      'unsupported WKB geometry type 1 (only Polygon and MultiPolygon)'
    );
  });

  it('refuses truncated bytes', () => {
    const bytes = wkb(true, triangleFields(true)).slice(0, 30);
    expect(() => parseWkb(bytes)).toThrow('truncated WKB');
  });
});

describe('GeoPackage geometry blob', () => {
  /** A GP header: magic, version 0, flags, srs_id, then an optional envelope. */
  function header(flags: number, envelope: number[]): Uint8Array {
    const view = new DataView(new ArrayBuffer(8 + envelope.length * 8));
    view.setUint8(0, 0x47);
    view.setUint8(1, 0x50);
    view.setUint8(3, flags);
    view.setInt32(4, 2154, (flags & 1) === 1);
    envelope.forEach((value, i) => view.setFloat64(8 + i * 8, value, (flags & 1) === 1));
    return new Uint8Array(view.buffer);
  }

  it('skips a 32-byte envelope before the WKB', () => {
    const blob = new Uint8Array([...header(0b011, [0, 1, 0, 1]), ...wkb(true, triangleFields(true))]);
    expect(parseGeoPackageGeometry(blob)).toEqual({ type: 'Polygon', coordinates: TRIANGLE });
  });

  it('reads a blob with no envelope', () => {
    const blob = new Uint8Array([...header(0b000, []), ...wkb(false, triangleFields(false))]);
    expect(parseGeoPackageGeometry(blob)).toEqual({ type: 'Polygon', coordinates: TRIANGLE });
  });

  it('reads the empty flag as no geometry', () => {
    expect(parseGeoPackageGeometry(header(0b10001, []))).toBeNull();
  });

  it('refuses bytes without the GP magic', () => {
    expect(() => parseGeoPackageGeometry(wkb(true, triangleFields(true)))).toThrow('no "GP" magic');
  });
});

/** The `qpvs` layer of a GeoPackage and the same layer exported as GeoJSON, both parsed. */
async function readBoth(dir: string, gpkg: string, geojson: string) {
  const fromGpkg = await readGeoPackageLayer(await readFile(join(dir, gpkg)), 'qpvs', gpkg);
  const bytes = await readFile(join(dir, geojson));
  const fromGeojson = parseAreaCollection(parseJsonBytes(bytes, 'g'), 'g', [
    'CODE_QP',
    'NOM_QP',
    'COMMUNE_QP'
  ]);
  return { fromGpkg, fromGeojson };
}

describe('QPV from the GeoPackage and from the derived GeoJSON', () => {
  const prepared: PreparedCase[] = [];
  afterEach(async () => {
    await Promise.all(prepared.splice(0).map(cleanCase));
  });

  it('give the same features in the hand-made fixture', async () => {
    const dir = join(FIXTURES, BASE_CASE, 'input/sources/qpv-2015');
    const { fromGpkg, fromGeojson } = await readBoth(dir, 'qpv-test.gpkg', 'qpv-test-lambert93.geojson');
    expect(fromGpkg.crs).toBe('EPSG:2154');
    expect(fromGeojson.declaredCrs).toBe('EPSG:2154');
    expect(fromGpkg.collection).toEqual(fromGeojson.collection);
  });

  it('give byte-identical QPV list, QPV tiles and zones.geojson when built', async () => {
    const viaGeojson = await prepareCase(BASE_CASE);
    const viaGpkg = await prepareCase('qpv-from-geopackage');
    prepared.push(viaGeojson, viaGpkg);
    expect((await runBuild(viaGeojson)).qpvSource).toBe('qpv-2015/qpv-test-lambert93.geojson');
    expect((await runBuild(viaGpkg)).qpvSource).toBe('qpv-2015/qpv-test.gpkg');
    for (const file of ['qpvs.json', 'zones.geojson']) {
      expect(await readFile(join(viaGpkg.outDir, file), 'utf8'), file).toBe(
        await readFile(join(viaGeojson.outDir, file), 'utf8')
      );
    }
    expect(await snapshotDir(join(viaGpkg.outDir, QPV_TILES.dir))).toEqual(
      await snapshotDir(join(viaGeojson.outDir, QPV_TILES.dir))
    );
  });

  const mirror = resolve(
    process.env.GEODATA_SOURCES ?? fileURLToPath(new URL('../../../shared/geodata/', import.meta.url)),
    'qpv-2015'
  );
  it.skipIf(
    !existsSync(join(mirror, 'mel-lille.gpkg')) || !existsSync(join(mirror, 'qpv-2015-mel-lambert93.geojson'))
  )('give the same 26 MEL QPV, coordinate for coordinate, in the shared mirror', async () => {
    const { fromGpkg, fromGeojson } = await readBoth(
      mirror,
      'mel-lille.gpkg',
      'qpv-2015-mel-lambert93.geojson'
    );
    expect(fromGpkg.collection.features).toHaveLength(26);
    expect(fromGpkg.collection).toEqual(fromGeojson.collection);
  });
});

// Runs the whole build on every fixture case (see tests/geodata/README.md): a case either
// builds and matches its expected.json, or fails with the message of its expected-error.json.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bbox, booleanPointInPolygon, centroid, distance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../geodata/build/build';
import { positionsOf } from '../../geodata/build/reproject';
import type { AtlasData as Atlas, Places, QpvPlace } from '../../src/lib/types';
import { QPV_TILES } from '../../src/lib/map/tiles';
import {
  caseNames,
  cleanCase,
  FIXTURES,
  prepareCase,
  readCaseJson,
  tiledBoxes,
  type PreparedCase
} from './helpers';

interface ExpectedBuild {
  qpvSource: string;
  files: string[];
  zones: Record<string, unknown>[];
  zoneBounds: Record<string, [number, number, number, number]>;
  zoneCentres: Record<string, [number, number]>;
  qpv: Record<string, unknown>[];
  qpvCentres: Record<string, [number, number]>;
  departements: Record<string, unknown>[];
  region: Record<string, unknown>[];
  communes: Record<string, unknown>[];
  epcis: Places['epcis'];
  places: Pick<Places['communes'][number], 'code' | 'postalCodes' | 'population' | 'formerNames'>[];
  referenceReport: string[];
  atlas: {
    region: Atlas['region'];
    departements: Atlas['departements'];
    epcis: Atlas['epcis'];
    zoneEpcis: Atlas['zoneEpcis'];
    zoneIds: string[];
    measureIds: string[];
    sourceIds: string[];
    links: Record<string, string[]>;
    dataDate: string | null;
  };
}

interface ExpectedError {
  message: string;
  match: 'exact' | 'prefix';
}

type Layer = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

// Cases with an `input/` overlay (and the base itself) are whole builds; others serve other tests.
const cases = (await caseNames()).filter((name) => existsSync(join(FIXTURES, name, 'input')));
const has = (name: string, file: string) => existsSync(join(FIXTURES, name, file));
const prepared: PreparedCase[] = [];

afterEach(async () => {
  await Promise.all(prepared.splice(0).map(cleanCase));
});

/** Reads a generated GeoJSON layer. */
async function readLayer(outDir: string, name: string): Promise<Layer> {
  return JSON.parse(await readFile(join(outDir, name), 'utf8')) as Layer;
}

/** Largest number of decimals among a layer's coordinates. */
function maxDecimals(layer: Layer): number {
  let max = 0;
  for (const feature of layer.features)
    for (const position of positionsOf(feature.geometry))
      for (const value of position) max = Math.max(max, (String(value).split('.')[1] ?? '').length);
  return max;
}

/** Distance in metres between the centroid of a feature and a point. */
function centreOffset(feature: Feature<Polygon | MultiPolygon>, centre: [number, number]): number {
  return distance(centroid(feature), centre, { units: 'meters' });
}

describe.each(cases.filter((name) => has(name, 'expected-error.json')))('fixture %s', (name) => {
  it('fails with the expected message and writes nothing', { timeout: 30_000 }, async () => {
    const options = await prepareCase(name);
    prepared.push(options);
    const expected = await readCaseJson<ExpectedError>(name, 'expected-error.json');
    const error = await runBuild(options).then(
      () => null,
      (e: unknown) => e as Error
    );
    expect(error, 'the build should fail').toBeInstanceOf(Error);
    if (expected.match === 'exact') expect(error?.message).toBe(expected.message);
    else expect(error?.message.startsWith(expected.message), error?.message).toBe(true);
    expect(existsSync(options.outDir)).toBe(false);
  });
});

describe.each(cases.filter((name) => has(name, 'expected.json')))('fixture %s', (name) => {
  it('builds every file with the expected content', { timeout: 60_000 }, async () => {
    const options = await prepareCase(name);
    prepared.push(options);
    const expected = await readCaseJson<ExpectedBuild>(name, 'expected.json');
    const result = await runBuild(options);
    const { outDir } = options;

    expect(result.qpvSource).toBe(expected.qpvSource);
    expect(result.manifest.generatedAt).toBe(options.now?.toISOString());
    expect(result.manifest.files.map((f) => f.name)).toEqual(expected.files);
    for (const entry of result.manifest.files) {
      if (entry.tiles !== undefined) {
        // A tile set: its folder holds that many tiles, of that many bytes in all.
        const tiles = (await readdir(join(outDir, entry.name), { recursive: true })).filter((f) =>
          f.endsWith('.pbf')
        );
        expect(tiles.length, entry.name).toBe(entry.tiles);
        const sizes = await Promise.all(tiles.map((f) => readFile(join(outDir, entry.name, f))));
        expect(entry.bytes, entry.name).toBe(sizes.reduce((n, b) => n + b.length, 0));
        continue;
      }
      const bytes = await readFile(join(outDir, entry.name));
      expect(entry.bytes, entry.name).toBe(bytes.length);
      expect(entry.gzipBytes, entry.name).toBeLessThan(entry.bytes + 32);
    }
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as unknown;
    expect(manifest).toEqual(result.manifest);

    const zones = await readLayer(outDir, 'zones.geojson');
    expect(zones.features.map((f) => f.properties)).toEqual(expected.zones);
    expect(zones.features.every((f) => !('id' in f))).toBe(true);
    for (const [id, bounds] of Object.entries(expected.zoneBounds)) {
      const feature = zones.features.find((f) => f.properties.id === id);
      expect(feature && bbox(feature), id).toEqual(bounds);
    }
    for (const [id, centre] of Object.entries(expected.zoneCentres)) {
      const feature = zones.features.find((f) => f.properties.id === id);
      expect(feature && centreOffset(feature, centre), id).toBeLessThan(2);
    }

    // QPVs: their properties in qpvs.json, their contours in tiles (a unit of a z12 tile is ~1.5 m here).
    const qpvs = JSON.parse(await readFile(join(outDir, 'qpvs.json'), 'utf8')) as QpvPlace[];
    expect(qpvs.map(({ bbox: _, ...properties }) => properties)).toEqual(expected.qpv);
    const tiled = await tiledBoxes(outDir, QPV_TILES, QPV_TILES.maxZoom);
    for (const [code, centre] of Object.entries(expected.qpvCentres)) {
      const box = tiled.get(code);
      expect(
        box && distance([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2], centre, { units: 'meters' }),
        code
      ).toBeLessThan(5);
    }

    for (const [file, key] of [
      ['departements.geojson', 'departements'],
      ['region.geojson', 'region'],
      ['communes.geojson', 'communes']
    ] as const) {
      const layer = await readLayer(outDir, file);
      expect(
        layer.features.map((f) => f.properties),
        file
      ).toEqual(expected[key]);
      expect(maxDecimals(layer), file).toBeLessThanOrEqual(4);
    }

    const places = JSON.parse(await readFile(join(outDir, 'places.json'), 'utf8')) as Places;
    expect(
      places.communes.map(({ code, name, departement, epci }) => ({ code, name, departement, epci }))
    ).toEqual(expected.communes);
    expect(
      places.communes.map(({ code, postalCodes, population, formerNames }) => ({
        code,
        postalCodes,
        population,
        ...(formerNames ? { formerNames } : {})
      }))
    ).toEqual(expected.places);
    expect(places.epcis).toEqual(expected.epcis);
    const epciLayer = await readLayer(outDir, 'epci.geojson');
    expect(epciLayer.features.map((f) => f.properties)).toEqual(
      expected.epcis.map(({ code, name }) => ({ code, name }))
    );
    expect(result.referenceReport).toEqual(expected.referenceReport);
    for (const {
      code,
      bbox: [west, south, east, north]
    } of places.communes) {
      expect(west < east && south < north, `bbox of ${code}`).toBe(true);
    }

    const atlas = JSON.parse(await readFile(join(outDir, 'atlas.json'), 'utf8')) as Atlas;
    expect(atlas.generatedAt).toBe(options.now?.toISOString());
    expect(atlas.region).toEqual(expected.atlas.region);
    expect(atlas.departements).toEqual(expected.atlas.departements);
    expect(atlas.epcis).toEqual(expected.atlas.epcis);
    expect(atlas.zoneEpcis).toEqual(expected.atlas.zoneEpcis);
    expect(atlas.zones.map((z) => z.id)).toEqual(expected.atlas.zoneIds);
    // Each zone drawn has its label point, inside its outline as written in zones.geojson.
    const zoneIds = zones.features.map((f) => String(f.properties.id));
    expect(Object.keys(atlas.zoneLabels).sort()).toEqual([...zoneIds].sort());
    zones.features.forEach((feature, i) => {
      expect(booleanPointInPolygon(atlas.zoneLabels[zoneIds[i]!]!, feature), zoneIds[i]).toBe(true);
    });
    expect(atlas.measures.map((m) => m.id)).toEqual(expected.atlas.measureIds);
    expect(atlas.sources.map((s) => s.id)).toEqual(expected.atlas.sourceIds);
    // The data are dated by their newest text, whatever the order the texts are listed in.
    expect(atlas.dataDate).toBe(expected.atlas.dataDate);
    expect(Object.keys(atlas.sources[0] ?? {}).sort()).toEqual([
      'credit',
      'id',
      'layers',
      'licence',
      'publisher',
      'title',
      'url',
      'vintage'
    ]);
    const links = Object.fromEntries(
      Object.entries(atlas.links).map(([zone, list]) => [zone, list.map((l) => `${l.measureId}:${l.via}`)])
    );
    expect(links).toEqual(expected.atlas.links);
  });
});

describe('fixture cases', () => {
  it('cover the required cases, each with exactly one expectation', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'valid-small-build',
        'invalid-json',
        'no-features',
        'sha256-mismatch',
        'measure-unknown-zone',
        'zone-unknown-commune',
        'zone-unknown-qpv',
        'quarter-outside-departement',
        'zone-commune-name-drift',
        'qpv-from-geopackage'
      ])
    );
    for (const name of cases) {
      expect(has(name, 'expected.json') !== has(name, 'expected-error.json'), name).toBe(true);
    }
  });
});

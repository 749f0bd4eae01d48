// The real build: the project's geodata/*.json against the shared mirror (skipped without it).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from '../../geodata/build/build';
import { departementsByRegion } from '../../geodata/build/layers';
import { parseAreaCollection, parseJsonBytes } from '../../geodata/build/read';
import { optionCounts, resetFilter } from '../../src/lib/filters/filter';
import { zoneProgrammes } from '../../src/lib/measures/link';
import type { AtlasData, ZoneProperties } from '../../src/lib/types';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MIRROR = process.env.GEODATA_SOURCES ?? join(REPO, '../shared/geodata');
const ready =
  existsSync(MIRROR) &&
  existsSync(join(REPO, 'geodata/zones.json')) &&
  existsSync(join(REPO, 'geodata/measures.json'));

describe.skipIf(!ready)('the real build', () => {
  let tmp = '';
  let result: BuildResult;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'geodata-real-'));
    result = await runBuild({
      root: REPO,
      sourcesDir: MIRROR,
      cacheDir: join(tmp, 'cache'),
      outDir: join(tmp, 'out')
    });
  }, 60_000);

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('draws the 21 zones, the 26 MEL QPV, the 96 départements and the home region', () => {
    const features = Object.fromEntries(result.manifest.files.map((f) => [f.name, f.features]));
    expect(features).toMatchObject({
      'zones.geojson': 21,
      'qpv.geojson': 26,
      'departements.geojson': 96,
      'region.geojson': 1
    });
    expect(result.qpvSource).toBe('qpv-2015/qpv-2015-mel-lambert93.geojson');
  });

  it('draws the quarters with a QPV code with the official contour, the others approximately', async () => {
    const zones = JSON.parse(await readFile(join(tmp, 'out/zones.geojson'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon,
      ZoneProperties
    >;
    const byPerimeter = (p: string) =>
      zones.features.filter((f) => f.properties.perimeter === p).map((f) => f.properties.id);
    expect(byPerimeter('qpv')).toHaveLength(5);
    expect(byPerimeter('departement')).toHaveLength(6);
    expect(
      zones.features.every((f) => f.properties.approximate === (f.properties.perimeter === 'communes'))
    ).toBe(true);
    const areas = zones.features.map((f) => f.properties.areaKm2);
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
  });

  it('links a measure with only a national target to every zone, territories included, as national', async () => {
    const atlas = JSON.parse(await readFile(join(tmp, 'out/atlas.json'), 'utf8')) as AtlasData;
    const national = atlas.measures.filter((m) => m.appliesTo.every((t) => 'national' in t));
    expect(national.length).toBeGreaterThan(0);
    for (const measure of national)
      for (const zone of atlas.zones)
        expect(
          atlas.links[zone.id]?.find((l) => l.measureId === measure.id)?.via,
          `${measure.id} → ${zone.id}`
        ).toBe('national');
  });

  it('gives programme filter counts that differ by programme', async () => {
    const atlas = JSON.parse(await readFile(join(tmp, 'out/atlas.json'), 'utf8')) as AtlasData;
    const byId = new Map(atlas.measures.map((m) => [m.id, m]));
    const programmes = Object.fromEntries(
      atlas.zones.map((z) => [z.id, zoneProgrammes(z, atlas.links[z.id] ?? [], byId)])
    );
    const counts = Object.values(optionCounts(atlas.zones, programmes, resetFilter()).programmes);
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it('finds the five départements of Hauts-de-France in region 32', async () => {
    const read = async (file: string) =>
      parseAreaCollection(
        parseJsonBytes(await readFile(join(MIRROR, 'admin-express-2018', file)), file),
        file,
        ['code', 'nom']
      ).collection.features;
    const table = departementsByRegion(await read('departements.geojson'), await read('regions.geojson'));
    expect(table['32']).toEqual(['02', '59', '60', '62', '80']);
    expect(Object.values(table).flat()).toHaveLength(96);
  });
});

// The real build: the project's geodata/*.json against the shared mirror (skipped without it).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from '../../geodata/build/build';
import { departementsByRegion } from '../../geodata/build/areas';
import { parseAreaCollection, parseJsonBytes } from '../../geodata/build/read';
import { optionCounts, resetFilter } from '../../src/lib/filters/filter';
import { zoneProgrammes } from '../../src/lib/measures/link';
import type {
  AtlasData,
  CommuneProperties,
  PlaceProperties,
  Places,
  QpvPlace,
  ZoneProperties
} from '../../src/lib/types';
import { searchEntries } from '../../src/lib/search/entries';
import { buildIndex, findEntries } from '../../src/lib/search/search';
import { readTiles } from './helpers';
import { isSimpleValid, seams, tiledOutlineCheck, tiledPieces } from './seams';
import { QPV_TILES } from '../../src/lib/map/tiles';

/**
 * Tolerance for seams between neighbours on the build output: 0.001 km² (1,000 m², a 30 m
 * square) of gaps and of overlap in total. Shared-arc simplification leaves none (only float
 * noise, about 1e-9 km²); the former ring-by-ring simplification left 8 km² of gaps between
 * the five départements and 33 km² between Nord's communes.
 */
const SEAM_TOLERANCE_KM2 = 0.001;

type Layer<P> = FeatureCollection<Polygon | MultiPolygon, P>;

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
  }, 240_000);

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('draws the 21 zones, the 26 MEL QPV, the 96 départements and the home region', () => {
    const features = Object.fromEntries(result.manifest.files.map((f) => [f.name, f.features]));
    expect(features).toMatchObject({
      'zones.geojson': 21,
      'tiles/qpv/': 26,
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

  const layer = async <P>(name: string): Promise<Layer<P>> =>
    JSON.parse(await readFile(join(tmp, 'out', name), 'utf8')) as Layer<P>;

  it('leaves no gap and no overlap between the five départements of Hauts-de-France', async () => {
    const departements = await layer<PlaceProperties>('departements.geojson');
    const home = departements.features.filter((f) =>
      ['02', '59', '60', '62', '80'].includes(f.properties.code)
    );
    const { overlapKm2, gapKm2 } = seams(home);
    expect(overlapKm2).toBeLessThan(SEAM_TOLERANCE_KM2);
    expect(gapKm2).toBeLessThan(SEAM_TOLERANCE_KM2);
  });

  it('leaves no gap and no overlap between the communes of the Nord', async () => {
    const communes = await layer<CommuneProperties>('communes.geojson');
    const nord = communes.features.filter((f) => f.properties.departement === '59');
    expect(nord.length).toBeGreaterThan(600);
    const { overlapKm2, gapKm2 } = seams(nord);
    expect(overlapKm2).toBeLessThan(SEAM_TOLERANCE_KM2);
    expect(gapKm2).toBeLessThan(SEAM_TOLERANCE_KM2);
  }, 60_000);

  it('serves only valid simple outlines', async () => {
    for (const name of [
      'region.geojson',
      'departements.geojson',
      'communes.geojson',
      'epci.geojson',
      'zones.geojson'
    ]) {
      const invalid = (await layer<Record<string, unknown>>(name)).features
        .filter((f) => !isSimpleValid(f))
        .map((f) => String(f.properties.name ?? f.properties.code ?? f.properties.id));
      expect(invalid, name).toEqual([]);
    }
  }, 60_000);

  it('draws the QPV tiles with valid simple outlines, the neighbours keeping their shared borders', async () => {
    // As the map draws them at the deepest zoom of the tile set, decoded from the tiles built.
    const pieces = tiledPieces(await readTiles(join(tmp, 'out'), QPV_TILES, QPV_TILES.maxZoom), QPV_TILES);
    expect(pieces.size).toBe(26);
    const { invalid, overlapKm2, gapKm2 } = tiledOutlineCheck(pieces);
    expect(invalid).toEqual([]);
    expect(overlapKm2).toBeLessThan(SEAM_TOLERANCE_KM2);
    expect(gapKm2).toBeLessThan(SEAM_TOLERANCE_KM2);
  }, 60_000);

  it('names communes officially, with their article, postal codes, population and EPCI', async () => {
    const places = JSON.parse(await readFile(join(tmp, 'out/places.json'), 'utf8')) as Places;
    const commune = (code: string) => places.communes.find((c) => c.code === code);
    expect(commune('59368')).toMatchObject({
      name: 'La Madeleine',
      postalCodes: ['59110'],
      epci: '245900410'
    });
    expect(commune('62826')?.name).toBe('Le Touquet-Paris-Plage');
    expect(commune('59564')?.name).toBe('La Sentinelle');
    expect(places.epcis.find((e) => e.code === '246200364')).toMatchObject({ name: 'CA de Lens - Liévin' });
    // Every 2018 outline is kept: merged communes are listed, not dropped.
    expect(result.referenceReport.filter((line) => line.includes(' → '))).toHaveLength(26);
  });

  it('search finds the official places on the real data, by the one ranking rule', async () => {
    const read = async <T>(name: string) => JSON.parse(await readFile(join(tmp, 'out', name), 'utf8')) as T;
    const atlas = await read<AtlasData>('atlas.json');
    const places = await read<Places>('places.json');
    const qpvs = await read<QpvPlace[]>('qpvs.json');
    const index = buildIndex(searchEntries(atlas, places.communes, qpvs, places.epcis));
    const first = (query: string) => {
      const [entry] = findEntries(index, query);
      return entry && `${entry.type}:${entry.label}`;
    };
    const commune = (query: string) => findEntries(index, query).find((e) => e.type === 'commune')?.label;
    expect(first('59110')).toBe('commune:La Madeleine');
    expect(commune('la madeleine')).toBe('La Madeleine');
    expect(commune('madeleine')).toBe('La Madeleine');
    expect(commune('le touquet')).toBe('Le Touquet-Paris-Plage');
    expect(first('lens lievin')).toBe('epci:CA de Lens - Liévin');
    expect(first("communaute d'agglomeration de lens")).toBe('epci:CA de Lens - Liévin');
    // The town called what was typed first, then the quarters lying in it.
    for (const [query, town] of [
      ['lievin', 'Liévin'],
      ['arras', 'Arras'],
      ['lens', 'Lens'],
      ['valenciennes', 'Valenciennes'],
      ['roubaix', 'Roubaix']
    ] as const) {
      const results = findEntries(index, query);
      expect(`${results[0]?.type}:${results[0]?.label}`, query).toBe(`commune:${town}`);
      expect(results[1]?.type, query).toBe('zone');
    }
    // A town whose official name only starts with what was typed comes after the quarters
    // that name it exactly.
    const teteghem = findEntries(index, 'teteghem');
    expect(teteghem[0]?.type).toBe('zone');
    expect(teteghem.findIndex((e) => e.label === 'Téteghem-Coudekerque-Village')).toBe(
      teteghem.map((e) => e.type).lastIndexOf('zone') + 1
    );
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

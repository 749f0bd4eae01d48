// The official QPV archive as an optional source, on the small fixture world: an
// archive written from the fixture's Lambert-93 QPV squares is dropped where a maintainer would
// drop it, and the build reads it; bad archives fail naming the file and leave the output as it was.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QPV_DROP_IN_DIR, runBuild } from '../../geodata/build/build';
import { sha256Hex } from '../../geodata/build/sources';
import type { AtlasData, QpvPlace } from '../../src/lib/types';
import { QPV_TILES } from '../../src/lib/map/tiles';
import { OFFICIAL_LAYER, shapefileSet, WEB_MERCATOR_PRJ, zipArchive } from './archive-fixture';
import { BASE_CASE, cleanCase, prepareCase, snapshotDir, tiledBoxes, type PreparedCase } from './helpers';

const ARCHIVE = 'qp-politiquedelaville-shp.zip';

/** The entry geodata/sources.json gives the official archive. */
const ARCHIVE_ENTRY = {
  id: 'qpv-2015-officiel-shp',
  layer: OFFICIAL_LAYER,
  title: 'Quartiers prioritaires 2015, fichier national officiel',
  publisher: 'CGET/ANCT',
  licence: 'Licence Ouverte (Etalab)',
  vintage: 'liste QPV 2015 (ressource du 10 janvier 2018)',
  url: null,
  credit: 'CGET/ANCT, contours QPV (liste 2015)',
  layers: ['qpv', 'quarters']
};

const prepared: PreparedCase[] = [];
afterEach(async () => {
  await Promise.all(prepared.splice(0).map(cleanCase));
});

/** The fixture world with the archive's entry in its sources.json. */
async function caseWithArchiveEntry(): Promise<PreparedCase> {
  const options = await prepareCase(BASE_CASE);
  prepared.push(options);
  const manifestPath = join(options.root, 'geodata/sources.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, qpvArchive: ARCHIVE_ENTRY }));
  return options;
}

/** The fixture's QPV squares (Lambert-93) with their properties, optionally changed. */
async function fixtureQpvs(
  options: PreparedCase,
  change: (properties: Record<string, string>) => Record<string, string> | null = (p) => p
): Promise<{ features: unknown[] }> {
  const collection = JSON.parse(
    await readFile(join(options.sourcesDir, 'qpv-2015/qpv-test-lambert93.geojson'), 'utf8')
  ) as { features: { properties: Record<string, string> }[] };
  return {
    features: collection.features.flatMap((f) => {
      const properties = change(f.properties);
      return properties ? [{ ...f, properties }] : [];
    })
  };
}

/** Drops an archive into the case's geodata/local/, as a maintainer would; returns its path. */
async function dropArchive(options: PreparedCase, bytes: Uint8Array): Promise<string> {
  const dir = join(options.root, QPV_DROP_IN_DIR);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ARCHIVE), bytes);
  return join(dir, ARCHIVE);
}

async function readJson<T>(dir: string, name: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
}

describe('the official QPV archive', () => {
  it('a build without the archive reads the QPV GeoJSON', async () => {
    const options = await caseWithArchiveEntry();
    const result = await runBuild(options);
    expect(result.qpvSource).toBe('qpv-2015/qpv-test-lambert93.geojson');
    expect(result.manifest.qpvSource).toMatchObject({ national: false, features: 2, layer: null });
  });

  it('an archive dropped in geodata/local/ is read, and the manifest and atlas.json record its checksum, vintage and count', async () => {
    const options = await caseWithArchiveEntry();
    const bytes = zipArchive(await shapefileSet(await fixtureQpvs(options)));
    const path = await dropArchive(options, bytes);
    const result = await runBuild(options);
    const expected = {
      id: 'qpv-2015-officiel-shp',
      file: ARCHIVE,
      layer: OFFICIAL_LAYER,
      sha256: sha256Hex(bytes),
      vintage: 'liste QPV 2015 (ressource du 10 janvier 2018)',
      features: 2,
      drawn: 2,
      national: true
    };
    expect(result.qpvSource).toBe(path);
    expect(result.manifest.qpvSource).toEqual(expected);
    const atlas = await readJson<AtlasData>(options.outDir, 'atlas.json');
    expect(atlas.qpvSource).toEqual(expected);
    // The archive is credited instead of the MEL files it replaces.
    const credited = atlas.sources.map((s) => s.id);
    expect(credited).toContain('qpv-2015-officiel-shp');
    expect(credited).not.toContain('qpv-2015-mel-lambert93');
    expect(credited).not.toContain('qpv-2015-mel-gpkg');
  });

  it('the zone confirmed with a QPV code is drawn from the archive on the same outline as from the GeoJSON', async () => {
    const plain = await caseWithArchiveEntry();
    await runBuild(plain);
    const options = await caseWithArchiveEntry();
    await dropArchive(options, zipArchive(await shapefileSet(await fixtureQpvs(options))));
    await runBuild(options);
    type Zones = { features: { properties: { id: string; perimeter: string; areaKm2: number } }[] };
    const zoneOf = async (dir: string) =>
      (await readJson<Zones>(dir, 'zones.geojson')).features.find((f) => f.properties.id === 'alpha-qpv')
        ?.properties;
    expect(await zoneOf(options.outDir)).toEqual(await zoneOf(plain.outDir));
    expect((await zoneOf(options.outDir))?.perimeter).toBe('qpv');
  });

  it('a quarter listing two QPVs is drawn with the union of their contours, and both QPVs name it', async () => {
    const options = await caseWithArchiveEntry();
    // A second Nord QPV: the fixture's QP059001 square moved 1 km east, sharing its east side.
    const qpvs = (await fixtureQpvs(options)) as {
      features: { properties: Record<string, string>; geometry: { coordinates: number[][][][] } }[];
    };
    const alpha = qpvs.features.find((f) => f.properties.CODE_QP === 'QP059001')!;
    const east = {
      ...alpha,
      properties: { CODE_QP: 'QP059002', NOM_QP: 'Quartier Alpha Est', COMMUNE_QP: 'Alpha' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: alpha.geometry.coordinates.map((polygon) =>
          polygon.map((ring) => ring.map(([x, y]) => [x! + 1000, y!]))
        )
      }
    };
    await dropArchive(options, zipArchive(await shapefileSet({ features: [...qpvs.features, east] })));
    const zonesPath = join(options.root, 'geodata/zones.json');
    const zones = JSON.parse(await readFile(zonesPath, 'utf8')) as {
      zones: { id: string; qpvs: string[] }[];
    };
    zones.zones.find((z) => z.id === 'alpha-qpv')!.qpvs = ['QP059001', 'QP059002'];
    await writeFile(zonesPath, JSON.stringify(zones));
    await runBuild(options);

    type Zones = {
      features: {
        properties: { id: string; perimeter: string; areaKm2: number };
        geometry: { type: string };
      }[];
    };
    const zone = (await readJson<Zones>(options.outDir, 'zones.geojson')).features.find(
      (f) => f.properties.id === 'alpha-qpv'
    );
    // Two 1 km squares (0.993 km² each on turf's sphere, shown 0.99), merged along their shared side.
    expect(zone?.properties).toMatchObject({ perimeter: 'qpv', areaKm2: 1.99 });
    expect(zone?.geometry.type).toBe('Polygon');
    const listed = await readJson<QpvPlace[]>(options.outDir, 'qpvs.json');
    expect(listed.filter((q) => q.zoneId === 'alpha-qpv').map((q) => q.code)).toEqual([
      'QP059001',
      'QP059002'
    ]);
  });

  it('French names of a Windows-1252 .dbf come out right, and every QPV carries the properties the map reads', async () => {
    const options = await caseWithArchiveEntry();
    const qpvs = await fixtureQpvs(options, (p) =>
      p.CODE_QP === 'QP062001' ? { ...p, NOM_QP: 'Épinette - Cœur de Cité', COMMUNE_QP: 'Gamma-lès-Bœuf' } : p
    );
    await dropArchive(options, zipArchive(await shapefileSet(qpvs)));
    await runBuild(options);
    const listed = await readJson<QpvPlace[]>(options.outDir, 'qpvs.json');
    expect(listed.map(({ bbox: _, ...properties }) => properties)).toEqual([
      {
        code: 'QP059001',
        name: 'Quartier Alpha',
        communes: 'Alpha',
        npnru: true,
        zoneId: 'alpha-qpv',
        departement: '59'
      },
      {
        code: 'QP062001',
        name: 'Épinette - Cœur de Cité',
        communes: 'Gamma-lès-Bœuf',
        npnru: false,
        zoneId: '',
        departement: '62'
      }
    ]);
  });

  it('an archive holding QPVs of two regions lists and tiles them all, and says how many lie outside the region', async () => {
    const options = await caseWithArchiveEntry();
    // The fixture's Pas-de-Calais QPV, renumbered into Seine-Saint-Denis (région 11): the
    // département is read from the code, as the official file's codes carry it.
    const qpvs = await fixtureQpvs(options, (p) =>
      p.CODE_QP === 'QP062001' ? { ...p, CODE_QP: 'QP093001' } : p
    );
    await dropArchive(options, zipArchive(await shapefileSet(qpvs)));
    const result = await runBuild(options);
    const atlas = await readJson<AtlasData>(options.outDir, 'atlas.json');
    expect(atlas.qpvCoverage).toEqual({ count: 2, npnru: 1, departements: ['59', '93'], outsideRegion: 1 });
    expect(atlas.qpvSource).toMatchObject({ features: 2, drawn: 1, national: true });
    const listed = await readJson<QpvPlace[]>(options.outDir, 'qpvs.json');
    expect(listed.map((q) => [q.code, q.departement])).toEqual([
      ['QP059001', '59'],
      ['QP093001', '93']
    ]);
    expect(result.manifest.files.find((f) => f.name === `${QPV_TILES.dir}/`)?.features).toBe(2);
    const tiled = await tiledBoxes(options.outDir, QPV_TILES, QPV_TILES.maxZoom);
    expect([...tiled.keys()].sort()).toEqual(['QP059001', 'QP093001']);
    // The tile set's box holds every QPV: the map asks for no tile outside it.
    const [west, south, east, north] = atlas.tileBounds.qpv!;
    for (const box of tiled.values()) {
      expect(box[0]).toBeGreaterThanOrEqual(west);
      expect(box[1]).toBeGreaterThanOrEqual(south);
      expect(box[2]).toBeLessThanOrEqual(east);
      expect(box[3]).toBeLessThanOrEqual(north);
    }
  });

  it('a QPV code confirmed in zones.json but absent from the archive fails the build, naming zone, code and archive', async () => {
    const options = await caseWithArchiveEntry();
    const qpvs = await fixtureQpvs(options, (p) => (p.CODE_QP === 'QP059001' ? null : p));
    const path = await dropArchive(options, zipArchive(await shapefileSet(qpvs)));
    await expect(runBuild(options)).rejects.toThrow(
      `geodata/zones.json: zone "alpha-qpv": field "qpvs[0]": unknown QPV "QP059001" (not in ${path})`
    );
  });

  it('an archive with no entry in sources.json fails naming the field', async () => {
    const options = await prepareCase(BASE_CASE);
    prepared.push(options);
    await dropArchive(options, zipArchive(await shapefileSet(await fixtureQpvs(options))));
    await expect(runBuild(options)).rejects.toThrow('geodata/sources.json: field "qpvArchive": ');
  });
});

describe('a bad QPV archive fails naming the file and leaves the previous output untouched', () => {
  /** A case whose output holds a previous good build, with a bad archive then dropped in. */
  async function failingCase(
    bad: (options: PreparedCase) => Promise<Uint8Array>,
    message: (path: string) => string
  ): Promise<void> {
    const options = await caseWithArchiveEntry();
    await runBuild(options);
    const before = await snapshotDir(options.outDir);
    const path = await dropArchive(options, await bad(options));
    await expect(runBuild(options)).rejects.toThrow(message(path));
    expect(await snapshotDir(options.outDir)).toEqual(before);
  }

  it('a corrupt archive', async () => {
    await failingCase(
      async () => new TextEncoder().encode('<html>Erreur 404</html>'),
      (path) => `${path}: not a readable zip archive (corrupt or truncated?)`
    );
  });

  it('a truncated archive', async () => {
    await failingCase(
      async (options) => {
        const bytes = zipArchive(await shapefileSet(await fixtureQpvs(options)));
        return bytes.slice(0, Math.floor(bytes.length / 2));
      },
      (path) => `${path}: not a readable zip archive (corrupt or truncated?)`
    );
  });

  it('an archive missing the .dbf', async () => {
    await failingCase(
      async (options) => {
        const files = await shapefileSet(await fixtureQpvs(options));
        delete files[`${OFFICIAL_LAYER}.dbf`];
        return zipArchive(files);
      },
      (path) => `${path}: ${OFFICIAL_LAYER}.dbf is missing (a shapefile needs its .shp, .dbf and .prj)`
    );
  });

  it('an archive in another projection', async () => {
    await failingCase(
      async (options) =>
        zipArchive(await shapefileSet(await fixtureQpvs(options), OFFICIAL_LAYER, WEB_MERCATOR_PRJ)),
      (path) =>
        `${path}: ${OFFICIAL_LAYER}.prj: the projection is neither Lambert-93 (EPSG:2154) nor WGS84 (EPSG:4326)`
    );
  });
});

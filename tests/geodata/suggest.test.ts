// Suggesting QPV codes for the quarters: pure cases on hand-made QPV lists, then the
// proof on real data: an archive written from the MEL GeoPackage's `qpvs` layer (cut whole from
// the official QP_METROPOLE_LB93), read and built as a maintainer would (skipped without the mirror).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShapefileArchive } from '../../geodata/build/archive';
import { runBuild, type BuildResult } from '../../geodata/build/build';
import { readGeoPackageLayer } from '../../geodata/build/gpkg';
import { parseCodeList } from '../../geodata/build/read';
import { sha256Hex } from '../../geodata/build/sources';
import { nameSimilarity, suggestQpvCodes, words } from '../../geodata/build/suggest';
import type { QpvSourceProperties } from '../../geodata/build/zones';
import { parseZones } from '../../src/lib/data/schema';
import type { Zone, ZoneProperties } from '../../src/lib/types';
import { OFFICIAL_LAYER, shapefileSet, zipArchive } from './archive-fixture';

/** A quarter of département 59 with the given name and communes. */
function quarter(id: string, name: string, communes: string[]): Zone {
  return {
    id,
    name,
    kind: 'quarter',
    departement: '59',
    communes: communes.map((c, i) => ({ insee: `5900${i}`, name: c })),
    qpvs: [],
    programmes: ['npnru'],
    status: 'Statut',
    statusDate: '2018-12'
  };
}

const qpv = (code: string, name: string, communes: string): QpvSourceProperties => ({
  CODE_QP: code,
  NOM_QP: name,
  COMMUNE_QP: communes
});

describe('QPV code suggestions', () => {
  it('names are compared on whole words without accents or ligatures', () => {
    expect(words("Mons-en-Barœul, Villeneuve-d'Ascq")).toEqual([
      'mons',
      'en',
      'baroeul',
      'villeneuve',
      'd',
      'ascq'
    ]);
    expect(nameSimilarity('Les Oliveaux', 'LES OLIVEAUX').score).toBe(1);
  });

  it('"La Briquette" shares no name word with "La Briquetterie"', () => {
    expect(
      nameSimilarity('Zone intercommunale Faubourg de Cambrai - La Briquette', 'La Briquetterie')
    ).toEqual({
      score: 0,
      shared: []
    });
  });

  it('one QPV sharing the communes and the name is proposed', () => {
    const [suggestion] = suggestQpvCodes(
      [quarter('bourgogne', 'La Bourgogne', ['Tourcoing'])],
      [qpv('QP059087', 'La Bourgogne', 'Tourcoing'), qpv('QP059085', 'Phalempins', 'Tourcoing')],
      new Set(['QP059087'])
    );
    expect(suggestion?.verdict).toBe('proposed');
    expect(suggestion?.candidates.map((c) => c.code)).toEqual(['QP059087', 'QP059085']);
  });

  it('two QPVs matching alike are shown as ambiguous, never proposed', () => {
    const [suggestion] = suggestQpvCodes(
      [quarter('centre', 'Quartier Centre', ['Bruay'])],
      [qpv('QP059001', 'Centre Nord', 'Bruay'), qpv('QP059002', 'Centre Sud', 'Bruay')],
      new Set()
    );
    expect(suggestion?.verdict).toBe('ambiguous');
    expect(suggestion?.candidates.map((c) => c.code)).toEqual(['QP059001', 'QP059002']);
  });

  it('a QPV sharing a name but no commune is listed, not proposed', () => {
    const [suggestion] = suggestQpvCodes(
      [quarter('briquette', 'Faubourg de Cambrai', ['Marly'])],
      [qpv('QP059079', 'Faubourg de Cambrai', 'Marcq-en-Baroeul')],
      new Set()
    );
    expect(suggestion?.verdict).toBe('ambiguous');
    expect(suggestion?.candidates[0]?.why).toContain('no commune in common');
  });

  it('a QPV of another département is never a candidate', () => {
    const [suggestion] = suggestQpvCodes(
      [quarter('bourgogne', 'La Bourgogne', ['Tourcoing'])],
      [qpv('QP062087', 'La Bourgogne', 'Tourcoing')],
      new Set()
    );
    expect(suggestion?.verdict).toBe('none');
  });
});

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MIRROR = process.env.GEODATA_SOURCES ?? join(REPO, '../shared/geodata');
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const GPKG = join(MIRROR, 'qpv-2015/mel-lille.gpkg');

/** The five quarters of the Lille metropolis and their official QPV codes (PROVENANCE.md). */
const MEL_QUARTERS = {
  'lionderie-3-baudets': 'QP059071',
  'lille-secteur-sud': 'QP059074',
  'les-oliveaux': 'QP059077',
  'nouveau-mons': 'QP059080',
  'la-bourgogne': 'QP059087'
};

describe.skipIf(!existsSync(GPKG))('the MEL contours as an official archive', () => {
  let tmp = '';
  let archivePath = '';
  let archiveBytes: Uint8Array;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'geodata-mel-archive-'));
    const layer = await readGeoPackageLayer(await readFile(GPKG), 'qpvs', GPKG);
    expect(layer.crs).toBe('EPSG:2154');
    archiveBytes = zipArchive(await shapefileSet(layer.collection));
    archivePath = join(tmp, 'qp-politiquedelaville-shp.zip');
    await writeFile(archivePath, archiveBytes);
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('the suggestions find the five MEL quarters from names and communes alone, and "La Briquette" stays unmatched', async () => {
    const archive = await readShapefileArchive(archiveBytes, archivePath, OFFICIAL_LAYER);
    const qpvs = (archive.collection as { features: { properties: QpvSourceProperties }[] }).features.map(
      (f) => f.properties
    );
    const npnru = parseCodeList(
      await readFile(join(MIRROR, 'npnru/npnru-qpv-2015-codes.csv'), 'utf8'),
      'npnru',
      'code_qp',
      /^QP/
    );
    const json = JSON.parse(await readFile(join(REPO, 'geodata/zones.json'), 'utf8')) as { zones: Zone[] };
    // Forget the confirmed codes: the suggestion must find them by itself.
    const unconfirmed = parseZones({ zones: json.zones.map((z) => ({ ...z, qpvs: [] })) }, 'zones.json', {
      departements: new Set(json.zones.map((z) => z.departement)),
      regions: new Set(['32'])
    });
    const suggestions = suggestQpvCodes(unconfirmed, qpvs, npnru);
    const proposed = Object.fromEntries(
      suggestions.filter((s) => s.verdict === 'proposed').map((s) => [s.zoneId, s.candidates[0]?.code])
    );
    expect(proposed).toEqual(MEL_QUARTERS);
    const briquette = suggestions.find((s) => s.zoneId === 'faubourg-de-cambrai-la-briquette');
    expect(briquette?.candidates.map((c) => c.code)).not.toContain('QP059079');
    expect(briquette?.verdict).toBe('none');
  });

  it('npm run geodata:suggest reads the archive GEODATA_QPV_ARCHIVE names and prints the table', async () => {
    const run = await new Promise<{ code: number; stdout: string }>((done) =>
      execFile(
        TSX,
        ['geodata/build/suggest-cli.ts'],
        { cwd: REPO, env: { ...process.env, GEODATA_SOURCES: MIRROR, GEODATA_QPV_ARCHIVE: archivePath } },
        (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, stdout })
      )
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`QPV file: ${archivePath} (26 QPV)`);
    expect(run.stdout).toMatch(/^les-oliveaux +confirmed QP059077 +QP059077 +Les Oliveaux +1\.00 /m);
  }, 60_000);

  describe('the real build fed with it', () => {
    let result: BuildResult;
    let out = '';

    beforeAll(async () => {
      out = join(tmp, 'out');
      result = await runBuild({
        root: REPO,
        sourcesDir: MIRROR,
        cacheDir: join(tmp, 'cache'),
        outDir: out,
        qpvArchive: archivePath
      });
    }, 300_000);

    it('draws the five MEL quarters on their official outline from the archive', async () => {
      const zones = JSON.parse(await readFile(join(out, 'zones.geojson'), 'utf8')) as {
        features: { properties: ZoneProperties }[];
      };
      const drawn = zones.features
        .filter((f) => f.properties.perimeter === 'qpv')
        .map((f) => f.properties.id);
      expect(drawn.sort()).toEqual(Object.keys(MEL_QUARTERS).sort());
      expect(result.qpvSource).toBe(archivePath);
    });

    it('reports the archive in the manifest: name, layer, checksum, vintage, 26 QPVs', () => {
      expect(result.manifest.qpvSource).toMatchObject({
        file: 'qp-politiquedelaville-shp.zip',
        layer: OFFICIAL_LAYER,
        features: 26,
        drawn: 26,
        sha256: sha256Hex(archiveBytes),
        national: true
      });
    });
  });
});

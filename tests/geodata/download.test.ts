// The download path, against a local HTTP server on 127.0.0.1 (no network): sources that are
// in neither the sources dir nor the cache are fetched from their pinned address and verified.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../geodata/build/build';
import type { SourceEntry } from '../../src/lib/data/schema';
import {
  BASE_CASE,
  cleanCase,
  FIXTURES,
  prepareCase,
  readCaseJson,
  snapshotDir,
  type PreparedCase
} from './helpers';

/** Bytes served by path; a test replaces entries to serve something else. */
const served = new Map<string, Buffer>();
const requests: string[] = [];
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').slice(1));
    requests.push(path);
    const body = served.get(path);
    if (body === undefined) response.writeHead(404).end('not found');
    else response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

const prepared: PreparedCase[] = [];
afterEach(async () => {
  await Promise.all(prepared.splice(0).map(cleanCase));
  served.clear();
  requests.length = 0;
});

/**
 * A base case whose sources dir is empty: every source must come from the server. As in the
 * real manifest, the derived QPV GeoJSON has no address, so the GeoPackage is fetched instead.
 */
async function prepareRemoteCase(): Promise<PreparedCase> {
  const options = await prepareCase(BASE_CASE);
  prepared.push(options);
  const manifestPath = join(options.root, 'geodata/sources.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { sources: SourceEntry[] };
  for (const entry of manifest.sources) {
    served.set(entry.path, await readFile(join(options.sourcesDir, entry.path)));
    entry.url = entry.id === 'qpv-2015-mel-lambert93' ? null : `${baseUrl}/${entry.path}`;
  }
  await writeFile(manifestPath, JSON.stringify(manifest));
  const empty = join(options.tmp, 'no-sources');
  await mkdir(empty);
  return { ...options, sourcesDir: empty };
}

describe('downloading sources', () => {
  it(
    'fetches every missing source from its pinned address, verifies it and keeps it in the cache',
    { timeout: 30_000 },
    async () => {
      const options = await prepareRemoteCase();
      const result = await runBuild(options);
      expect(result.qpvSource).toBe('qpv-2015/qpv-test.gpkg');
      expect(requests.sort()).toEqual([
        'admin-express-2018/communes-test-93.geojson',
        'admin-express-2018/communes-test-nord.geojson',
        'admin-express-2018/departements.geojson',
        'admin-express-2018/regions.geojson',
        'npnru/npnru-test.csv',
        'qpv-2015/qpv-test.gpkg'
      ]);
      for (const path of requests)
        expect(await readFile(join(options.cacheDir, path)), path).toEqual(served.get(path));
    }
  );

  it('reads the cache on the next build and downloads nothing', async () => {
    const options = await prepareRemoteCase();
    await runBuild(options);
    requests.length = 0;
    await runBuild(options);
    expect(requests).toEqual([]);
  });

  it('rejects a download whose sha256 does not match and keeps nothing of it', async () => {
    const options = await prepareRemoteCase();
    const tampered = join(FIXTURES, 'download-checksum-mismatch/served/admin-express-2018/regions.geojson');
    served.set('admin-express-2018/regions.geojson', await readFile(tampered));
    const expected = await readCaseJson<{ message: string }>(
      'download-checksum-mismatch',
      'expected-error.json'
    );
    await expect(runBuild(options)).rejects.toThrow(
      expected.message.replace('{url}', `${baseUrl}/admin-express-2018/regions.geojson`)
    );
    expect(existsSync(join(options.cacheDir, 'admin-express-2018/regions.geojson'))).toBe(false);
    const cached = Object.keys(await snapshotDir(options.cacheDir));
    expect(cached.filter((path) => path.endsWith('.part'))).toEqual([]);
    expect(existsSync(options.outDir)).toBe(false);
  });

  it('names the address and the HTTP status when the server refuses', async () => {
    const options = await prepareRemoteCase();
    served.delete('admin-express-2018/departements.geojson');
    await expect(runBuild(options)).rejects.toThrow(
      `admin-express-2018/departements.geojson: download from ${baseUrl}/admin-express-2018/departements.geojson failed: HTTP 404`
    );
    expect(await readdir(options.cacheDir).catch(() => [])).toEqual([]);
  });

  it('fails on a missing source that has no pinned address, naming it', async () => {
    const options = await prepareRemoteCase();
    const manifestPath = join(options.root, 'geodata/sources.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { sources: SourceEntry[] };
    for (const entry of manifest.sources) if (entry.id === 'departements') entry.url = null;
    await writeFile(manifestPath, JSON.stringify(manifest));
    await expect(runBuild(options)).rejects.toThrow(
      'admin-express-2018/departements.geojson: not found in the sources dir nor the cache, and it has no pinned address'
    );
  });
});

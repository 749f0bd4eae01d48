// The CLI as `npm run geodata` runs it: a real process, its exit code, stdout and stderr.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_CASE, cleanCase, prepareCase, type PreparedCase } from './helpers';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs geodata/build/cli.ts with arguments and the sources dir of a case. */
function cli(args: string[], sourcesDir: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      TSX,
      ['geodata/build/cli.ts', ...args],
      {
        cwd: REPO,
        env: {
          ...process.env,
          GEODATA_SOURCES: sourcesDir,
          GEODATA_REFERENCES: join(sourcesDir, '../references')
        }
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    );
  });
}

const prepared: PreparedCase[] = [];
afterEach(async () => {
  await Promise.all(prepared.splice(0).map(cleanCase));
});

describe('npm run geodata', () => {
  it('exits 0 and prints one line per generated file', async () => {
    const options = await prepareCase(BASE_CASE);
    prepared.push(options);
    const run = await cli(['--root', options.root, '--out', options.outDir], options.sourcesDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const file of [
      'zones.geojson',
      'region.geojson',
      'departements.geojson',
      'qpvs.json',
      'communes.geojson',
      'epci.geojson',
      'neighbours.geojson',
      'atlas.json'
    ])
      expect(run.stdout).toMatch(new RegExp(`^${file.replace('.', '\\.')} .* gzip$`, 'm'));
    expect(run.stdout).toMatch(/^first load .* gzip of 250\.0 kB$/m);
    expect(existsSync(options.outDir)).toBe(true);
  }, 30_000);

  it('exits 1 with the error message alone on stderr when the data is bad', async () => {
    const options = await prepareCase('measure-unknown-zone');
    prepared.push(options);
    const run = await cli(['--root', options.root, '--out', options.outDir], options.sourcesDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'geodata/measures.json: measure "m-zone": field "appliesTo[0].zones[1]": unknown zone "q-nowhere"\n'
    );
    expect(run.stdout).toBe('');
    expect(existsSync(options.outDir)).toBe(false);
  }, 30_000);

  it('exits 2 with the usage on an unknown option', async () => {
    const run = await cli(['--output', 'x'], '/nonexistent');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run geodata');
  }, 30_000);
});

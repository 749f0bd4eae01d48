// Atomic output: a failed build or write leaves the previous output dir byte-identical and no
// temporary directory behind; a successful one replaces it whole.
import { readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../geodata/build/build';
import { writeOutputDir } from '../../geodata/build/write';
import { BASE_CASE, cleanCase, prepareCase, snapshotDir, type PreparedCase } from './helpers';

const prepared: PreparedCase[] = [];
afterEach(async () => {
  await Promise.all(prepared.splice(0).map(cleanCase));
});

/** A case whose output dir already holds a previous successful build. */
async function caseWithPreviousOutput(name: string): Promise<PreparedCase> {
  const previous = await prepareCase(BASE_CASE);
  const options = await prepareCase(name);
  prepared.push(previous, options);
  await runBuild({ ...previous, outDir: options.outDir });
  return options;
}

/** Entries next to the output dir, to spot leftover temporary directories. */
async function siblings(outDir: string): Promise<string[]> {
  return (await readdir(dirname(outDir))).filter((name) => name.includes('out')).sort();
}

describe('atomic output', () => {
  it('a build failing on bad data leaves the previous output byte-identical', async () => {
    const options = await caseWithPreviousOutput('zone-unknown-qpv');
    const before = await snapshotDir(options.outDir);
    await expect(runBuild(options)).rejects.toThrow('unknown QPV "QP059999"');
    expect(await snapshotDir(options.outDir)).toEqual(before);
    expect(await siblings(options.outDir)).toEqual(['out']);
  });

  it('a write failing its read-back check leaves the previous output byte-identical', async () => {
    const options = await caseWithPreviousOutput(BASE_CASE);
    const before = await snapshotDir(options.outDir);
    const files = [
      { name: 'zones.geojson', content: '{"type":"FeatureCollection","features":[]}', features: 0 },
      { name: 'atlas.json', content: '{"zones": [', features: null }
    ];
    await expect(writeOutputDir(options.outDir, files, '2019-01-25T00:00:00.000Z')).rejects.toThrow(
      'atlas.json: generated file is not valid JSON'
    );
    expect(await snapshotDir(options.outDir)).toEqual(before);
    expect(await siblings(options.outDir)).toEqual(['out']);
  });

  it('a successful build replaces the whole previous output, stale files included', async () => {
    const options = await caseWithPreviousOutput(BASE_CASE);
    await writeFile(join(options.outDir, 'stale.geojson'), '{}');
    await runBuild(options);
    // Top-level names: a tile set is one folder of z/x/y files.
    const names = new Set(Object.keys(await snapshotDir(options.outDir)).map((path) => path.split('/')[0]));
    expect([...names].sort()).toEqual([
      'atlas.json',
      'communes.geojson',
      'departements.geojson',
      'epci.geojson',
      'manifest.json',
      'neighbours.geojson',
      'places.json',
      'qpvs.json',
      'region.geojson',
      'tiles',
      'zones.geojson'
    ]);
    expect(await siblings(options.outDir)).toEqual(['out']);
  });
});

// `npm run geodata`: builds static/data from geodata/*.json and the raw sources.
// Exit codes: 0 built, 1 bad input (the message names file, record and field), 2 bad usage.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DataError } from '../../src/lib/data/schema';
import { runBuild, type BuildOptions, type BuildResult } from './build';
import type { Manifest, ManifestEntry } from './write';

/** The repository holding this build. */
export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** Files the first screen loads, and the gzip budget they share. */
const FIRST_LOAD = [
  'neighbours.geojson',
  'zones.geojson',
  'region.geojson',
  'departements.geojson',
  'atlas.json'
];
const FIRST_LOAD_BUDGET_BYTES = 250_000;

const USAGE = `Usage: npm run geodata -- [--out DIR] [--root DIR]

  --out DIR    output directory (default: static/data)
  --root DIR   project root holding geodata/*.json (default: this repository)

Environment: GEODATA_SOURCES = raw sources directory (default: ../shared/geodata beside this repository);
GEODATA_REFERENCES = folder of the reference packages by name (default: the installed ones);
GEODATA_QPV_ARCHIVE = the official QPV archive qp-politiquedelaville-shp.zip (default: looked for in
the sources directory under qpv-2015/, then in geodata/local/; without it, the MEL GeoPackage).
Missing sources are downloaded from their pinned address into geodata/.cache/.`;

/** Formats a byte count for humans, in kB (1000 bytes) as browsers' devtools do. */
export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

/** What the manifest records of the QPV file: layer, count, vintage and checksum. */
function qpvDetails({ qpvSource }: Manifest): string {
  if (!qpvSource) return '';
  const layer = qpvSource.layer === null ? '' : `layer ${qpvSource.layer}, `;
  return ` (${layer}${qpvSource.features} QPV, ${qpvSource.drawn} of the home region, ${qpvSource.vintage}, sha256 ${qpvSource.sha256})`;
}

/** One line per generated file, then the first-load total against its budget. */
export function summaryLines(result: BuildResult): string[] {
  const lines = result.manifest.files.map(
    (f: ManifestEntry) =>
      `${f.name.padEnd(22)} ${(f.features === null ? '' : `${f.features} features`).padStart(15)} ${formatBytes(f.bytes).padStart(10)} ${`${formatBytes(f.gzipBytes)} gzip`.padStart(14)}`
  );
  const firstLoad = result.manifest.files
    .filter((f) => FIRST_LOAD.includes(f.name))
    .reduce((sum, f) => sum + f.gzipBytes, 0);
  lines.push(
    `first load (${FIRST_LOAD.join(' + ')}): ${formatBytes(firstLoad)} gzip of ${formatBytes(FIRST_LOAD_BUDGET_BYTES)}${firstLoad > FIRST_LOAD_BUDGET_BYTES ? ' — OVER BUDGET' : ''}`,
    `QPV contours from ${result.qpvSource}${qpvDetails(result.manifest)}; built in ${(result.durationMs / 1000).toFixed(1)} s`
  );
  return lines;
}

/**
 * The build options the environment gives, for a project root (the output dir is the caller's).
 * The raw sources and their download cache are this repository's whatever the root, so that a
 * build of other data (the browser tests' fixture project) reads and downloads the same bytes.
 */
export function buildOptionsFrom(root: string, env: NodeJS.ProcessEnv): BuildOptions {
  return {
    root,
    outDir: resolve(root, 'static/data'),
    sourcesDir: resolve(env.GEODATA_SOURCES ?? resolve(REPO_ROOT, '../shared/geodata')),
    referencesDir: env.GEODATA_REFERENCES ? resolve(env.GEODATA_REFERENCES) : undefined,
    cacheDir: resolve(REPO_ROOT, 'geodata/.cache'),
    ...(env.GEODATA_QPV_ARCHIVE ? { qpvArchive: resolve(env.GEODATA_QPV_ARCHIVE) } : {})
  };
}

/** Runs the CLI with the given arguments and environment; returns the exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let values: { out?: string; root?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { out: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const root = resolve(values.root ?? REPO_ROOT);
  try {
    const result = await runBuild({
      ...buildOptionsFrom(root, env),
      outDir: resolve(values.out ?? resolve(root, 'static/data'))
    });
    process.stdout.write(`${[...result.referenceReport, ...summaryLines(result)].join('\n')}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error);
  }
}

/** Writes a failure to stderr and returns exit code 1: bad input by its message, a bug with its stack. */
export function reportFailure(error: unknown): 1 {
  // Bad input is explained by its message; anything else is a bug and keeps its stack.
  const expected = error instanceof DataError;
  process.stderr.write(
    `${expected ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  );
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}

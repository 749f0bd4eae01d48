// Locating, downloading and verifying the raw sources listed in `geodata/sources.json`.
// A source is read from the sources dir, else from the download cache, else fetched from
// its pinned address; every byte read is checked against the committed sha256.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DataError, SLUG, type SourceEntry } from '../../src/lib/data/schema';
import { LAYER_IDS, type LayerId } from '../../src/lib/types';

/** Where sources are looked for. */
export interface SourceDirs {
  sourcesDir: string;
  cacheDir: string;
}

/** How bytes are fetched; the global fetch by default, a stub never (tests use a local server). */
export type Fetch = (url: string) => Promise<Response>;

/** Hex sha256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws unless the bytes have the sha256 committed for that source. */
export function verifyChecksum(bytes: Uint8Array, entry: SourceEntry, origin = ''): void {
  const actual = sha256Hex(bytes);
  if (actual !== entry.sha256)
    throw new DataError(`${entry.path}: ${origin}sha256 mismatch: expected ${entry.sha256}, got ${actual}`);
}

/** Reads a file, or returns null when it does not exist. */
async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads a source from the sources dir or the cache, verified; null when in neither. */
export async function readLocalSource(entry: SourceEntry, dirs: SourceDirs): Promise<Uint8Array | null> {
  for (const dir of [dirs.sourcesDir, dirs.cacheDir]) {
    const bytes = await readIfExists(join(dir, entry.path));
    if (bytes !== null) {
      verifyChecksum(bytes, entry);
      return bytes;
    }
  }
  return null;
}

/** Fetches a source from its pinned address into the cache; nothing is kept unless the sha256 matches. */
export async function downloadSource(
  entry: SourceEntry,
  cacheDir: string,
  fetchBytes: Fetch = fetch
): Promise<Uint8Array> {
  if (entry.url === null)
    throw new DataError(
      `${entry.path}: not found in the sources dir nor the cache, and it has no pinned address`
    );
  let response: Response;
  try {
    response = await fetchBytes(entry.url);
  } catch (error) {
    throw new DataError(`${entry.path}: download from ${entry.url} failed: ${(error as Error).message}`);
  }
  if (!response.ok)
    throw new DataError(`${entry.path}: download from ${entry.url} failed: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  verifyChecksum(bytes, entry, `downloaded from ${entry.url}: `);
  const target = join(cacheDir, entry.path);
  await mkdir(dirname(target), { recursive: true });
  // Write then rename, so an interrupted download never leaves a partial file in the cache.
  const partial = `${target}.${randomBytes(4).toString('hex')}.part`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return bytes;
}

/** Reads a source from wherever it is, downloading it when needed; always verified. */
export async function readSource(
  entry: SourceEntry,
  dirs: SourceDirs,
  fetchBytes: Fetch = fetch
): Promise<Uint8Array> {
  return (await readLocalSource(entry, dirs)) ?? (await downloadSource(entry, dirs.cacheDir, fetchBytes));
}

/** The entry with that id, or throws. */
export function sourceById(entries: SourceEntry[], id: string, file: string): SourceEntry {
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new DataError(`${file}: no source with id "${id}"`);
  return entry;
}

/**
 * The `qpvArchive` entry of `geodata/sources.json`: the official national QPV archive, an
 * optional source a maintainer brings. It has no committed sha256: the build
 * records the checksum of the file it read in the manifest.
 */
export interface QpvArchiveEntry {
  id: string;
  /** The shapefile read in it (the metropolitan layer, in Lambert-93). */
  layer: string;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  url: string | null;
  /** Short French credit with its vintage, as the layer panel shows it. */
  credit: string;
  /** Map layers drawn from it. */
  layers: LayerId[];
}

const nonEmpty = z.string().min(1, { error: 'must not be empty' });
const qpvArchiveSchema = z.strictObject({
  id: z.string().regex(SLUG, { error: 'must be a lowercase slug' }),
  layer: nonEmpty,
  title: nonEmpty,
  publisher: nonEmpty,
  licence: nonEmpty,
  vintage: nonEmpty,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL or null' }).nullable(),
  credit: nonEmpty,
  layers: z.array(z.enum(LAYER_IDS)).default([])
});

/** Validates `qpvArchive` of `geodata/sources.json`, or throws a DataError naming the field. */
export function parseQpvArchiveEntry(json: unknown, file: string): QpvArchiveEntry {
  const record =
    typeof json === 'object' && json !== null ? (json as { qpvArchive?: unknown }).qpvArchive : undefined;
  const result = qpvArchiveSchema.safeParse(record);
  if (!result.success)
    throw new DataError(
      result.error.issues.map(
        (issue) =>
          `${file}: field "${['qpvArchive', ...issue.path.map(String)].join('.')}": ${issue.message} (needed to read the official QPV archive)`
      )
    );
  return result.data;
}

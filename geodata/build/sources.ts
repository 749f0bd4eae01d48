// Locating, downloading and verifying the raw sources listed in `geodata/sources.json`.
// A source is read from the sources dir, else from the download cache, else fetched from
// its pinned address; every byte read is checked against the committed sha256.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { formatPath } from '../../src/lib/data/schema';

/** One entry of `geodata/sources.json`. */
export interface SourceEntry {
  id: string;
  file: string;
  /** Path relative to the sources dir, e.g. "admin-express-2018/departements.geojson". */
  path: string;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  /** "EPSG:4326", "EPSG:2154", or null for non-spatial files. */
  crs: string | null;
  sha256: string;
  /** Pinned address of the exact bytes, or null where there is none. */
  url: string | null;
}

/** A source that cannot be found, fetched or trusted. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** Where sources are looked for. */
export interface SourceDirs {
  sourcesDir: string;
  cacheDir: string;
}

/** How bytes are fetched; the global fetch by default, a stub never (tests use a local server). */
export type Fetch = (url: string) => Promise<Response>;

const nonEmpty = z.string().min(1, { error: 'must not be empty' });
const sourceEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a lowercase slug' }),
  file: nonEmpty,
  path: z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$)).+$/, {
    error: 'must be a relative path inside the sources dir'
  }),
  title: nonEmpty,
  publisher: nonEmpty,
  licence: nonEmpty,
  vintage: nonEmpty,
  crs: z.enum(['EPSG:4326', 'EPSG:2154']).nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex digits' }),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL or null' }).nullable()
});

/** Validates the content of `geodata/sources.json` ({"sources": [...]}), or throws a SourceError. */
export function parseSourceManifest(json: unknown, file: string): SourceEntry[] {
  const records =
    typeof json === 'object' && json !== null ? (json as { sources?: unknown }).sources : undefined;
  if (!Array.isArray(records)) throw new SourceError(`${file}: field "sources": expected an array`);
  const problems: string[] = [];
  const entries: SourceEntry[] = [];
  const ids = new Set<string>();
  records.forEach((record, index) => {
    const result = sourceEntrySchema.safeParse(record);
    const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
    const label = typeof id === 'string' && id !== '' ? `source "${id}"` : `source #${index}`;
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`${file}: ${label}: field "${formatPath(issue.path)}": ${issue.message}`);
      return;
    }
    if (ids.has(result.data.id)) problems.push(`${file}: ${label}: field "id": duplicate id`);
    else if (!result.data.path.endsWith(result.data.file))
      problems.push(`${file}: ${label}: field "path": does not end with its file name "${result.data.file}"`);
    ids.add(result.data.id);
    entries.push(result.data);
  });
  if (problems.length > 0) throw new SourceError(problems.join('\n'));
  return entries;
}

/** Hex sha256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws unless the bytes have the sha256 committed for that source. */
export function verifyChecksum(bytes: Uint8Array, entry: SourceEntry, origin = ''): void {
  const actual = sha256Hex(bytes);
  if (actual !== entry.sha256)
    throw new SourceError(`${entry.path}: ${origin}sha256 mismatch: expected ${entry.sha256}, got ${actual}`);
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
    throw new SourceError(
      `${entry.path}: not found in the sources dir nor the cache, and it has no pinned address`
    );
  let response: Response;
  try {
    response = await fetchBytes(entry.url);
  } catch (error) {
    throw new SourceError(`${entry.path}: download from ${entry.url} failed: ${(error as Error).message}`);
  }
  if (!response.ok)
    throw new SourceError(`${entry.path}: download from ${entry.url} failed: HTTP ${response.status}`);
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
  if (!entry) throw new SourceError(`${file}: no source with id "${id}"`);
  return entry;
}

/** One entry of `references` in `geodata/sources.json`: reference data shipped as an npm package. */
export interface ReferenceEntry {
  id: string;
  /** npm package name; its version is pinned exactly in package.json too. */
  package: string;
  version: string;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  /** Why this version (vintage) was chosen. */
  why: string;
  url: string;
}

const referenceEntrySchema = z.strictObject({
  id: sourceEntrySchema.shape.id,
  package: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be an exact version' }),
  title: nonEmpty,
  publisher: nonEmpty,
  licence: nonEmpty,
  vintage: nonEmpty,
  why: nonEmpty,
  url: z.url({ protocol: /^https?$/ })
});

/** Validates `references` of `geodata/sources.json` (reference data shipped as npm packages), or throws. */
export function parseReferenceManifest(json: unknown, file: string): ReferenceEntry[] {
  const records =
    typeof json === 'object' && json !== null ? (json as { references?: unknown }).references : undefined;
  if (!Array.isArray(records)) throw new SourceError(`${file}: field "references": expected an array`);
  const problems: string[] = [];
  const entries = records.flatMap((record, index) => {
    const result = referenceEntrySchema.safeParse(record);
    if (result.success) return [result.data];
    for (const issue of result.error.issues)
      problems.push(`${file}: reference #${index}: field "${formatPath(issue.path)}": ${issue.message}`);
    return [];
  });
  if (problems.length > 0) throw new SourceError(problems.join('\n'));
  return entries;
}

/**
 * The `qpvArchive` entry of `geodata/sources.json`: the official national QPV archive, an
 * optional source a maintainer brings (issue 11). It has no committed sha256: the build
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
}

const qpvArchiveSchema = z.strictObject({
  id: sourceEntrySchema.shape.id,
  layer: nonEmpty,
  title: nonEmpty,
  publisher: nonEmpty,
  licence: nonEmpty,
  vintage: nonEmpty,
  url: sourceEntrySchema.shape.url
});

/** Validates `qpvArchive` of `geodata/sources.json`, or throws a SourceError naming the field. */
export function parseQpvArchiveEntry(json: unknown, file: string): QpvArchiveEntry {
  const record =
    typeof json === 'object' && json !== null ? (json as { qpvArchive?: unknown }).qpvArchive : undefined;
  const result = qpvArchiveSchema.safeParse(record);
  if (!result.success)
    throw new SourceError(
      result.error.issues
        .map(
          (issue) =>
            `${file}: field "${['qpvArchive', ...issue.path.map(String)].join('.')}": ${issue.message} (needed to read the official QPV archive)`
        )
        .join('\n')
    );
  return result.data;
}

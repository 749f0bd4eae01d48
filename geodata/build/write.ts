// Writing the generated files atomically: everything goes into a temporary directory next to
// the output, is read back and checked, then replaces the output by rename. On any error the
// previous output stays as it was and the temporary directory is removed.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { QpvSourceInfo } from '../../src/lib/types';
import { tilePath, type TileSetSpec } from '../../src/lib/map/tiles';
import type { Tile } from './tiles';

/** One generated file, its content and its feature count (null when not GeoJSON). */
export interface OutputFile {
  name: string;
  content: string;
  features: number | null;
}

/** A layer cut into vector tiles (tiles.ts), written as a z/x/y directory. */
export interface TileSetOutput {
  spec: TileSetSpec;
  /** Features of the layer before cutting. */
  features: number;
  tiles: Tile[];
}

/** One line of manifest.json: a file, or a tile set (its folder, its totals over every tile). */
export interface ManifestEntry {
  name: string;
  features: number | null;
  bytes: number;
  gzipBytes: number;
  /** Number of tiles, for a tile set. */
  tiles?: number;
}

/** The content of manifest.json. */
export interface Manifest {
  generatedAt: string;
  /** The QPV file the build read: name, layer, sha256, vintage, feature counts. */
  qpvSource?: QpvSourceInfo;
  files: ManifestEntry[];
}

/** Measures raw and gzip sizes (gzip -9, as a static server would send them). */
export function measureOutputs(files: OutputFile[]): ManifestEntry[] {
  return files.map(({ name, content, features }) => {
    const bytes = Buffer.from(content, 'utf8');
    return { name, features, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}

/** Totals of a tile set, gzip summed tile by tile (each is sent on its own). */
export function measureTileSet({ spec, features, tiles }: TileSetOutput): ManifestEntry {
  let bytes = 0;
  let gzipBytes = 0;
  for (const tile of tiles) {
    bytes += tile.bytes.length;
    gzipBytes += gzipSync(tile.bytes, { level: 9 }).length;
  }
  return { name: `${spec.dir}/`, features, bytes, gzipBytes, tiles: tiles.length };
}

/** Writes every tile of a set under `dir`, then checks each one's size on disk. */
async function writeTileSet(dir: string, { spec, tiles }: TileSetOutput): Promise<void> {
  for (const { z, x, y, bytes } of tiles) {
    const path = join(dir, tilePath(spec, z, x, y));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
  for (const { z, x, y, bytes } of tiles) {
    const path = tilePath(spec, z, x, y);
    const written = (await stat(join(dir, path))).size;
    if (written !== bytes.length)
      throw new Error(`${path}: written ${written} bytes, expected ${bytes.length}`);
  }
}

/** Reads back every file written in `dir` and checks it is complete JSON with the expected feature count. */
async function checkWritten(dir: string, entries: ManifestEntry[]): Promise<void> {
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const text = await readFile(path, 'utf8');
    if (Buffer.byteLength(text) !== entry.bytes)
      throw new Error(`${entry.name}: written ${Buffer.byteLength(text)} bytes, expected ${entry.bytes}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`${entry.name}: generated file is not valid JSON: ${(error as Error).message}`);
    }
    if (entry.features !== null) {
      const features = (json as { features?: unknown }).features;
      if (!Array.isArray(features) || features.length !== entry.features)
        throw new Error(`${entry.name}: expected ${entry.features} features after writing`);
    }
  }
}

/** True when a path exists. */
async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** What the manifest records beside the files: the QPV file the build read, and the tile sets. */
export interface OutputExtras {
  qpvSource?: QpvSourceInfo;
  tileSets?: TileSetOutput[];
}

/** Writes the files, the tile sets and manifest.json into `outDir`, atomically; returns the manifest. */
export async function writeOutputDir(
  outDir: string,
  files: OutputFile[],
  generatedAt: string,
  { qpvSource, tileSets = [] }: OutputExtras = {}
): Promise<Manifest> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${name}.tmp-`));
  try {
    // mkdtemp creates the directory private (0700); the output is meant to be served.
    await chmod(staging, 0o755);
    const entries = measureOutputs(files);
    for (const file of files) await writeFile(join(staging, file.name), file.content);
    await checkWritten(staging, entries);
    for (const tileSet of tileSets) await writeTileSet(staging, tileSet);
    const manifest: Manifest = {
      generatedAt,
      ...(qpvSource ? { qpvSource } : {}),
      files: [...entries, ...tileSets.map(measureTileSet)]
    };
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapInto(staging, outDir);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Replaces `outDir` by `staging`. POSIX cannot rename a directory over a non-empty one, so the
 * old output is first moved aside, and moved back if the second rename fails.
 */
export async function swapInto(staging: string, outDir: string): Promise<void> {
  if (!(await exists(outDir))) {
    await rename(staging, outDir);
    return;
  }
  const previous = join(dirname(outDir), `.${basename(outDir)}.old-${randomBytes(4).toString('hex')}`);
  await rename(outDir, previous);
  try {
    await rename(staging, outDir);
  } catch (error) {
    await rename(previous, outDir);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

// Writing the generated files atomically: everything goes into a temporary directory next to
// the output, is read back and checked, then replaces the output by rename. On any error the
// previous output stays as it was and the temporary directory is removed.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { QpvSourceInfo } from '../../src/lib/types';

/** One generated file, its content and its feature count (null when not GeoJSON). */
export interface OutputFile {
  name: string;
  content: string;
  features: number | null;
}

/** One line of manifest.json. */
export interface ManifestEntry {
  name: string;
  features: number | null;
  bytes: number;
  gzipBytes: number;
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

/** Writes the files and manifest.json into `outDir`, atomically; returns the manifest. */
export async function writeOutputDir(
  outDir: string,
  files: OutputFile[],
  generatedAt: string,
  qpvSource?: QpvSourceInfo
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
    const manifest: Manifest = { generatedAt, ...(qpvSource ? { qpvSource } : {}), files: entries };
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
async function swapInto(staging: string, outDir: string): Promise<void> {
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

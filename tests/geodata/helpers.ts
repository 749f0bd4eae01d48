// Fixture plumbing shared by the geodata tests: every case runs in its own temporary copy.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bbox, featureCollection } from '@turf/turf';
import type { BuildOptions } from '../../geodata/build/build';
import type { Tile } from '../../geodata/build/tiles';
import type { TileSetSpec } from '../../src/lib/map/tiles';
import { tiledPieces } from './seams';

/** Folder holding one sub-folder per fixture case. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The complete, valid small world every other case overlays. */
export const BASE_CASE = 'valid-small-build';

/** Fixed build time, so outputs do not depend on the clock. */
export const FIXED_NOW = new Date('2019-01-25T12:00:00Z');

/** A prepared case: build options pointing into a private temporary directory. */
export interface PreparedCase extends BuildOptions {
  tmp: string;
}

/** Copies the base input, then the case's own `input/` over it, into a fresh temporary directory. */
export async function prepareCase(name: string): Promise<PreparedCase> {
  const tmp = await mkdtemp(join(tmpdir(), `geodata-${name}-`));
  const root = join(tmp, 'input');
  await cp(join(FIXTURES, BASE_CASE, 'input'), root, { recursive: true });
  const overlay = join(FIXTURES, name, 'input');
  if (name !== BASE_CASE && existsSync(overlay)) await cp(overlay, root, { recursive: true, force: true });
  return {
    tmp,
    root,
    sourcesDir: join(root, 'sources'),
    referencesDir: join(root, 'references'),
    cacheDir: join(tmp, 'cache'),
    outDir: join(tmp, 'out'),
    now: FIXED_NOW
  };
}

/** Removes a prepared case. */
export async function cleanCase(prepared: PreparedCase): Promise<void> {
  await rm(prepared.tmp, { recursive: true, force: true });
}

/** Names of the fixture cases, sorted. */
export async function caseNames(): Promise<string[]> {
  const entries = await readdir(FIXTURES, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Reads a JSON file of a fixture case. */
export async function readCaseJson<T>(name: string, file: string): Promise<T> {
  return JSON.parse(await readFile(join(FIXTURES, name, file), 'utf8')) as T;
}

/** Every file of a directory (recursively) with its bytes, to compare two states of it. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      snapshot[path.slice(dir.length + 1)] = (await readFile(path)).toString('base64');
    }
  }
  return snapshot;
}

/** The tiles of a built tile set at zoom `z`, read back from the output directory. */
export async function readTiles(outDir: string, spec: TileSetSpec, z: number): Promise<Tile[]> {
  const tiles: Tile[] = [];
  const root = join(outDir, spec.dir, String(z));
  for (const x of await readdir(root))
    for (const file of await readdir(join(root, x)))
      tiles.push({
        z,
        x: Number(x),
        y: Number(file.replace('.pbf', '')),
        bytes: await readFile(join(root, x, file))
      });
  return tiles;
}

/**
 * The box, in degrees, of each feature of a built tile set at zoom `z`, keyed by its id property:
 * the union of the boxes of its pieces over every tile it was cut into.
 */
export async function tiledBoxes(
  outDir: string,
  spec: TileSetSpec,
  z: number
): Promise<Map<string, [number, number, number, number]>> {
  const boxes = new Map<string, [number, number, number, number]>();
  for (const [id, pieces] of tiledPieces(await readTiles(outDir, spec, z), spec)) {
    const [west, south, east, north] = bbox(featureCollection(pieces.map((piece) => piece.feature)));
    boxes.set(id, [west, south, east, north]);
  }
  return boxes;
}

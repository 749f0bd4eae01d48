// The schema of the sources manifest `geodata/sources.json`: the raw files with their pinned
// address and checksum (`sources`), the reference data shipped as npm packages (`references`)
// and the texts the hand-written data is drawn from (`documents`).
import { z } from 'zod';
import { LAYER_IDS, type LayerId } from '../../types';
import { DataError, SLUG, formatPath, isoDate } from './shared';

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
  /** Short French credit with its vintage, as the map, the layer panel and the prints show it. */
  credit: string;
  /** Map layers drawn from this source, whose panel entry credits it. */
  layers: LayerId[];
}

const nonEmpty = z.string().min(1, { error: 'must not be empty' });
const creditFields = {
  credit: nonEmpty,
  layers: z.array(z.enum(LAYER_IDS)).default([])
};
const sourceEntrySchema = z.strictObject({
  id: z.string().regex(SLUG, { error: 'must be a lowercase slug' }),
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
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL or null' }).nullable(),
  ...creditFields
});

/** Validates the content of `geodata/sources.json` ({"sources": [...]}), or throws a DataError. */
export function parseSourceManifest(json: unknown, file: string): SourceEntry[] {
  const records =
    typeof json === 'object' && json !== null ? (json as { sources?: unknown }).sources : undefined;
  if (!Array.isArray(records)) throw new DataError(`${file}: field "sources": expected an array`);
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
  if (problems.length > 0) throw new DataError(problems);
  return entries;
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
  /** ISO date its codes, names and perimeters are those of (the commune reference must give it). */
  asOf?: string;
  url: string;
  /** Short French credit with its vintage. */
  credit: string;
  /** Map layers drawn from this reference. */
  layers: LayerId[];
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
  asOf: isoDate.optional(),
  url: z.url({ protocol: /^https?$/ }),
  ...creditFields
});

/** Parses the manifest's list under `key` (absent: `missing`), one record per element, or throws. */
function parseManifestList<T>(
  json: unknown,
  file: string,
  key: 'references' | 'documents',
  schema: z.ZodType<T>,
  missing?: []
): T[] {
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const records = object[key] ?? missing;
  if (!Array.isArray(records)) throw new DataError(`${file}: field "${key}": expected an array`);
  const record = key === 'references' ? 'reference' : 'document';
  const problems: string[] = [];
  const entries = records.flatMap((value, index) => {
    const result = schema.safeParse(value);
    if (result.success) return [result.data];
    for (const issue of result.error.issues)
      problems.push(`${file}: ${record} #${index}: field "${formatPath(issue.path)}": ${issue.message}`);
    return [];
  });
  if (problems.length > 0) throw new DataError(problems);
  return entries;
}

/** Validates `references` of `geodata/sources.json` (reference data shipped as npm packages), or throws. */
export function parseReferenceManifest(json: unknown, file: string): ReferenceEntry[] {
  return parseManifestList(json, file, 'references', referenceEntrySchema);
}

/** One entry of `documents` in `geodata/sources.json`: a text the hand-written data is drawn from. */
export interface DocumentEntry {
  id: string;
  title: string;
  /** ISO date of the text (YYYY-MM or YYYY-MM-DD); the newest dates the atlas's data. */
  date: string;
  credit: string;
  layers: LayerId[];
}

const documentEntrySchema = z.strictObject({
  id: sourceEntrySchema.shape.id,
  title: nonEmpty,
  date: isoDate,
  ...creditFields
});

/** Validates `documents` of `geodata/sources.json` (absent means none), or throws. */
export function parseDocumentManifest(json: unknown, file: string): DocumentEntry[] {
  return parseManifestList(json, file, 'documents', documentEntrySchema, []);
}

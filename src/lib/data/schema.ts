// The one validation module: schemas of the hand-written data files (`geodata/zones.json`,
// `geodata/measures.json`, `geodata/scenes.json`) and of the sources manifest
// (`geodata/sources.json`), with the one error type of bad input (DataError) and the one way
// to name a field. The data schemas produce exactly the domain types of `src/lib/types.ts`
// (proved at compile time below); every problem reads `<file>: <record>: field "<path>": <what is wrong>`.
import { z } from 'zod';
import {
  APPROXIMATE_PERIODS,
  DATE_PRECISIONS,
  DATED_ITEM_KINDS,
  LAYER_IDS,
  type LayerId,
  PROGRAMMES,
  SCOPES,
  VIEWS,
  ZONE_KINDS,
  type DatedItem,
  type FundingLine,
  type Measure,
  type Scene,
  type SceneCamera,
  type Target,
  type Zone
} from '../types';
import { QPV_CODE, qpvDepartement } from '../qpv/code';
import { periodProblem } from '../measures/dated';

/** INSEE codes of the 96 metropolitan départements (COG 2018). */
export const METROPOLITAN_DEPARTEMENTS: readonly string[] = [
  ...Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0')),
  '2A',
  '2B',
  ...Array.from({ length: 95 - 20 }, (_, i) => String(i + 21))
];

/** INSEE codes of the 13 metropolitan regions (since 2016). */
export const METROPOLITAN_REGIONS: readonly string[] = [
  '11',
  '24',
  '27',
  '28',
  '32',
  '44',
  '52',
  '53',
  '75',
  '76',
  '84',
  '93',
  '94'
];

/**
 * Bad input to the build: a data file, the sources manifest or a raw source that cannot be
 * found, read or trusted, with the file, the record and the field in its message.
 */
export class DataError extends Error {
  /** Every problem found, one line each; `message` joins them. */
  readonly problems: string[];

  constructor(problems: string | string[]) {
    const lines = typeof problems === 'string' ? [problems] : problems;
    super(lines.join('\n'));
    this.name = 'DataError';
    this.problems = lines;
  }
}

/** Code lists the references are checked against; defaults are the metropolitan lists. */
export interface CodeLists {
  departements?: ReadonlySet<string>;
  regions?: ReadonlySet<string>;
}

/** A lowercase slug: letters and digits joined by single hyphens ("lhi-93"). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INSEE_COMMUNE = /^(?:\d{5}|2[AB]\d{3})$/;
/** A 2015 QPV code: "QP", the département on three characters, three digits ("QP059071"). */
export { QPV_CODE } from '../qpv/code';
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const BARE_YEAR = /^\d{4}$/;
// One range of newsletter lines: "L.278" or "L.458–481" (en dash).
const LINE_RANGE = /^L\.(\d+)(?:–(\d+))?$/;

/** True for `YYYY-MM` or `YYYY-MM-DD` naming a real month or day (and for `YYYY` when `year` allows it). */
function isIsoDate(value: string, year = false): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  if (match[2] === undefined) return year;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** True for an absolute http(s) URL. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const text = z.string().trim().min(1, { error: 'must not be empty' });
const slug = z.string().regex(SLUG, { error: 'must be a lowercase slug (a-z, 0-9, "-")' });
const isoDate = z
  .string()
  .refine((value) => isIsoDate(value), { error: 'must be an ISO date YYYY-MM or YYYY-MM-DD' });
const measureDate = z
  .string()
  .refine((value) => isIsoDate(value, true), { error: 'must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD' });
const programme = z.enum(PROGRAMMES);
const departementCode = z.string().regex(/^(?:\d{2}|2[AB])$/, {
  error: 'must be a département INSEE code (2 characters)'
});
const regionCode = z.string().regex(/^\d{2}$/, { error: 'must be a region INSEE code (2 digits)' });

const communeRef = z.strictObject({
  insee: z.string().regex(INSEE_COMMUNE, { error: 'must be a 5-character commune INSEE code' }),
  name: text
});

const zoneSchema = z
  .strictObject({
    id: slug,
    name: text,
    kind: z.enum(ZONE_KINDS),
    departement: departementCode,
    communes: z.array(communeRef),
    qpvs: z.array(z.string().regex(QPV_CODE, { error: 'must be a QPV code like "QP059071"' })),
    programmes: z.array(programme),
    status: text,
    statusDate: isoDate,
    note: text.optional()
  })
  .superRefine((zone, ctx) => {
    if (zone.kind === 'acceleration-territory') {
      if (zone.communes.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['communes'],
          message: 'an acceleration territory is a whole département: communes must be empty'
        });
      if (zone.qpvs.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['qpvs'],
          message: 'an acceleration territory has no QPV: must be empty'
        });
    } else if (zone.communes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['communes'], message: 'a quarter lists at least one commune' });
    }
    zone.communes.forEach((commune, i) => {
      if (!commune.insee.startsWith(zone.departement))
        ctx.addIssue({
          code: 'custom',
          path: ['communes', i, 'insee'],
          message: `commune "${commune.insee}" is not in département "${zone.departement}"`
        });
    });
    // A QPV code carries its département on three characters: QP059071 is in 59.
    const seenQpvs = new Set<string>();
    zone.qpvs.forEach((code, i) => {
      if (QPV_CODE.test(code) && qpvDepartement(code) !== zone.departement)
        ctx.addIssue({
          code: 'custom',
          path: ['qpvs', i],
          message: `QPV "${code}" is not in département "${zone.departement}"`
        });
      if (seenQpvs.has(code))
        ctx.addIssue({ code: 'custom', path: ['qpvs', i], message: `duplicate QPV "${code}"` });
      seenQpvs.add(code);
    });
    const seen = new Set<string>();
    zone.programmes.forEach((p, i) => {
      if (seen.has(p))
        ctx.addIssue({ code: 'custom', path: ['programmes', i], message: `duplicate programme "${p}"` });
      seen.add(p);
    });
  });

const fundingLineSchema = z.strictObject({
  amount: z.number().positive({ error: 'must be a number > 0' }).finite(),
  atLeast: z.boolean().optional(),
  scope: z.enum(SCOPES),
  covers: text,
  territory: z.string().optional()
});

// One object with all target keys optional, then exactly one required: this gives precise
// paths ("appliesTo[0].zones[1]") where a plain union would only say "invalid input".
const targetSchema = z
  .strictObject({
    zones: z.array(slug).min(1, { error: 'must list at least one zone' }).optional(),
    kind: z.enum(ZONE_KINDS).optional(),
    departements: z.array(departementCode).min(1, { error: 'must list at least one département' }).optional(),
    region: regionCode.optional(),
    national: z.literal(true).optional()
  })
  .superRefine((target, ctx) => {
    const keys = Object.keys(target);
    if (keys.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `a target has exactly one of "zones", "kind", "departements", "region", "national" (found ${keys.length === 0 ? 'none' : keys.map((k) => `"${k}"`).join(', ')})`
      });
  })
  .transform((target): Target => {
    if (target.zones) return { zones: target.zones };
    if (target.kind) return { kind: target.kind };
    if (target.departements) return { departements: target.departements };
    if (target.region) return { region: target.region };
    return { national: true };
  });

/**
 * The line ranges of a newsletter citation, "L.212, L.227–238" → [[212, 212], [227, 238]], or null
 * unless every range is "L.<line>" or "L.<first>–<last>" with first < last, in increasing order.
 */
export function parseSourceLines(value: string): [number, number][] | null {
  const ranges: [number, number][] = [];
  for (const part of value.split(', ')) {
    const match = LINE_RANGE.exec(part);
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    const previous = ranges.at(-1)?.[1] ?? 0;
    if (first <= previous || (match[2] !== undefined && last <= first)) return null;
    ranges.push([first, last]);
  }
  return ranges;
}

const sourceLines = z.string().refine((value) => parseSourceLines(value) !== null, {
  error: 'must be "L.<line>" or "L.<first>–<last>" (en dash, first < last), several joined by ", " in order'
});

const sourceRefSchema = z.strictObject({
  label: text,
  url: z.string().refine(isHttpUrl, { error: 'must be an http(s) URL' }).optional(),
  lines: sourceLines.optional()
});

const datedItemSchema = z
  .strictObject({
    kind: z.enum(DATED_ITEM_KINDS),
    what: text,
    who: z.array(text),
    written: text,
    precision: z.enum(DATE_PRECISIONS),
    start: z.string(),
    end: z.string(),
    inferred: text.optional(),
    doubt: text.optional(),
    lines: sourceLines
  })
  .superRefine((item, ctx) => {
    const problem = periodProblem(item.precision, item.start, item.end);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });

const measureSchema = z
  .strictObject({
    id: slug,
    title: text,
    date: measureDate,
    approximate: z.enum(APPROXIMATE_PERIODS).optional(),
    programme,
    summary: text,
    actors: z.array(text),
    funding: z.array(fundingLineSchema),
    appliesTo: z.array(targetSchema).min(1, { error: 'must list at least one target' }),
    sources: z.array(sourceRefSchema).min(1, { error: 'must cite at least one source' }),
    note: text.optional(),
    dates: z
      .array(datedItemSchema)
      .min(1, { error: 'must list at least one dated item, or be left out' })
      .optional()
  })
  .superRefine((measure, ctx) => {
    // An approximate date names a year, never a month the source does not give.
    if (measure.approximate !== undefined && !BARE_YEAR.test(measure.date))
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'an approximate date is a bare year YYYY'
      });
  });

// ---- The sources manifest (`geodata/sources.json`) ----

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

// ---- Scenes (`geodata/scenes.json`) ----

/** The ids and codes scenes may refer to. */
export interface KnownPlaces {
  zoneIds: ReadonlySet<string>;
  departementCodes: ReadonlySet<string>;
}

/** Longest caption: the audience reads it in about a second while the map moves. */
export const MAX_CAPTION_LENGTH = 200;

const MIN_ZOOM = 0;
const MAX_ZOOM = 22;

/** Wraps a message function so a missing value falls through to the generic "is required". */
function unlessMissing(message: (input: unknown) => string) {
  return (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : message(issue.input);
}

const quoted = (value: unknown): string => JSON.stringify(value) ?? String(value);

// Scene texts are kept as written (the data files' `text` trims).
const sceneText = z.string().refine((value) => value.trim().length > 0, { error: 'must not be empty' });

const longitude = z
  .number()
  .min(-180, { error: 'longitude must be between -180 and 180' })
  .max(180, { error: 'longitude must be between -180 and 180' });
const latitude = z
  .number()
  .min(-90, { error: 'latitude must be between -90 and 90' })
  .max(90, { error: 'latitude must be between -90 and 90' });
const lngLat = z.tuple([longitude, latitude], {
  error: unlessMissing(() => 'must be [longitude, latitude]')
});

const zoom = z
  .number()
  .min(MIN_ZOOM, { error: `must be between ${MIN_ZOOM} and ${MAX_ZOOM}` })
  .max(MAX_ZOOM, { error: `must be between ${MIN_ZOOM} and ${MAX_ZOOM}` });

const bounds = z
  .tuple([lngLat, lngLat], { error: unlessMissing(() => 'must be [[west, south], [east, north]]') })
  .refine(([southWest, northEast]) => southWest[0] < northEast[0], {
    error: 'west must be less than east'
  })
  .refine(([southWest, northEast]) => southWest[1] < northEast[1], {
    error: 'south must be less than north'
  });

const camera = z
  .strictObject({ center: lngLat.optional(), zoom: zoom.optional(), bounds: bounds.optional() })
  .transform((value, context): SceneCamera => {
    const { center, zoom: level, bounds: box } = value;
    if (box !== undefined) {
      if (center === undefined && level === undefined) return { bounds: box };
      context.issues.push({
        code: 'custom',
        input: value,
        message: 'give either "center" and "zoom", or "bounds", not both'
      });
    } else if (center !== undefined && level !== undefined) {
      return { center, zoom: level };
    } else if (center !== undefined) {
      context.issues.push({
        code: 'custom',
        input: value,
        path: ['zoom'],
        message: 'is required with "center"'
      });
    } else if (level !== undefined) {
      context.issues.push({
        code: 'custom',
        input: value,
        path: ['center'],
        message: 'is required with "zoom"'
      });
    } else {
      context.issues.push({
        code: 'custom',
        input: value,
        message: 'needs either "center" and "zoom", or "bounds"'
      });
    }
    return z.NEVER;
  });

const sceneProgramme = z.enum(PROGRAMMES, {
  error: unlessMissing((input) => `unknown programme ${quoted(input)}`)
});
const layer = z.enum(LAYER_IDS, { error: unlessMissing((input) => `unknown layer ${quoted(input)}`) });
const view = z.enum(VIEWS, {
  error: unlessMissing(() => `must be ${VIEWS.map((name) => `"${name}"`).join(' or ')}`)
});
const mode = z.enum(['any', 'all'], { error: unlessMissing(() => 'must be "any" or "all"') });

/** The schema of one scene, checking references against the known zones and départements. */
export function sceneSchema(known: KnownPlaces) {
  const departement = z.string().refine((code) => known.departementCodes.has(code), {
    error: (issue) => `unknown département ${quoted(issue.input)}`
  });
  const zone = z.string().refine((id) => known.zoneIds.has(id), {
    error: (issue) => `unknown zone ${quoted(issue.input)}`
  });
  const place = z.string().refine((value) => known.zoneIds.has(value) || known.departementCodes.has(value), {
    error: (issue) => `unknown zone or département ${quoted(issue.input)}`
  });

  return z.strictObject({
    id: z.string().regex(SLUG, {
      error: 'must be kebab-case (lowercase letters and digits joined by single hyphens)'
    }),
    title: sceneText,
    caption: sceneText.refine((value) => value.length <= MAX_CAPTION_LENGTH, {
      error: (issue) => `must be at most ${MAX_CAPTION_LENGTH} characters (has ${String(issue.input).length})`
    }),
    view,
    camera,
    filter: z
      .strictObject({
        programmes: z.array(sceneProgramme).optional(),
        mode: mode.optional(),
        departements: z.array(departement).optional()
      })
      .optional(),
    layers: z.array(layer).optional(),
    zone: zone.optional(),
    spotlight: z.array(place).min(1, { error: 'must not be empty' }).optional(),
    summary: z.literal(true, { error: unlessMissing(() => 'must be true when given') }).optional(),
    calendar: z.literal(true, { error: unlessMissing(() => 'must be true when given') }).optional(),
    numberedQuarters: z.literal(true, { error: unlessMissing(() => 'must be true when given') }).optional()
  });
}

/** The schema of the whole deck file, `{ "scenes": [...] }`, with unique scene ids. */
export function scenesFileSchema(known: KnownPlaces) {
  return z.strictObject({
    scenes: z
      .array(sceneSchema(known))
      .min(1, { error: 'must list at least one scene' })
      .superRefine((scenes, context) => {
        const firstIndex = new Map<string, number>();
        scenes.forEach((scene, index) => {
          const first = firstIndex.get(scene.id);
          if (first === undefined) {
            firstIndex.set(scene.id, index);
          } else {
            context.addIssue({
              code: 'custom',
              path: [index, 'id'],
              message: `"${scene.id}" is already the id of scene #${first}`
            });
          }
        });
      })
  });
}

/** Messages for the issues the schema leaves to zod, in the same plain style. */
function genericMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    const expected: Record<string, string> = {
      string: 'a string',
      number: 'a number',
      array: 'a list',
      tuple: 'a list',
      object: 'an object',
      boolean: 'true or false'
    };
    return `expected ${expected[issue.expected] ?? issue.expected}`;
  }
  return undefined;
}

/** Names a scene by its id when it has one, else by its 0-based position. */
function sceneLabel(json: unknown, index: number): string {
  const scenes = (json as { scenes?: unknown }).scenes;
  const scene = Array.isArray(scenes) ? (scenes[index] as unknown) : undefined;
  const id = typeof scene === 'object' && scene !== null ? (scene as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `scene "${id}"` : `scene #${index}`;
}

/** Turns one zod issue into lines "file: scene "id": field "path": message". */
function describeIssue(file: string, json: unknown, issue: z.core.$ZodIssue): string[] {
  const fields =
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown field' }))
      : [{ path: issue.path, message: issue.message }];
  return fields.map(({ path, message }) => {
    const parts = [file];
    let rest: readonly PropertyKey[] = path;
    const [top, index] = path;
    if (top === 'scenes' && typeof index === 'number') {
      parts.push(sceneLabel(json, index));
      rest = path.slice(2);
    }
    const field = formatPath(rest);
    if (field !== '') parts.push(`field "${field}"`);
    parts.push(message);
    return parts.join(': ');
  });
}

/** Validates the deck file and returns its scenes, or throws a DataError naming file, scene and field of every problem. */
export function parseScenes(json: unknown, file: string, known: KnownPlaces): Scene[] {
  const result = scenesFileSchema(known).safeParse(json, { error: genericMessage });
  if (result.success) return result.data.scenes;
  throw new DataError(result.error.issues.flatMap((issue) => describeIssue(file, json, issue)));
}

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/** Compile-time proof that the schemas produce exactly the domain types: fails to compile otherwise. */
export type SchemasProduceDomainTypes = [
  Assert<Equals<z.output<typeof zoneSchema>, Zone>>,
  Assert<Equals<z.output<typeof measureSchema>, Measure>>,
  Assert<Equals<z.output<typeof fundingLineSchema>, FundingLine>>,
  Assert<Equals<z.output<typeof datedItemSchema>, DatedItem>>,
  Assert<Equals<z.output<ReturnType<typeof sceneSchema>>, Scene>>
];

/** Formats a path as the files are read: `appliesTo[0].zones[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Names a record by its id when it has a usable one, else by its index. */
function recordLabel(kind: 'zone' | 'measure', record: unknown, index: number): string {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? `${kind} "${id}"` : `${kind} #${index}`;
}

/** One message per zod issue, with the path of the field. */
function describeIssues(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => {
    let path = issue.path;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      path = [...issue.path, issue.keys[0] ?? ''];
      message = `unknown field${issue.keys.length > 1 ? `s ${issue.keys.map((k) => `"${k}"`).join(', ')}` : ''}`;
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      message = 'missing';
    }
    return path.length === 0 ? `${prefix}: ${message}` : `${prefix}: field "${formatPath(path)}": ${message}`;
  });
}

/** Returns the array under `key` of a `{ key: [...] }` file, or throws. */
function recordsOf(json: unknown, key: string, file: string): unknown[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new DataError([`${file}: expected an object { "${key}": [...] }`]);
  const extra = Object.keys(json).filter((k) => k !== key);
  if (extra.length > 0) throw new DataError([`${file}: field "${extra[0]}": unknown field`]);
  const records = (json as Record<string, unknown>)[key];
  if (!Array.isArray(records)) throw new DataError([`${file}: field "${key}": expected an array`]);
  return records;
}

/** Parses one record per element, collecting problems; ids must be unique. */
function parseRecords<T extends { id: string }>(
  records: unknown[],
  kind: 'zone' | 'measure',
  file: string,
  schema: z.ZodType<T>,
  problems: string[]
): T[] {
  const parsed: T[] = [];
  const firstIndex = new Map<string, number>();
  records.forEach((record, index) => {
    const label = `${file}: ${recordLabel(kind, record, index)}`;
    const result = schema.safeParse(record, { reportInput: true });
    if (!result.success) {
      problems.push(...describeIssues(result.error, label));
      return;
    }
    const first = firstIndex.get(result.data.id);
    if (first !== undefined) {
      problems.push(`${label}: field "id": duplicate id (also ${kind} #${first})`);
      return;
    }
    firstIndex.set(result.data.id, index);
    parsed.push(result.data);
  });
  return parsed;
}

/** Validates the content of `geodata/zones.json` and returns its zones, or throws a DataError. */
export function parseZones(json: unknown, file: string, codes: CodeLists = {}): Zone[] {
  const departements = codes.departements ?? new Set(METROPOLITAN_DEPARTEMENTS);
  const records = recordsOf(json, 'zones', file);
  const problems: string[] = [];
  const zones = parseRecords(records, 'zone', file, zoneSchema, problems);
  // A QPV belongs to one quarter at most: its sheet names that quarter.
  const quarterOfQpv = new Map<string, string>();
  for (const zone of zones) {
    if (!departements.has(zone.departement))
      problems.push(
        `${file}: zone "${zone.id}": field "departement": unknown département "${zone.departement}"`
      );
    zone.qpvs.forEach((code, i) => {
      const other = quarterOfQpv.get(code);
      if (other !== undefined && other !== zone.id)
        problems.push(
          `${file}: zone "${zone.id}": field "qpvs[${i}]": QPV "${code}" is already in zone "${other}"`
        );
      else quarterOfQpv.set(code, zone.id);
    });
  }
  if (problems.length > 0) throw new DataError(problems);
  return zones;
}

/** What is wrong with a funding line's territory for its scope, or null. */
function territoryProblem(
  line: FundingLine,
  departements: ReadonlySet<string>,
  regions: ReadonlySet<string>
): string | null {
  const { scope, territory } = line;
  if (scope === 'national') return territory === undefined ? null : 'a national amount has no territory';
  if (territory === undefined) return scope === 'zone' ? null : `missing (required for scope "${scope}")`;
  if (scope === 'regional') return regions.has(territory) ? null : `unknown region "${territory}"`;
  if (scope === 'departemental')
    return departements.has(territory) ? null : `unknown département "${territory}"`;
  return departements.has(territory) || regions.has(territory) ? null : `unknown territory "${territory}"`;
}

/** Validates the content of `geodata/measures.json` against the known zones, or throws a DataError. */
export function parseMeasures(
  json: unknown,
  file: string,
  zoneIds: ReadonlySet<string>,
  codes: CodeLists = {}
): Measure[] {
  const departements = codes.departements ?? new Set(METROPOLITAN_DEPARTEMENTS);
  const regions = codes.regions ?? new Set(METROPOLITAN_REGIONS);
  const records = recordsOf(json, 'measures', file);
  const problems: string[] = [];
  const measures = parseRecords(records, 'measure', file, measureSchema, problems);
  for (const measure of measures) {
    const at = (path: string, what: string) =>
      problems.push(`${file}: measure "${measure.id}": field "${path}": ${what}`);
    measure.appliesTo.forEach((target, t) => {
      if ('zones' in target)
        target.zones.forEach((id, i) => {
          if (!zoneIds.has(id)) at(`appliesTo[${t}].zones[${i}]`, `unknown zone "${id}"`);
        });
      if ('departements' in target)
        target.departements.forEach((code, i) => {
          if (!departements.has(code))
            at(`appliesTo[${t}].departements[${i}]`, `unknown département "${code}"`);
        });
      if ('region' in target && !regions.has(target.region))
        at(`appliesTo[${t}].region`, `unknown region "${target.region}"`);
    });
    measure.funding.forEach((line, f) => {
      const problem = territoryProblem(line, departements, regions);
      if (problem) at(`funding[${f}].territory`, problem);
    });
  }
  if (problems.length > 0) throw new DataError(problems);
  return measures;
}

// Schemas of the hand-written data files `geodata/zones.json` and `geodata/measures.json`.
// They produce exactly the domain types of `src/lib/types.ts` (proved at compile time below)
// and report every problem as `<file>: <record>: field "<path>": <what is wrong>`.
import { z } from 'zod';
import {
  APPROXIMATE_PERIODS,
  PROGRAMMES,
  SCOPES,
  ZONE_KINDS,
  type FundingLine,
  type Measure,
  type Target,
  type Zone
} from '../types';
import { QPV_CODE, qpvDepartement } from '../qpv/code';

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

/** A problem in a data file, with the file, the record and the field in its message. */
export class DataError extends Error {
  /** Every problem found, one line each; `message` joins them. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DataError';
    this.problems = problems;
  }
}

/** Code lists the references are checked against; defaults are the metropolitan lists. */
export interface CodeLists {
  departements?: ReadonlySet<string>;
  regions?: ReadonlySet<string>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INSEE_COMMUNE = /^(?:\d{5}|2[AB]\d{3})$/;
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
    qpv: z.string().regex(QPV_CODE, { error: 'must be a QPV code like "QP059071"' }).nullable(),
    qpvName: text.optional(),
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
      if (zone.qpv !== null)
        ctx.addIssue({
          code: 'custom',
          path: ['qpv'],
          message: 'an acceleration territory has no QPV: must be null'
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
    if (zone.qpv !== null && qpvDepartement(zone.qpv) !== zone.departement)
      ctx.addIssue({
        code: 'custom',
        path: ['qpv'],
        message: `QPV "${zone.qpv}" is not in département "${zone.departement}"`
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

const sourceRefSchema = z.strictObject({
  label: text,
  url: z.string().refine(isHttpUrl, { error: 'must be an http(s) URL' }).optional(),
  lines: z
    .string()
    .refine((value) => parseSourceLines(value) !== null, {
      error:
        'must be "L.<line>" or "L.<first>–<last>" (en dash, first < last), several joined by ", " in order'
    })
    .optional()
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
    note: text.optional()
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

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/** Compile-time proof that the schemas produce exactly the domain types: fails to compile otherwise. */
export type SchemasProduceDomainTypes = [
  Assert<Equals<z.output<typeof zoneSchema>, Zone>>,
  Assert<Equals<z.output<typeof measureSchema>, Measure>>,
  Assert<Equals<z.output<typeof fundingLineSchema>, FundingLine>>
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
  for (const zone of zones) {
    if (!departements.has(zone.departement))
      problems.push(
        `${file}: zone "${zone.id}": field "departement": unknown département "${zone.departement}"`
      );
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

// What the schemas of every hand-written file share: the one error type of bad input
// (DataError), the code lists references are checked against, the common field types, the
// citation of newsletter lines, and the one way to name a record and a field in a message:
// `<file>: <record>: field "<path>": <what is wrong>`.
import { z } from 'zod';
import { PROGRAMMES } from '../../types';

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
/** A 2015 QPV code: "QP", the département on three characters, three digits ("QP059071"). */
export { QPV_CODE } from '../../qpv/code';
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// One range of newsletter lines: "L.278" or "L.458–481" (en dash).
const LINE_RANGE = /^L\.(\d+)(?:–(\d+))?$/;

/** True for `YYYY-MM` or `YYYY-MM-DD` naming a real month or day (and for `YYYY` when `year` allows it). */
export function isIsoDate(value: string, year = false): boolean {
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

export const text = z.string().trim().min(1, { error: 'must not be empty' });
export const slug = z.string().regex(SLUG, { error: 'must be a lowercase slug (a-z, 0-9, "-")' });
export const isoDate = z
  .string()
  .refine((value) => isIsoDate(value), { error: 'must be an ISO date YYYY-MM or YYYY-MM-DD' });
export const programme = z.enum(PROGRAMMES);
export const departementCode = z.string().regex(/^(?:\d{2}|2[AB])$/, {
  error: 'must be a département INSEE code (2 characters)'
});
export const regionCode = z.string().regex(/^\d{2}$/, { error: 'must be a region INSEE code (2 digits)' });

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

export const sourceLines = z.string().refine((value) => parseSourceLines(value) !== null, {
  error: 'must be "L.<line>" or "L.<first>–<last>" (en dash, first < last), several joined by ", " in order'
});

/** Formats a path as the files are read: `appliesTo[0].zones[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Names a record by its id when it has a usable one, else by its index. */
export function recordLabel(kind: 'zone' | 'measure', record: unknown, index: number): string {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? `${kind} "${id}"` : `${kind} #${index}`;
}

/** One message per zod issue, with the path of the field. */
export function describeIssues(error: z.ZodError, prefix: string): string[] {
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
export function recordsOf(json: unknown, key: string, file: string): unknown[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new DataError([`${file}: expected an object { "${key}": [...] }`]);
  const extra = Object.keys(json).filter((k) => k !== key);
  if (extra.length > 0) throw new DataError([`${file}: field "${extra[0]}": unknown field`]);
  const records = (json as Record<string, unknown>)[key];
  if (!Array.isArray(records)) throw new DataError([`${file}: field "${key}": expected an array`]);
  return records;
}

/** Parses one record per element, collecting problems; ids must be unique. */
export function parseRecords<T extends { id: string }>(
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

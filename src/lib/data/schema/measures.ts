// The schema of `geodata/measures.json`: each measure with its amounts and their scope, its
// targets, its sources and its dated items, checked against the known zones and code lists.
import { z } from 'zod';
import {
  APPROXIMATE_PERIODS,
  SCOPES,
  ZONE_KINDS,
  type FundingLine,
  type Measure,
  type Target
} from '../../types';
import { datedItemSchema } from './dated-items';
import {
  DataError,
  METROPOLITAN_DEPARTEMENTS,
  METROPOLITAN_REGIONS,
  departementCode,
  isIsoDate,
  parseRecords,
  programme,
  recordsOf,
  regionCode,
  slug,
  sourceLines,
  text,
  type CodeLists
} from './shared';

const BARE_YEAR = /^\d{4}$/;

/** True for an absolute http(s) URL. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const measureDate = z
  .string()
  .refine((value) => isIsoDate(value, true), { error: 'must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD' });

export const fundingLineSchema = z.strictObject({
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

const sourceRefSchema = z.strictObject({
  label: text,
  url: z.string().refine(isHttpUrl, { error: 'must be an http(s) URL' }).optional(),
  lines: sourceLines.optional()
});

export const measureSchema = z
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

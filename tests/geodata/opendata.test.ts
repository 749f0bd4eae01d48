// The open-data package (geodata/build/opendata.ts), built from the small fixture world with
// dated items added: every file is read back with an independent parser and checked against
// what it declares (its Table Schema, the Data Package shape, RFC 5545, RFC 7946), and bad
// input leaves the previous package as it was.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check as checkGeojson } from '@placemarkio/check-geojson';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../geodata/build/build';
import type { DataPackage, PackageResource } from '../../geodata/build/opendata';
import type { TableSchema } from '../../src/lib/opendata/table';
import type { AtlasData, DatedItem } from '../../src/lib/types';
import { BASE_CASE, cleanCase, prepareCase, snapshotDir, type PreparedCase } from './helpers';

const MEASURES = 'geodata/measures.json';

/** Dated items at every precision, with an inference, a doubt and a long French text to fold. */
const DATED: Record<string, DatedItem[]> = {
  'm-zone': [
    {
      kind: 'deadline',
      what: 'Remettre les conventions pluriannuelles de renouvellement urbain signées à l’Agence nationale',
      who: ['Collectivités', 'Bailleurs sociaux'],
      written: 'avant le 30 avril 2019',
      precision: 'day',
      start: '2019-04-30',
      end: '2019-04-30',
      lines: 'L.12'
    },
    {
      kind: 'event',
      what: 'Comité d’engagement',
      who: [],
      written: 'fin mai',
      precision: 'month',
      start: '2019-05',
      end: '2019-05',
      inferred: 'L’année 2019, celle de la lettre.',
      lines: 'L.14–15'
    }
  ],
  'm-dep': [
    {
      kind: 'deadline',
      what: 'Signer le contrat',
      who: ['Département du Nord'],
      written: 'd’ici l’été 2019',
      precision: 'season',
      start: '2019-06',
      end: '2019-08',
      lines: 'L.20'
    },
    {
      kind: 'event',
      what: 'Bilan à mi-parcours',
      who: [],
      written: 'fin du premier semestre 2020',
      precision: 'half-year',
      start: '2020-01',
      end: '2020-06',
      doubt: 'La lettre imprime 2020 où le calendrier du plan dit 2019.',
      lines: 'L.22'
    },
    {
      kind: 'event',
      what: 'Durée du contrat',
      who: [],
      written: 'jusqu’en 2022',
      precision: 'year',
      start: '2019',
      end: '2022',
      lines: 'L.23'
    }
  ]
};

interface MeasuresFile {
  measures: ({ id: string; dates?: unknown[]; actors: string[] } & Record<string, unknown>)[];
}

/** Rewrites the case's measures.json through `change`. */
async function editMeasures(options: PreparedCase, change: (file: MeasuresFile) => void): Promise<void> {
  const path = join(options.root, MEASURES);
  const file = JSON.parse(await readFile(path, 'utf8')) as MeasuresFile;
  change(file);
  await writeFile(path, JSON.stringify(file, null, 2));
}

function addDatedItems(file: MeasuresFile): void {
  for (const measure of file.measures) if (DATED[measure.id]) measure.dates = DATED[measure.id];
}

const prepared: PreparedCase[] = [];
afterEach(async () => {
  await Promise.all(prepared.splice(1).map(cleanCase));
});

/** The base case with dated items, built once; its package is read by every test below. */
let built: PreparedCase;
let packageDir: string;
let descriptor: DataPackage;

beforeAll(async () => {
  built = await prepareCase(BASE_CASE);
  prepared.push(built);
  await editMeasures(built, addDatedItems);
  await runBuild(built);
  packageDir = join(built.tmp, 'donnees');
  descriptor = JSON.parse(await readFile(join(packageDir, 'datapackage.json'), 'utf8')) as DataPackage;
  return () => cleanCase(built);
});

const read = (name: string) => readFile(join(packageDir, name));
const resource = (name: string): PackageResource => {
  const found = descriptor.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
};

/** Parses a CSV of the package as a reader would: BOM stripped, header row, every cell a string. */
async function readCsv(path: string): Promise<Record<string, string>[]> {
  return parse(await read(path), {
    bom: true,
    columns: true,
    delimiter: descriptor.resources[0]?.dialect?.delimiter
  });
}

// ---- Table Schema, checked by ajv through a JSON Schema derived from it ----

const TYPE_PATTERNS: Record<string, string> = {
  integer: '^-?\\d+$',
  number: '^-?\\d+(\\.\\d+)?$',
  boolean: '^(true|false)$',
  date: '^\\d{4}-\\d{2}-\\d{2}$'
};

/**
 * A JSON Schema for one CSV row (every cell a string) from a Table Schema: the cell's lexical
 * form for its type, its enum and pattern (anchored, as Table Schema patterns are whole-value
 * XML Schema patterns), and required cells non-empty. Missing values are empty cells.
 */
function rowSchema(schema: TableSchema): object {
  const properties: Record<string, object> = {};
  for (const field of schema.fields) {
    const { required, enum: values, pattern } = field.constraints ?? {};
    const present: object[] = [];
    if (TYPE_PATTERNS[field.type]) present.push({ pattern: TYPE_PATTERNS[field.type] });
    if (values) present.push({ enum: values });
    if (pattern) present.push({ pattern: `^(?:${pattern})$` });
    if (field.type === 'date') present.push({ format: 'date' });
    const valid = present.length > 0 ? { allOf: present } : {};
    properties[field.name] = required
      ? { type: 'string', minLength: 1, ...valid }
      : { type: 'string', anyOf: [{ const: '' }, valid] };
  }
  return {
    type: 'object',
    properties,
    required: schema.fields.map((f) => f.name),
    additionalProperties: false
  };
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);

/** Problems of a table against its schema: each row's cells, then unique primary and `unique` keys. */
function tableProblems(
  schema: TableSchema,
  rows: Record<string, string>[],
  validate: ValidateFunction
): string[] {
  const problems: string[] = [];
  rows.forEach((row, i) => {
    if (!validate(row)) problems.push(`row ${i + 1}: ${ajv.errorsText(validate.errors)}`);
  });
  const keys = [
    schema.primaryKey ?? [],
    ...schema.fields.filter((f) => f.constraints?.unique).map((f) => [f.name])
  ];
  for (const key of new Set(keys.map((k) => k.join('+')))) {
    if (key === '') continue;
    const seen = new Set<string>();
    for (const row of rows) {
      const value = key
        .split('+')
        .map((k) => row[k])
        .join('\u0000');
      if (seen.has(value)) problems.push(`duplicate key ${key}: ${value}`);
      seen.add(value);
    }
  }
  return problems;
}

const CSV_RESOURCES = ['zones', 'mesures', 'montants', 'liens-mesures-zones', 'echeances'];

describe('open-data tables', () => {
  it.each(CSV_RESOURCES)('every row of %s satisfies its Table Schema', async (name) => {
    const { path, schema } = resource(name);
    if (!schema) throw new Error(`${name}: no schema`);
    const rows = await readCsv(path);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {})).toEqual(schema.fields.map((f) => f.name));
    expect(tableProblems(schema, rows, ajv.compile(rowSchema(schema)))).toEqual([]);
  });

  it('the table check refuses a bad value, a missing required cell and a repeated primary key', async () => {
    const { path, schema } = resource('zones');
    if (!schema) throw new Error('zones: no schema');
    const [first] = await readCsv(path);
    if (!first) throw new Error('zones: no rows');
    const validate = ajv.compile(rowSchema(schema));
    expect(tableProblems(schema, [{ ...first, type: 'hamlet' }], validate)[0]).toMatch(/type/);
    expect(tableProblems(schema, [{ ...first, nom: '' }], validate)[0]).toMatch(/nom/);
    expect(tableProblems(schema, [{ ...first, epci_siren: '12345' }], validate)[0]).toMatch(/epci_siren/);
    expect(tableProblems(schema, [{ ...first, contour_approche: 'oui' }], validate)[0]).toMatch(
      /contour_approche/
    );
    expect(tableProblems(schema, [first, first], validate)).toEqual([`duplicate key id: ${first.id}`]);
  });

  it('every foreign key of a table names a row of the table it references', async () => {
    for (const { path, schema } of descriptor.resources.filter((r) => r.schema?.foreignKeys)) {
      const rows = await readCsv(path);
      for (const key of schema?.foreignKeys ?? []) {
        const target = resource(key.reference.resource);
        const known = new Set(
          (await readCsv(target.path)).map((r) => key.reference.fields.map((f) => r[f]).join())
        );
        for (const row of rows)
          expect(known, `${path} → ${target.path}`).toContain(key.fields.map((f) => row[f]).join());
      }
    }
  });

  it('a multi-valued cell lists its values joined by the separator its column documents', async () => {
    const atlas = JSON.parse(await readFile(join(built.outDir, 'atlas.json'), 'utf8')) as AtlasData;
    const zones = await readCsv(resource('zones').path);
    const withCommunes = atlas.zones.filter((z) => z.communes.length > 0);
    expect(withCommunes.length).toBeGreaterThan(0);
    for (const zone of withCommunes) {
      const row = zones.find((z) => z.id === zone.id);
      expect(row?.communes_insee?.split(';')).toEqual([...new Set(zone.communes.map((c) => c.insee))]);
    }
    const field = resource('zones').schema?.fields.find((f) => f.name === 'communes_insee');
    expect(field?.description).toContain('« ; »');
  });

  it('each CSV opens with a UTF-8 byte order mark and declares its separator in its dialect', async () => {
    for (const name of CSV_RESOURCES) {
      const bytes = await read(resource(name).path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(resource(name).dialect?.delimiter).toBe(',');
    }
  });

  it('the dated items table gives the first and last day of the period each written date stands for', async () => {
    const rows = await readCsv(resource('echeances').path);
    const days = Object.fromEntries(rows.map((r) => [r.date_ecrite, [r.premier_jour, r.dernier_jour]]));
    expect(days).toEqual({
      'avant le 30 avril 2019': ['2019-04-30', '2019-04-30'],
      'fin mai': ['2019-05-01', '2019-05-31'],
      'd’ici l’été 2019': ['2019-06-01', '2019-08-31'],
      'fin du premier semestre 2020': ['2020-01-01', '2020-06-30'],
      'jusqu’en 2022': ['2019-01-01', '2022-12-31']
    });
  });
});

// ---- The descriptor, against the Data Package v1 required shape ----

/**
 * What the Data Package spec v1 requires (https://specs.frictionlessdata.io/data-package/),
 * with the optional properties this package uses typed as the spec types them: a descriptor with
 * resources, each with a name (lowercase, `-._` allowed) and a path; licenses with a name or a path
 * and sources with a title; a Table Schema's fields with a name; bytes an integer; hash hex.
 */
const DATA_PACKAGE_SCHEMA = {
  type: 'object',
  required: ['name', 'resources', 'licenses'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9._-]+$' },
    title: { type: 'string' },
    profile: { type: 'string' },
    created: { type: 'string', format: 'date-time' },
    licenses: { $ref: '#/$defs/licenses' },
    sources: { $ref: '#/$defs/sources' },
    resources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'path', 'licenses', 'sources'],
        properties: {
          name: { type: 'string', pattern: '^[a-z0-9._-]+$' },
          path: { type: 'string', pattern: '^(?!/)(?!.*\\.\\.)[^\\\\]+$' },
          format: { type: 'string' },
          mediatype: { type: 'string', pattern: '^[a-z]+/[a-z0-9.+-]+$' },
          encoding: { const: 'utf-8' },
          bytes: { type: 'integer', minimum: 1 },
          hash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
          licenses: { $ref: '#/$defs/licenses' },
          sources: { $ref: '#/$defs/sources' },
          schema: {
            type: 'object',
            required: ['fields'],
            properties: {
              fields: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'type', 'title', 'description'],
                  properties: {
                    type: { enum: ['string', 'number', 'integer', 'boolean', 'date'] },
                    constraints: { type: 'object' }
                  }
                }
              },
              primaryKey: { type: 'array', items: { type: 'string' } }
            }
          },
          dialect: { type: 'object', required: ['delimiter'] }
        }
      }
    }
  },
  $defs: {
    licenses: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        anyOf: [{ required: ['name'] }, { required: ['path'] }],
        properties: { name: { type: 'string' }, path: { type: 'string' }, title: { type: 'string' } }
      }
    },
    sources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['title'],
        properties: { title: { type: 'string' }, path: { type: 'string' } }
      }
    }
  }
};

describe('open-data descriptor', () => {
  const validate = () => ajv.compile(DATA_PACKAGE_SCHEMA);

  it('datapackage.json has the shape the Data Package spec requires', () => {
    const check = validate();
    expect(check(descriptor), ajv.errorsText(check.errors)).toBe(true);
  });

  it('the descriptor check refuses a resource without a path and a licence without name or path', () => {
    const check = validate();
    const [first, ...rest] = descriptor.resources;
    expect(check({ ...descriptor, resources: [{ ...first, path: undefined }, ...rest] })).toBe(false);
    expect(check({ ...descriptor, licenses: [{ title: 'Licence' }] })).toBe(false);
  });

  it('lists every file of the package, each with its own size and sha256', async () => {
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual([
      'echeances.csv',
      'echeances.ics',
      'liens-mesures-zones.csv',
      'mesures.csv',
      'montants.csv',
      'zones.csv',
      'zones.geojson'
    ]);
    for (const r of descriptor.resources) {
      const bytes = await read(r.path);
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
  });

  it('declares the Licence Ouverte 2.0 for the atlas, and the contours’ own licences on zones.geojson', async () => {
    expect(descriptor.licenses).toEqual([
      {
        name: 'etalab-2.0',
        path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
        title: 'Licence Ouverte / Open Licence version 2.0'
      }
    ]);
    const sources = JSON.parse(await readFile(join(built.root, 'geodata/sources.json'), 'utf8')) as {
      sources: { title: string; licence: string; vintage: string }[];
    };
    const departements = sources.sources.find((s) => s.title.startsWith('Départements'));
    if (!departements) throw new Error('fixture: no départements source');
    const contours = resource('zones-contours');
    expect(contours.licenses.map((l) => l.title).join('\n')).toContain(
      `${departements.licence} : ${departements.title} (${departements.vintage})`
    );
    expect(contours.sources.map((s) => s.title)).toContain(`${departements.title} (${departements.vintage})`);
  });
});

// ---- iCalendar, read back by ical.js ----

describe('open-data calendar', () => {
  it('every line of echeances.ics ends in CRLF and is at most 75 octets', async () => {
    const text = (await read('echeances.ics')).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    }
    // The long French text is folded, not cut.
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('parsed back, the calendar gives one all-day event per dated item spanning its period', async () => {
    const calendar = new ICAL.Component(ICAL.parse((await read('echeances.ics')).toString('utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const rows = await readCsv(resource('echeances').path);
    expect(events).toHaveLength(rows.length);
    for (const row of rows) {
      const event = events.find((e) => e.uid === `${row.mesure}-${row.rang}@atlas-politique-de-la-ville`);
      if (!event) throw new Error(`no event for ${row.mesure} ${row.rang}`);
      expect(event.startDate.isDate).toBe(true);
      expect(event.endDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(row.premier_jour);
      // DTEND is exclusive: the day after the last day.
      const after = new Date(`${row.dernier_jour}T00:00:00Z`);
      after.setUTCDate(after.getUTCDate() + 1);
      expect(event.endDate.toString()).toBe(after.toISOString().slice(0, 10));
      expect(event.summary).toContain(row.date_ecrite);
      expect(event.description).toContain(`identifiant ${row.mesure}`);
    }
  });

  it('an event states the inference or the doubt of its date', async () => {
    const calendar = new ICAL.Component(ICAL.parse((await read('echeances.ics')).toString('utf8')));
    const byWritten = (written: string) =>
      calendar
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
        .find((e) => e.summary.includes(written));
    expect(byWritten('fin mai')?.description).toContain('Date en partie déduite : L’année 2019');
    expect(byWritten('premier semestre 2020')?.description).toContain(
      'Date douteuse : La lettre imprime 2020'
    );
  });
});

// ---- GeoJSON ----

describe('open-data zones GeoJSON', () => {
  it('zones.geojson is RFC 7946 GeoJSON with no crs member and 6 decimals at most', async () => {
    const text = (await read('zones.geojson')).toString('utf8');
    expect(() => checkGeojson(text)).not.toThrow();
    const collection = JSON.parse(text) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
    expect(collection).not.toHaveProperty('crs');
    const decimals = collection.features.flatMap((f) =>
      (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
        .flat(2)
        .flat()
        .map((v) => (String(v).split('.')[1] ?? '').length)
    );
    expect(Math.max(...decimals)).toBeLessThanOrEqual(6);
  });

  it('each feature carries its zone’s zones.csv row as properties', async () => {
    const collection = JSON.parse(
      (await read('zones.geojson')).toString('utf8')
    ) as GeoJSON.FeatureCollection;
    const rows = await readCsv(resource('zones').path);
    expect(collection.features.map((f) => f.properties?.id)).toEqual(rows.map((r) => r.id));
    for (const feature of collection.features) {
      const row = rows.find((r) => r.id === feature.properties?.id);
      const asText = Object.fromEntries(
        Object.entries(feature.properties ?? {}).map(([k, v]) => [k, String(v)])
      );
      expect(asText).toEqual(row);
    }
  });
});

// ---- Bad input ----

/** A case whose package folder already holds the package of a successful build. */
async function caseWithPreviousPackage(): Promise<{ options: PreparedCase; before: Record<string, string> }> {
  const options = await prepareCase(BASE_CASE);
  prepared.push(options);
  await runBuild(options);
  return { options, before: await snapshotDir(join(options.tmp, 'donnees')) };
}

describe('open-data bad input', () => {
  it('a dated item the schema refuses fails the build naming file, measure and field, and keeps the previous package', async () => {
    const { options, before } = await caseWithPreviousPackage();
    await editMeasures(options, (file) => {
      addDatedItems(file);
      const measure = file.measures.find((m) => m.id === 'm-dep');
      measure!.dates = [{ ...DATED['m-dep']![0], start: '2019-07' }];
    });
    await expect(runBuild(options)).rejects.toThrow(
      'geodata/measures.json: measure "m-dep": field "dates[0].start": a season starts in month 3, 6, 9, 12, not 7'
    );
    expect(await snapshotDir(join(options.tmp, 'donnees'))).toEqual(before);
  });

  it('a measure pointing to an unknown zone fails the build and keeps the previous package', async () => {
    const { options, before } = await caseWithPreviousPackage();
    await editMeasures(options, (file) => {
      file.measures[0]!.appliesTo = [{ zones: ['q-nowhere'] }];
    });
    await expect(runBuild(options)).rejects.toThrow(
      'field "appliesTo[0].zones[0]": unknown zone "q-nowhere"'
    );
    expect(await snapshotDir(join(options.tmp, 'donnees'))).toEqual(before);
  });

  it('a list value holding the list separator fails the build naming it, and writes neither folder', async () => {
    const { options, before } = await caseWithPreviousPackage();
    const data = await snapshotDir(options.outDir);
    await editMeasures(options, (file) => {
      file.measures.find((m) => m.id === 'm-kind')!.actors = ['État ; préfets'];
    });
    await expect(runBuild(options)).rejects.toThrow(
      'geodata/measures.json: measure "m-kind": field "actors[0]": must not contain ";", the open-data list separator'
    );
    expect(await snapshotDir(join(options.tmp, 'donnees'))).toEqual(before);
    expect(await snapshotDir(options.outDir)).toEqual(data);
  });
});

// The open-data package (geodata/build/opendata.ts), built from the small fixture world with
// dated items added: every file is read back with an independent parser and checked against
// what it declares (its Table Schema, the Data Package shape, RFC 5545, RFC 7946), and bad
// input leaves the previous package as it was.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check as checkGeojson } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { Package } from 'datapackage';
import ICAL from 'ical.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../geodata/build/build';
import type { DataPackage, PackageResource } from '../../geodata/build/opendata';
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

// ---- Read back by the Frictionless team's own library, as a re-user's tool reads it ----

/** Each CSV of the package as rows of cells, header first, its BOM stripped. */
const tables: Record<string, string[][]> = {};

/**
 * What the Frictionless reference library (datapackage-js) finds wrong in the package with
 * `rows` in place of its CSVs: the descriptor against the Data Package profile, then resource
 * `name` read through its Table Schema (each cell cast to its type and checked against its
 * constraints, primary and unique keys) and its foreign keys. The rows go in inline because this
 * library, unlike frictionless-py, would read a byte order mark as part of the first column's
 * name; the mark itself is checked below.
 */
async function referenceProblems(rows: Record<string, string[][]>, name: string): Promise<string[]> {
  const inline = {
    ...descriptor,
    resources: descriptor.resources.map((r) => {
      if (!rows[r.name]) return r;
      // The rows stand for the file: its path, size and hash no longer describe them.
      const inlined: Record<string, unknown> = { ...r, data: rows[r.name] };
      for (const key of ['path', 'bytes', 'hash']) delete inlined[key];
      return inlined;
    })
  };
  const reference = await Package.load(inline);
  if (!reference.valid) return reference.errors.map((e) => e.message);
  try {
    await reference.getResource(name)?.read({ relations: true });
    return [];
  } catch (error) {
    const { message, errors = [] } = error as Error & { errors?: Error[] };
    return [message, ...errors.map((e) => e.message)];
  }
}

const CSV_RESOURCES = ['zones', 'mesures', 'montants', 'liens-mesures-zones', 'echeances'];

describe('open-data tables', () => {
  beforeAll(async () => {
    for (const name of CSV_RESOURCES)
      tables[name] = parse(await read(resource(name).path), {
        bom: true,
        delimiter: resource(name).dialect?.delimiter
      });
  });

  it.each(CSV_RESOURCES)(
    'every row of %s satisfies its Table Schema, keys and foreign keys included',
    async (name) => {
      const [header, ...rows] = tables[name] ?? [];
      expect(rows.length).toBeGreaterThan(0);
      expect(header).toEqual(resource(name).schema?.fields.map((f) => f.name));
      expect(await referenceProblems(tables, name)).toEqual([]);
    }
  );

  it('the reference reading refuses a bad value, a missing required cell, a repeated key and a dangling foreign key', async () => {
    const edit = (name: string, column: string, value: string): Record<string, string[][]> => {
      const [header = [], first = [], ...rest] = tables[name] ?? [];
      const changed = first.map((cell, i) => (header[i] === column ? value : cell));
      return { ...tables, [name]: [header, changed, ...rest] };
    };
    const problems = async (rows: Record<string, string[][]>, name: string) =>
      (await referenceProblems(rows, name)).join('\n');
    expect(await problems(edit('zones', 'type', 'hamlet'), 'zones')).toMatch(/"enum".*"type"/);
    expect(await problems(edit('zones', 'nom', ''), 'zones')).toMatch(/"required".*"nom"/);
    expect(await problems(edit('zones', 'epci_siren', '12345'), 'zones')).toMatch(/"pattern".*"epci_siren"/);
    expect(await problems(edit('zones', 'contour_approche', 'oui'), 'zones')).toMatch(
      /"contour_approche" is not type "boolean"/
    );
    expect(await problems(edit('echeances', 'premier_jour', '2019-02-30'), 'echeances')).toMatch(
      /"premier_jour" is not type "date"/
    );
    const [header = [], first = [], ...rest] = tables.zones ?? [];
    expect(await problems({ ...tables, zones: [header, first, first, ...rest] }, 'zones')).toMatch(
      /unique constraint violation in column "id"/
    );
    expect(await problems(edit('liens-mesures-zones', 'zone', 'nulle-part'), 'liens-mesures-zones')).toMatch(
      /Foreign key "zone" violation/
    );
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

describe('open-data descriptor', () => {
  it('datapackage.json is valid against the Data Package profile', async () => {
    const reference = await Package.load(descriptor, { basePath: packageDir });
    expect(reference.errors.map((e) => e.message)).toEqual([]);
    expect(reference.valid).toBe(true);
  });

  it('the profile check refuses a resource without a path and a resource name in capitals', async () => {
    const [first, ...rest] = descriptor.resources;
    for (const broken of [
      { ...first, path: undefined },
      { ...first, name: 'Zones' }
    ]) {
      const reference = await Package.load({ ...descriptor, resources: [broken, ...rest] });
      expect(reference.valid).toBe(false);
    }
  });

  it('every resource names its licences and sources, every column its French title and description', () => {
    for (const r of descriptor.resources) {
      expect(r.licenses?.length, r.name).toBeGreaterThan(0);
      expect(r.sources?.length, r.name).toBeGreaterThan(0);
      for (const field of r.schema?.fields ?? []) {
        expect(field.title, `${r.name}.${field.name}`).toBeTruthy();
        expect(field.description, `${r.name}.${field.name}`).toBeTruthy();
      }
    }
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

// The « Données » panel's pure side: reading the package's descriptor (and saying why it
// cannot be read), listing its files with French sizes, the citation, and the selection's
// files (the zones the filter keeps, as the package's zones table and GeoJSON).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  citation,
  fetchPackage,
  formatBytes,
  OpenDataError,
  packageFiles,
  parsePackage,
  type DataPackage,
  type LoadedPackage
} from '../../src/lib/opendata/package';
import { selectionFile, selectionFileName } from '../../src/lib/opendata/selection';
import { ZONES_SCHEMA } from '../../src/lib/opendata/zones';
import { resetFilter } from '../../src/lib/filters/filter';
import { fixtureAtlas } from './fixtures/atlas';

const URL_ = 'https://atlas.example/sous-dossier/donnees/datapackage.json';

function descriptor(overrides: Partial<DataPackage> = {}): DataPackage {
  return {
    profile: 'data-package',
    name: 'atlas',
    title: 'Atlas de test',
    description: 'Un paquet.',
    homepage: '../',
    created: '2026-12-05T10:00:00.000Z',
    dataDate: '2019-01-25',
    keywords: [],
    licenses: [{ name: 'etalab-2.0', path: 'https://licence.example/', title: 'Licence Ouverte 2.0' }],
    sources: [],
    resources: [
      {
        name: 'zones',
        path: 'zones.csv',
        title: 'Zones',
        description: 'Une ligne par zone.',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: 12_431,
        hash: 'sha256:00',
        sources: [],
        licenses: [{ title: 'Licence Ouverte 2.0' }, { name: 'other-at', title: 'ODbL : contours' }]
      }
    ],
    ...overrides
  };
}

function bytesOf(value: unknown): ArrayBuffer {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function loaded(overrides: Partial<DataPackage> = {}): LoadedPackage {
  return parsePackage(bytesOf(descriptor(overrides)), URL_);
}

describe('formatBytes', () => {
  it.each([
    [0, '0 o'],
    [950, '950 o'],
    [12_431, '12,4 ko'],
    [999_960, '1 Mo'],
    [1_250_000, '1,3 Mo']
  ])('writes %i bytes as « %s », in French SI units', (bytes, text) => {
    expect(formatBytes(bytes).replace(/\u00a0|\u202f/g, ' ')).toBe(text);
  });

  it('joins number and unit with a no-break space, so a size never wraps', () => {
    expect(formatBytes(12_431)).toBe('12,4\u00a0ko');
  });

  it('refuses what is not a size', () => {
    expect(() => formatBytes(-1)).toThrow(RangeError);
    expect(() => formatBytes(Number.NaN)).toThrow(RangeError);
  });
});

describe('reading the descriptor', () => {
  it('keeps the descriptor and measures its own bytes', () => {
    const buffer = bytesOf(descriptor());
    const pkg = parsePackage(buffer, URL_);
    expect(pkg.descriptorBytes).toBe(buffer.byteLength);
    expect(pkg.descriptor.title).toBe('Atlas de test');
  });

  it.each([
    ['not JSON', new TextEncoder().encode('<html>').buffer as ArrayBuffer],
    ['no resources', bytesOf({ title: 'x' })],
    ['a resource without size', bytesOf({ title: 'x', resources: [{ path: 'a.csv', title: 'A' }] })]
  ])('says in French that a descriptor with %s is unreadable', (_, buffer) => {
    expect(() => parsePackage(buffer, URL_)).toThrow(OpenDataError);
    expect(() => parsePackage(buffer, URL_)).toThrow(/illisible/);
  });

  it('says the site does not answer when the network fails, and that the files are not kept offline', async () => {
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(fetchPackage(URL_, offline)).rejects.toThrow(/hors ligne/);
  });

  it('says the site publishes no package on a 404, and another status with its code', async () => {
    const status = (code: number) => () => Promise.resolve(new Response('', { status: code }));
    await expect(fetchPackage(URL_, status(404))).rejects.toThrow(/ne publie pas/);
    await expect(fetchPackage(URL_, status(503))).rejects.toThrow(/HTTP 503/);
  });

  it('reads a served descriptor', async () => {
    const served = () => Promise.resolve(new Response(bytesOf(descriptor())));
    expect((await fetchPackage(URL_, served)).descriptor.resources).toHaveLength(1);
  });
});

describe('the files listed', () => {
  it('lists the descriptor first with its own size, then each resource with its address beside it', () => {
    const pkg = loaded();
    const files = packageFiles(pkg);
    expect(files.map((f) => [f.path, f.format, f.bytes])).toEqual([
      ['datapackage.json', 'JSON', pkg.descriptorBytes],
      ['zones.csv', 'CSV', 12_431]
    ]);
    expect(files[1]!.href).toBe('https://atlas.example/sous-dossier/donnees/zones.csv');
    expect(files[1]!.licences.map((l) => l.title)).toEqual(['Licence Ouverte 2.0', 'ODbL : contours']);
    expect(files[0]!.licences.map((l) => l.title)).toEqual(['Licence Ouverte 2.0']);
  });
});

describe('the citation', () => {
  it('names the atlas, the data’s date, the build day, the licence and the atlas’s address', () => {
    expect(citation(loaded())).toBe(
      'Atlas de test, données au 25 janvier 2019, fichiers produits le 5 décembre 2026, Licence Ouverte 2.0, https://atlas.example/sous-dossier/.'
    );
  });

  it('follows the data’s date, at the precision the data gives', () => {
    expect(citation(loaded({ dataDate: '2020-03' }))).toContain('données au mars 2020');
  });

  it('leaves the data’s date out when the data has none', () => {
    expect(citation(loaded({ dataDate: null }))).not.toContain('données au');
  });
});

describe('the selection’s files', () => {
  const { atlas, geodata } = fixtureAtlas();
  const features = geodata.zones.features;
  const ids = atlas.zones.slice(0, 2).map((z) => z.id);

  it('names the file after the filter', () => {
    expect(selectionFileName(resetFilter(), 'csv')).toBe('zones_toutes.csv');
    expect(
      selectionFileName(
        { programmes: ['npnru', 'sante'], mode: 'all', departements: ['59', '62'], epci: '200093201' },
        'geojson'
      )
    ).toBe('zones_npnru-et-sante_dep-59-62_epci-200093201.geojson');
    expect(selectionFileName({ ...resetFilter(), programmes: ['npnru', 'sante'] }, 'csv')).toBe(
      'zones_npnru-ou-sante.csv'
    );
  });

  it('writes the zones named as the package’s zones table: BOM, its columns, one row per zone', () => {
    const file = selectionFile('csv', atlas, features, ids, resetFilter());
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(file.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(ZONES_SCHEMA.fields.map((f) => f.name));
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.nom)).toEqual(ids.map((id) => atlas.zones.find((z) => z.id === id)!.name));
  });

  it('writes the same zones as RFC 7946 GeoJSON, each with its outline and its row', () => {
    const file = selectionFile('geojson', atlas, features, ids, resetFilter());
    expect(file.type).toBe('application/geo+json');
    const collection = JSON.parse(file.text) as GeoJSON.FeatureCollection;
    expect(collection.type).toBe('FeatureCollection');
    expect('crs' in collection).toBe(false);
    expect(collection.features.map((f) => f.id)).toEqual(ids);
    expect(collection.features.map((f) => f.properties?.id)).toEqual(ids);
    expect(collection.features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(
      true
    );
  });
});

// The committed geodata/sources.json: complete, well-formed, and true to the shared mirror.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocumentManifest, parseSourceManifest } from '../../src/lib/data/schema';
import { sha256Hex } from '../../geodata/build/sources';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MIRROR = process.env.GEODATA_SOURCES ?? join(REPO, '../shared/geodata');
const entries = parseSourceManifest(
  JSON.parse(await readFile(join(REPO, 'geodata/sources.json'), 'utf8')) as unknown,
  'geodata/sources.json'
);

describe('geodata/sources.json', () => {
  it('lists the 13 files of the mirror, each once', () => {
    expect(entries).toHaveLength(13);
    expect(new Set(entries.map((e) => e.path)).size).toBe(13);
    expect(entries.filter((e) => e.id.startsWith('communes-'))).toHaveLength(8);
    expect(entries.map((e) => e.file)).toEqual(
      expect.arrayContaining(['mel-lille.gpkg', 'qpv-2015-mel-lambert93.geojson', 'npnru-qpv-2015-codes.csv'])
    );
  });

  it('pins an address for every published file and none for the two compiled here', () => {
    const withoutAddress = entries.filter((e) => e.url === null).map((e) => e.id);
    expect(withoutAddress.sort()).toEqual(['npnru-qpv-2015-codes', 'qpv-2015-mel-lambert93']);
    for (const entry of entries.filter((e) => e.url !== null))
      expect(entry.url, entry.id).toMatch(
        /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/[0-9a-f]{40}\//
      );
  });

  it('declares Lambert-93 for the QPV files and WGS84 for Admin Express', () => {
    for (const entry of entries) {
      const expected = entry.path.startsWith('qpv-2015/')
        ? 'EPSG:2154'
        : entry.path.endsWith('.csv')
          ? null
          : 'EPSG:4326';
      expect(entry.crs, entry.id).toBe(expected);
    }
  });

  it.skipIf(!existsSync(MIRROR))('has the sha256 of every file of the shared mirror', async () => {
    for (const entry of entries)
      expect(sha256Hex(await readFile(join(MIRROR, entry.path))), entry.path).toBe(entry.sha256);
  });
});

describe('parseSourceManifest', () => {
  it('names the source and the field that is wrong', () => {
    const bad = { sources: [{ ...entries[0], sha256: 'abc' }] };
    expect(() => parseSourceManifest(bad, 'geodata/sources.json')).toThrow(
      `geodata/sources.json: source "${entries[0]?.id}": field "sha256": must be 64 lowercase hex digits`
    );
  });

  it('refuses a path that leaves the sources dir', () => {
    const bad = { sources: [{ ...entries[0], path: '../etc/departements.geojson' }] };
    expect(() => parseSourceManifest(bad, 'geodata/sources.json')).toThrow(
      'field "path": must be a relative path inside the sources dir'
    );
  });
});

describe('parseDocumentManifest', () => {
  const letter = { id: 'lettre', title: 'Lettre', date: '2019-01-25', credit: 'Lettre, 25 janvier 2019' };

  it('keeps the date of each text, by which the atlas dates its data', () => {
    expect(parseDocumentManifest({ documents: [letter] }, 'sources.json')[0]?.date).toBe('2019-01-25');
  });

  it.each([
    [{ ...letter, date: undefined }, 'field "date"'],
    [{ ...letter, date: '25 janvier 2019' }, 'field "date": must be an ISO date YYYY-MM or YYYY-MM-DD'],
    [{ ...letter, date: '2019-02-30' }, 'field "date": must be an ISO date YYYY-MM or YYYY-MM-DD']
  ])(
    'names the document and its date when the date is missing or not a real ISO date: %j',
    (entry, field) => {
      expect(() => parseDocumentManifest({ documents: [entry] }, 'sources.json')).toThrow(
        `sources.json: document #0: ${field}`
      );
    }
  );
});

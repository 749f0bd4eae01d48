import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { departementOfCommune, departementsByRegion } from '../../geodata/build/layers';
import { parseAreaCollection, parseJsonBytes } from '../../geodata/build/read';
import { BASE_CASE, FIXTURES } from './helpers';

/** Reads an admin source of the base fixture. */
async function admin(file: string) {
  const bytes = await readFile(join(FIXTURES, BASE_CASE, 'input/sources/admin-express-2018', file));
  return parseAreaCollection(parseJsonBytes(bytes, file), file, ['code', 'nom']).collection.features;
}

describe('departementsByRegion', () => {
  it('puts each département in the region containing it', async () => {
    expect(departementsByRegion(await admin('departements.geojson'), await admin('regions.geojson'))).toEqual(
      {
        '11': ['93'],
        '32': ['59', '62']
      }
    );
  });

  it('is an error for a département outside every region', async () => {
    const departements = await admin('departements.geojson');
    const regions = (await admin('regions.geojson')).filter((r) => r.properties.code === '32');
    expect(() => departementsByRegion(departements, regions)).toThrow(
      'département "93" lies in no region of the regions source'
    );
  });
});

describe('departementOfCommune', () => {
  it('is the first two characters of the INSEE code, Corsica included', () => {
    expect(departementOfCommune('59350')).toBe('59');
    expect(departementOfCommune('02722')).toBe('02');
    expect(departementOfCommune('2A004')).toBe('2A');
  });
});

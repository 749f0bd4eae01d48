import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import {
  departementOfCommune,
  departementPlaces,
  departementsByRegion,
  zoneEpcis,
  zoneLabels
} from '../../geodata/build/areas';
import type { CommuneProperties, Zone } from '../../src/lib/types';
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

describe('departementPlaces', () => {
  it('gives each département a label point inside it and a box around it, by code', async () => {
    const departements = await admin('departements.geojson');
    const places = departementPlaces(departements);
    expect(Object.keys(places)).toEqual(departements.map((d) => d.properties.code).sort());
    for (const departement of departements) {
      const { label, bbox } = places[departement.properties.code]!;
      expect(booleanPointInPolygon(label, departement)).toBe(true);
      const [west, south, east, north] = bbox;
      expect(label[0]).toBeGreaterThanOrEqual(west);
      expect(label[0]).toBeLessThanOrEqual(east);
      expect(label[1]).toBeGreaterThanOrEqual(south);
      expect(label[1]).toBeLessThanOrEqual(north);
    }
  });
});

describe('zoneLabels', () => {
  /** A closed ring through the given corners. */
  const ring = (...corners: [number, number][]): [number, number][] => [...corners, corners[0]!];
  const square = (west: number, south: number, size: number): Polygon => ({
    type: 'Polygon',
    coordinates: [
      ring([west, south], [west + size, south], [west + size, south + size], [west, south + size])
    ]
  });
  const zone = (
    id: string,
    geometry: Polygon | MultiPolygon
  ): Feature<Polygon | MultiPolygon, { id: string }> => ({
    type: 'Feature',
    properties: { id },
    geometry
  });
  // A U shape's centroid falls in its notch; two far islands' box centre lies between them.
  const zones = [
    zone('u-shape', {
      type: 'Polygon',
      coordinates: [
        ring([3, 50], [3.3, 50], [3.3, 50.3], [3.2, 50.3], [3.2, 50.1], [3.1, 50.1], [3.1, 50.3], [3, 50.3])
      ]
    }),
    zone('islands', {
      type: 'MultiPolygon',
      coordinates: [square(2, 49, 0.05).coordinates, square(2.8, 49.8, 0.05).coordinates]
    }),
    zone('square', square(2, 50, 1))
  ];

  it("puts each zone's label point inside its own outline, even a U shape or scattered islands, by id", () => {
    const labels = zoneLabels(zones);
    expect(Object.keys(labels)).toEqual(['u-shape', 'islands', 'square']);
    for (const zone of zones) expect(booleanPointInPolygon(labels[zone.properties.id]!, zone)).toBe(true);
  });

  it('gives none for no zone', () => {
    expect(zoneLabels([])).toEqual({});
  });
});

describe('departementOfCommune', () => {
  it('is the first two characters of the INSEE code, Corsica included', () => {
    expect(departementOfCommune('59350')).toBe('59');
    expect(departementOfCommune('02722')).toBe('02');
    expect(departementOfCommune('2A004')).toBe('2A');
  });
});

describe('zoneEpcis', () => {
  const commune = (code: string, epci: string) => ({
    type: 'Feature' as const,
    properties: { code, name: code, departement: code.slice(0, 2), epci },
    geometry: { type: 'Polygon' as const, coordinates: [] }
  });
  const communes: FeatureCollection<Polygon, CommuneProperties> = {
    type: 'FeatureCollection',
    features: [
      commune('59001', '200000002'),
      commune('59002', '200000001'),
      commune('59003', '200000001'),
      commune('59004', ''),
      commune('62001', '200000003')
    ]
  };
  const zone = (id: string, departement: string, insee: string[]): Zone => ({
    id,
    name: id,
    kind: insee.length > 0 ? 'quarter' : 'acceleration-territory',
    departement,
    communes: insee.map((code) => ({ insee: code, name: code })),
    qpvs: [],
    programmes: [],
    status: 'Statut',
    statusDate: '2018-12'
  });

  it('puts a quarter in the EPCI of each of its communes, once each, sorted', () => {
    expect(
      zoneEpcis([zone('spanning', '59', ['59003', '59001', '59002']), zone('one', '62', ['62001'])], communes)
    ).toEqual({ spanning: ['200000001', '200000002'], one: ['200000003'] });
  });

  it('puts a zone covering its whole département in every EPCI of that département', () => {
    expect(zoneEpcis([zone('nord', '59', []), zone('elsewhere', '93', [])], communes)).toEqual({
      nord: ['200000001', '200000002'],
      elsewhere: []
    });
  });

  it('leaves out communes in no drawn EPCI', () => {
    expect(zoneEpcis([zone('lone', '59', ['59004'])], communes)).toEqual({ lone: [] });
  });

  it('is an error for a commune missing from the communes layer', () => {
    expect(() => zoneEpcis([zone('lost', '59', ['59999'])], communes)).toThrow(
      'zone "lost": commune "59999" is not in the communes layer'
    );
  });
});

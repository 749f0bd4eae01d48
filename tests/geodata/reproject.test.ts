import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { parseAreaCollection } from '../../geodata/build/read';
import { lambert93ToWgs84, resolveCrs, toWgs84 } from '../../geodata/build/reproject';

/** Ground distance in metres between two lon/lat positions. */
const metres = (a: number[], b: number[]) => distance(a, b, { units: 'meters' });

/** A one-polygon collection with the given ring, optionally declaring a CRS the legacy way. */
function polygonCollection(ring: number[][], crsName?: string) {
  return {
    type: 'FeatureCollection',
    ...(crsName ? { crs: { type: 'name', properties: { name: crsName } } } : {}),
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }]
  };
}

const UNIT_TRIANGLE = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0]
];

describe('Lambert-93 to WGS84', () => {
  it('maps the false origin (700 000, 6 600 000) to 3°E 46°30′N, as EPSG:2154 defines it', () => {
    // EPSG:2154, conversion "Lambert-93": latitude of false origin 46°30′, longitude 3°,
    // easting and northing at false origin 700 000 m and 6 600 000 m. https://epsg.io/2154
    expect(metres(lambert93ToWgs84([700000, 6600000]), [3, 46.5])).toBeLessThan(0.001);
  });

  it('matches a published PROJ conversion of a point in Savoie within 1 m', () => {
    // Published example of pyproj (PROJ) Transformer EPSG:2154 → EPSG:4326, always_xy:
    // (882408.3, 6543019.6) → (5.355651287573366, 45.96240165432614).
    // https://en.moonbooks.org/Articles/How-to-convert-Lambert-93-to-longitude-and-latitude-with-python-3/
    expect(
      metres(lambert93ToWgs84([882408.3, 6543019.6]), [5.355651287573366, 45.96240165432614])
    ).toBeLessThan(1);
  });

  it('reprojects every ring of a Lambert-93 collection and keeps properties and ids', () => {
    const { collection } = parseAreaCollection(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 7,
            properties: { code: 'X' },
            geometry: {
              type: 'MultiPolygon',
              coordinates: [
                [
                  [
                    [700000, 6600000],
                    [882408.3, 6543019.6],
                    [700000, 6543019.6],
                    [700000, 6600000]
                  ]
                ]
              ]
            }
          }
        ]
      },
      'test.geojson',
      ['code']
    );
    const [feature] = toWgs84(collection, 'EPSG:2154', 'test.geojson').features;
    expect(feature?.id).toBe(7);
    expect(feature?.properties).toEqual({ code: 'X' });
    const ring = feature?.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates[0]?.[0] : undefined;
    expect(metres(ring?.[0] ?? [], [3, 46.5])).toBeLessThan(0.001);
    expect(metres(ring?.[1] ?? [], [5.355651287573366, 45.96240165432614])).toBeLessThan(1);
  });
});

describe('CRS of a source', () => {
  it('comes from the legacy crs member of the file when the manifest agrees or says nothing', () => {
    expect(resolveCrs('EPSG:2154', null, 'q.geojson')).toBe('EPSG:2154');
    expect(resolveCrs('EPSG:2154', 'EPSG:2154', 'q.geojson')).toBe('EPSG:2154');
  });

  it('comes from geodata/sources.json when the file declares none', () => {
    expect(resolveCrs(null, 'EPSG:2154', 'q.geojson')).toBe('EPSG:2154');
  });

  it('is WGS84 when nobody declares one (RFC 7946)', () => {
    expect(resolveCrs(null, null, 'q.geojson')).toBe('EPSG:4326');
  });

  it('is an error when the file and the manifest disagree', () => {
    expect(() => resolveCrs('EPSG:2154', 'EPSG:4326', 'q.geojson')).toThrow(
      'q.geojson: the file declares EPSG:2154 but geodata/sources.json says EPSG:4326'
    );
  });

  it('read from a file is the EPSG code of its urn:ogc:def:crs name', () => {
    const parsed = parseAreaCollection(
      polygonCollection(UNIT_TRIANGLE, 'urn:ogc:def:crs:EPSG::2154'),
      'q.geojson',
      []
    );
    expect(parsed.declaredCrs).toBe('EPSG:2154');
  });

  it('catches projected coordinates in a file treated as lon/lat', () => {
    const { collection } = parseAreaCollection(
      polygonCollection([
        [706093, 7063403],
        [706102, 7063388],
        [706141, 7063316],
        [706093, 7063403]
      ]),
      'q.geojson',
      []
    );
    expect(() => toWgs84(collection, 'EPSG:4326', 'q.geojson')).toThrow(
      'q.geojson: feature #0: coordinate [706093, 7063403] is not lon/lat: declare the CRS in the file or in geodata/sources.json'
    );
  });

  it('other than WGS84 or Lambert-93 is refused', () => {
    const { collection } = parseAreaCollection(polygonCollection(UNIT_TRIANGLE), 'q.geojson', []);
    expect(() => toWgs84(collection, 'EPSG:3857', 'q.geojson')).toThrow(
      'q.geojson: unsupported CRS EPSG:3857'
    );
  });
});

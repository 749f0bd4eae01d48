import { describe, expect, it } from 'vitest';
import {
  normalizeCrsName,
  parseAreaCollection,
  parseCodeList,
  parseJsonText
} from '../../geodata/build/read';

const square = [
  [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0]
  ]
];

/** A one-feature collection with the given geometry and properties. */
function collection(geometry: unknown, properties: unknown = { code: '59', nom: 'Nord' }) {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry }] };
}

describe('parseAreaCollection', () => {
  it('keeps only the requested properties and 2D positions', () => {
    const input = collection(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0, 5],
            [1, 0, 5],
            [1, 1, 5],
            [0, 0, 5]
          ]
        ]
      },
      { code: '59', nom: 'Nord', extra: 1 }
    );
    const { collection: parsed } = parseAreaCollection(input, 'd.geojson', ['code', 'nom']);
    expect(parsed.features[0]).toEqual({
      type: 'Feature',
      properties: { code: '59', nom: 'Nord' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0]
          ]
        ]
      }
    });
  });

  it('refuses an empty collection', () => {
    expect(() => parseAreaCollection({ type: 'FeatureCollection', features: [] }, 'd.geojson', [])).toThrow(
      'd.geojson: no features'
    );
  });

  it('refuses something that is not a FeatureCollection', () => {
    expect(() => parseAreaCollection({ type: 'Feature' }, 'd.geojson', [])).toThrow(
      'd.geojson: not a GeoJSON FeatureCollection'
    );
  });

  it('names the feature and the property that is missing', () => {
    expect(() =>
      parseAreaCollection(collection({ type: 'Polygon', coordinates: square }, { code: '59' }), 'd.geojson', [
        'code',
        'nom'
      ])
    ).toThrow('d.geojson: feature #0: property "nom": missing or not a non-empty string');
  });

  it('refuses geometries other than polygons, and unclosed rings', () => {
    expect(() =>
      parseAreaCollection(collection({ type: 'Point', coordinates: [0, 0] }), 'd.geojson', [])
    ).toThrow('d.geojson: feature #0: geometry: type "Point" is not Polygon or MultiPolygon');
    const open = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1]
      ]
    ];
    expect(() =>
      parseAreaCollection(collection({ type: 'Polygon', coordinates: open }), 'd.geojson', [])
    ).toThrow('d.geojson: feature #0: geometry: a ring is not closed');
  });
});

describe('parseJsonText', () => {
  it('names the file that is not valid JSON', () => {
    expect(() => parseJsonText('{"type": ', 'x.geojson')).toThrow(/^x\.geojson: not valid JSON: /);
  });
});

describe('normalizeCrsName', () => {
  it('reads the EPSG code of URN and short forms, and CRS84 as WGS84', () => {
    expect(normalizeCrsName('urn:ogc:def:crs:EPSG::2154')).toBe('EPSG:2154');
    expect(normalizeCrsName('EPSG:2154')).toBe('EPSG:2154');
    expect(normalizeCrsName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe('EPSG:4326');
    expect(normalizeCrsName('Lambert 93')).toBeNull();
  });
});

describe('parseCodeList', () => {
  const QPV = /^QP\d{6}$/;

  it('reads one code per line after the header, ignoring blank lines and CRLF', () => {
    expect([...parseCodeList('code_qp\r\nQP059071\r\n\r\nQP059074\r\n', 'n.csv', 'code_qp', QPV)]).toEqual([
      'QP059071',
      'QP059074'
    ]);
  });

  it('refuses a wrong header and names the line of a bad code', () => {
    expect(() => parseCodeList('code\nQP059071\n', 'n.csv', 'code_qp', QPV)).toThrow(
      'n.csv: line 1: expected the header "code_qp", got "code"'
    );
    expect(() => parseCodeList('code_qp\nQP059071\n\nQ59074\n', 'n.csv', 'code_qp', QPV)).toThrow(
      'n.csv: line 4: "Q59074" is not a valid code_qp'
    );
  });
});

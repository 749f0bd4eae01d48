// The bounds a zone is framed with, walked from its coordinates without a geometry library.
import { bbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureBounds } from '../../src/lib/map/views';

const feature = (geometry: Geometry): Feature<Geometry> => ({ type: 'Feature', properties: {}, geometry });

describe('featureBounds', () => {
  it.each([
    [
      'a polygon with a hole',
      {
        type: 'Polygon',
        coordinates: [
          [
            [3, 50],
            [3.4, 50.1],
            [3.2, 50.6],
            [3, 50]
          ],
          [
            [3.1, 50.1],
            [3.2, 50.1],
            [3.2, 50.2],
            [3.1, 50.1]
          ]
        ]
      }
    ],
    [
      'islands far apart',
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [2, 49],
              [2.05, 49],
              [2.05, 49.05],
              [2, 49]
            ]
          ],
          [
            [
              [-1.5, 51],
              [-1.4, 51],
              [-1.4, 51.2],
              [-1.5, 51]
            ]
          ]
        ]
      }
    ],
    ['a point', { type: 'Point', coordinates: [2.35, 48.85] }]
  ] as [string, Geometry][])(
    'gives the west-south and east-north corners of %s, as turf’s bbox',
    (_, geometry) => {
      const [west, south, east, north] = bbox(geometry);
      expect(featureBounds(feature(geometry))).toEqual([
        [west, south],
        [east, north]
      ]);
    }
  );
});

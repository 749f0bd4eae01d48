// The two framings of the atlas and camera helpers.
import { bbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { View } from '../types';
import type { Bounds } from './camera';

/** Bounds of each view: Hauts-de-France for the quarters, metropolitan France for the territories. */
export const VIEW_BOUNDS: Readonly<Record<View, Bounds>> = {
  hdf: [
    [1.38, 48.83],
    [4.26, 51.09]
  ],
  france: [
    [-5.2, 41.3],
    [9.6, 51.2]
  ]
};

/** French labels of the views, for the switcher. */
export const VIEW_LABELS: Record<View, string> = {
  hdf: 'Hauts-de-France',
  france: 'France'
};

/** Bounds of a feature. */
export function featureBounds(feature: Feature<Geometry>): Bounds {
  const [west, south, east, north] = bbox(feature);
  return [
    [west, south],
    [east, north]
  ];
}

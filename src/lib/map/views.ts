// The two framings of the atlas and camera helpers.
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

/** Bounds of a feature: the extremes of its coordinates (a walk, not a geometry library). */
export function featureBounds(feature: Feature<Geometry>): Bounds {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (coordinates: unknown): void => {
    if (typeof (coordinates as number[])[0] === 'number') {
      const [lon, lat] = coordinates as [number, number];
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    } else for (const part of coordinates as unknown[]) walk(part);
  };
  const geometries =
    feature.geometry.type === 'GeometryCollection' ? feature.geometry.geometries : [feature.geometry];
  for (const geometry of geometries) if (geometry.type !== 'GeometryCollection') walk(geometry.coordinates);
  return [
    [west, south],
    [east, north]
  ];
}

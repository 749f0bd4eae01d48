// The numbers a scene puts on its quarters (issue 9): at regional scale the quarters are
// anonymous dots, so each gets a number on the map, keyed to a list of names on screen.
// Numbers run west to east by the quarter's label point (where its marker is drawn), ties
// by id, so the same data always gives the same numbers and neighbours get close numbers.

import type { FeatureCollection, Point } from 'geojson';
import type { Zone, ZoneProperties } from '../types';

/** One entry of the on-screen key: the number drawn on the map and what it names. */
export interface NumberedQuarter {
  /** 1-based, as drawn on the marker. */
  number: number;
  id: string;
  name: string;
  /** Names of the quarter's communes, as the zone lists them. */
  communes: string[];
}

/**
 * Numbers the quarters among `shownIds`, west to east by their point in `labelPoints`.
 * Territories and quarters without a label point are left out.
 */
export function numberQuarters(
  zones: readonly Zone[],
  shownIds: readonly string[],
  labelPoints: FeatureCollection<Point, ZoneProperties>
): NumberedQuarter[] {
  const shown = new Set(shownIds);
  const longitudes = new Map(
    labelPoints.features.map((feature) => [feature.properties.id, feature.geometry.coordinates[0]!])
  );
  return zones
    .flatMap((zone) => {
      const longitude = longitudes.get(zone.id);
      return zone.kind === 'quarter' && shown.has(zone.id) && longitude !== undefined
        ? [{ zone, longitude }]
        : [];
    })
    .sort((a, b) => a.longitude - b.longitude || (a.zone.id < b.zone.id ? -1 : a.zone.id > b.zone.id ? 1 : 0))
    .map(({ zone }, index) => ({
      number: index + 1,
      id: zone.id,
      name: zone.name,
      communes: zone.communes.map((commune) => commune.name)
    }));
}

// The numbers a scene puts on its quarters: at regional scale the quarters are
// anonymous dots, so each gets a number on the map, keyed to a list of names on screen.
// Numbers run west to east by the quarter's label point (where its marker is drawn), ties
// by id, so the same data always gives the same numbers and neighbours get close numbers.

import type { FeatureCollection, Point } from 'geojson';
import type { Zone, ZoneProperties } from '$lib/types';

/** One entry of the on-screen key: the number drawn on the map and what it names. */
export interface NumberedQuarter {
  /** 1-based, as drawn on the marker. */
  number: number;
  id: string;
  name: string;
  /** Names of the quarter's communes, as the zone lists them. */
  communes: string[];
  /** Its label point, [longitude, latitude]: where the marker is drawn when there is room. */
  at: [number, number];
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
  const points = new Map(
    labelPoints.features.map((feature) => {
      const [longitude, latitude] = feature.geometry.coordinates;
      return [feature.properties.id, [longitude!, latitude!] as [number, number]];
    })
  );
  return zones
    .flatMap((zone) => {
      const at = points.get(zone.id);
      return zone.kind === 'quarter' && shown.has(zone.id) && at !== undefined ? [{ zone, at }] : [];
    })
    .sort((a, b) => a.at[0] - b.at[0] || (a.zone.id < b.zone.id ? -1 : a.zone.id > b.zone.id ? 1 : 0))
    .map(({ zone, at }, index) => ({
      number: index + 1,
      id: zone.id,
      name: zone.name,
      communes: zone.communes.map((commune) => commune.name),
      at
    }));
}

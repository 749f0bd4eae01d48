// Picking among overlapping zones: every Nord quarter lies inside the Nord
// acceleration territory, and commune-union quarters can share a commune.
import type { ZoneProperties } from '$lib/types';

/** Distinct zone ids of the features under the pointer, smallest area first. */
export function smallestFirst(
  features: readonly { properties: Pick<ZoneProperties, 'id' | 'areaKm2'> }[]
): string[] {
  const areas: Record<string, number> = {};
  for (const { properties } of features) areas[properties.id] = properties.areaKm2;
  return Object.keys(areas).sort((a, b) => areas[a]! - areas[b]! || a.localeCompare(b));
}

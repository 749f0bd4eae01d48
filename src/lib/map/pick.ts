// Picking among overlapping zones and QPVs: every Nord quarter lies inside the Nord
// acceleration territory, commune-union quarters can share a commune, and a QPV lies in both.
import type { ZoneProperties } from '$lib/types';

/** Distinct zone ids of the features under the pointer, smallest area first. */
export function smallestFirst(
  features: readonly { properties: Pick<ZoneProperties, 'id' | 'areaKm2'> }[]
): string[] {
  const areas: Record<string, number> = {};
  for (const { properties } of features) areas[properties.id] = properties.areaKm2;
  return Object.keys(areas).sort((a, b) => areas[a]! - areas[b]! || a.localeCompare(b));
}

/** A QPV under the pointer, with its area and the zone drawn with it ("" for none). */
export interface PickedQpv {
  code: string;
  zoneId: string;
  areaKm2: number;
}

/** What a click opens: the zones under it, smallest first, or a QPV's sheet. */
export interface MapPick {
  zones: string[];
  /** The QPV to open, when it is smaller than every zone under the pointer; else null. */
  qpv: string | null;
}

/**
 * The smallest place under the pointer wins: a QPV inside a territory or a commune-wide quarter
 * opens its own sheet, while a QPV drawn as a zone of the atlas gives way to that zone (same
 * outline, and the zone's sheet links to it).
 */
export function pickAt(
  zones: readonly { properties: Pick<ZoneProperties, 'id' | 'areaKm2'> }[],
  qpvs: readonly PickedQpv[]
): MapPick {
  const ids = smallestFirst(zones);
  const areas = new Map(zones.map(({ properties }) => [properties.id, properties.areaKm2]));
  const smallestZone = ids[0] === undefined ? Infinity : areas.get(ids[0])!;
  const qpv = qpvs
    .filter((q) => !ids.includes(q.zoneId) && q.areaKm2 < smallestZone)
    .sort((a, b) => a.areaKm2 - b.areaKm2 || a.code.localeCompare(b.code))[0];
  return { zones: ids, qpv: qpv?.code ?? null };
}

// The explorer's zone filter: which zones a FilterState keeps, and the faceted
// counts shown next to each option. Pure functions over plain data.
import { PROGRAMMES } from '$lib/types';
import type { FilterState, Programme, Zone } from '$lib/types';

/** Programmes of each zone (by definition and through measures), keyed by zone id. */
export type ZoneProgrammes = Readonly<Record<string, readonly Programme[]>>;

/** SIRENs of the EPCIs each zone lies in, keyed by zone id (AtlasData.zoneEpcis). */
export type ZoneEpcis = Readonly<Record<string, readonly string[]>>;

/** Live count of matching zones for each filter option, were that option switched on. */
export interface OptionCounts {
  programmes: Record<Programme, number>;
  /** Keyed by département code: every département that has a zone, plus the selected ones. */
  departements: Record<string, number>;
  /** Keyed by SIREN: every EPCI holding a zone, plus the selected one. */
  epcis: Record<string, number>;
}

/** The filter that keeps every zone. */
export function resetFilter(): FilterState {
  return { programmes: [], mode: 'any', departements: [], epci: null };
}

/** True when a zone with these programmes, lying in these EPCIs, passes the filter. */
export function matchZone(
  zone: Pick<Zone, 'departement'>,
  programmes: readonly Programme[],
  filter: FilterState,
  epcis: readonly string[] = []
): boolean {
  if (filter.departements.length > 0 && !filter.departements.includes(zone.departement)) return false;
  if (filter.epci !== null && !epcis.includes(filter.epci)) return false;
  if (filter.programmes.length === 0) return true;
  return filter.mode === 'all'
    ? filter.programmes.every((p) => programmes.includes(p))
    : filter.programmes.some((p) => programmes.includes(p));
}

/** Ids of the zones that pass the filter, in the order given. */
export function filterZones(
  zones: readonly Zone[],
  zoneProgrammes: ZoneProgrammes,
  filter: FilterState,
  zoneEpcis: ZoneEpcis = {}
): string[] {
  return zones
    .filter((zone) => matchZone(zone, programmesOf(zone, zoneProgrammes), filter, zoneEpcis[zone.id]))
    .map((zone) => zone.id);
}

/** Faceted counts: for each option, how many zones the filter would keep with that option added. */
export function optionCounts(
  zones: readonly Zone[],
  zoneProgrammes: ZoneProgrammes,
  filter: FilterState,
  zoneEpcis: ZoneEpcis = {}
): OptionCounts {
  const count = (f: FilterState): number => filterZones(zones, zoneProgrammes, f, zoneEpcis).length;
  const programmes = {} as Record<Programme, number>;
  for (const programme of PROGRAMMES) {
    programmes[programme] = count({ ...filter, programmes: withOption(filter.programmes, programme) });
  }
  const departements: Record<string, number> = {};
  const codes = new Set([...zones.map((zone) => zone.departement), ...filter.departements]);
  for (const code of [...codes].sort()) {
    departements[code] = count({ ...filter, departements: withOption(filter.departements, code) });
  }
  // One EPCI at a time: an option's count replaces the current choice rather than adding to it.
  const epcis: Record<string, number> = {};
  const sirens = new Set([
    ...zones.flatMap((zone) => zoneEpcis[zone.id] ?? []),
    ...(filter.epci ? [filter.epci] : [])
  ]);
  for (const siren of [...sirens].sort()) epcis[siren] = count({ ...filter, epci: siren });
  return { programmes, departements, epcis };
}

// A zone missing from the linked record still has its defining programmes.
function programmesOf(zone: Zone, zoneProgrammes: ZoneProgrammes): readonly Programme[] {
  return zoneProgrammes[zone.id] ?? zone.programmes;
}

function withOption<T>(selected: readonly T[], option: T): T[] {
  return selected.includes(option) ? [...selected] : [...selected, option];
}

// The explorer's zone filter: which zones a FilterState keeps, and the faceted
// counts shown next to each option. Pure functions over plain data.
import { PROGRAMMES } from '$lib/types';
import type { FilterState, Measure, Programme, Zone } from '$lib/types';

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

/**
 * Faceted counts with one meaning whatever is ticked: beside each option, the zones that option
 * covers among those the other groups of filters keep. A programme's count is the zones of that
 * programme in the chosen territories (départements, EPCI), not the size the selection would
 * reach were it ticked, so ticking one programme never changes what the others' numbers mean; a
 * département's count is its zones that pass the programme and EPCI filters; an EPCI's, its
 * zones that pass the programme and département filters.
 */
export function optionCounts(
  zones: readonly Zone[],
  zoneProgrammes: ZoneProgrammes,
  filter: FilterState,
  zoneEpcis: ZoneEpcis = {}
): OptionCounts {
  const count = (f: FilterState): number => filterZones(zones, zoneProgrammes, f, zoneEpcis).length;
  const programmes = {} as Record<Programme, number>;
  for (const programme of PROGRAMMES) {
    programmes[programme] = count({ ...filter, programmes: [programme], mode: 'any' });
  }
  const departements: Record<string, number> = {};
  const codes = new Set([...zones.map((zone) => zone.departement), ...filter.departements]);
  for (const code of [...codes].sort()) departements[code] = count({ ...filter, departements: [code] });
  const epcis: Record<string, number> = {};
  const sirens = new Set([
    ...zones.flatMap((zone) => zoneEpcis[zone.id] ?? []),
    ...(filter.epci ? [filter.epci] : [])
  ]);
  for (const siren of [...sirens].sort()) epcis[siren] = count({ ...filter, epci: siren });
  return { programmes, departements, epcis };
}

/**
 * Programmes that no zone can count for: each of their measures reaches the whole country only
 * (national measures never count) and no zone has them by definition. Their zero in the filters
 * means "national measures only", not "no quarter concerned".
 */
export function nationalOnlyProgrammes(zones: readonly Zone[], measures: readonly Measure[]): Programme[] {
  return PROGRAMMES.filter(
    (programme) =>
      !zones.some((zone) => zone.programmes.includes(programme)) &&
      measures.some((m) => m.programme === programme) &&
      measures
        .filter((m) => m.programme === programme)
        .every((m) => m.appliesTo.every((target) => 'national' in target))
  );
}

// A zone missing from the linked record still has its defining programmes.
function programmesOf(zone: Zone, zoneProgrammes: ZoneProgrammes): readonly Programme[] {
  return zoneProgrammes[zone.id] ?? zone.programmes;
}

// Regional summary of a set of selected zones: how many zones per programme and per
// département, which measures reach them, and the funding lines of those measures grouped
// by what the money really covers. Amounts are never added up: envelopes of different
// scopes are not comparable, and national envelopes overlap (the 13 Md€ of validated NPNRU
// projects include the 4 Md€ from the Anru), so any total would be false.

import {
  PROGRAMMES,
  SCOPES,
  type LinkedMeasure,
  type Measure,
  type Programme,
  type Scope,
  type Zone
} from '$lib/types';
import { zoneProgrammes } from '$lib/measures/link';

/** Number of selected zones taking part in a programme. */
export interface ProgrammeCount {
  programme: Programme;
  count: number;
}

/** Number of selected zones lying in a département. */
export interface DepartementCount {
  code: string;
  name: string;
  count: number;
}

/** A measure reaching the selection, with how many selected zones it reaches. */
export interface MeasureCount {
  id: string;
  title: string;
  programme: Programme;
  zoneCount: number;
}

/** One funding line of a measure, listed once whatever the number of zones it reaches. */
export interface FundingEntry {
  measureId: string;
  measureTitle: string;
  amount: number;
  atLeast: boolean;
  covers: string;
  territory?: string;
}

/** The funding lines of one scope. `count` counts lines; there is deliberately no sum. */
export interface FundingGroup {
  scope: Scope;
  lines: FundingEntry[];
  count: number;
}

/** Everything the summary panel shows for a selection. */
export interface RegionalSummary {
  /** Selected zones found in `zones` (unknown ids are left out). */
  zoneCount: number;
  zonesByProgramme: ProgrammeCount[];
  zonesByDepartement: DepartementCount[];
  measures: MeasureCount[];
  /** Always the four scopes, in the order national → regional → departemental → zone. */
  funding: FundingGroup[];
}

/** Sorts by descending count, ties broken by a stable rank (the order of the source list). */
function byCountThenRank<T extends { count: number }>(rank: (item: T) => number) {
  return (a: T, b: T): number => b.count - a.count || rank(a) - rank(b);
}

/** Summarises the selected zones: zones per programme and per département, measures reaching them, funding lines grouped by scope. */
export function summarise(
  zoneIds: readonly string[],
  zones: readonly Zone[],
  measures: readonly Measure[],
  links: Readonly<Record<string, readonly LinkedMeasure[]>>,
  departementNames: Readonly<Record<string, string>>
): RegionalSummary {
  const zoneById = new Map(zones.map((zone) => [zone.id, zone]));
  const measureById = new Map(measures.map((measure) => [measure.id, measure]));
  const measureRank = new Map(measures.map((measure, index) => [measure.id, index]));

  const selected = [...new Set(zoneIds)]
    .map((id) => zoneById.get(id))
    .filter((zone): zone is Zone => zone !== undefined);

  const programmeZones = new Map<Programme, Set<string>>();
  const departementZones = new Map<string, number>();
  const measureZones = new Map<string, Set<string>>();

  for (const zone of selected) {
    departementZones.set(zone.departement, (departementZones.get(zone.departement) ?? 0) + 1);
    for (const link of links[zone.id] ?? []) {
      const measure = measureById.get(link.measureId);
      if (!measure) {
        throw new Error(`summarise: zone "${zone.id}" is linked to unknown measure "${link.measureId}"`);
      }
      const reached = measureZones.get(measure.id) ?? new Set<string>();
      reached.add(zone.id);
      measureZones.set(measure.id, reached);
    }
    // National measures reach every zone: they do not make it part of a programme (see isTargeted).
    for (const programme of zoneProgrammes(zone, links[zone.id] ?? [], measureById)) {
      const members = programmeZones.get(programme) ?? new Set<string>();
      members.add(zone.id);
      programmeZones.set(programme, members);
    }
  }

  const zonesByProgramme = [...programmeZones]
    .map(([programme, members]) => ({ programme, count: members.size }))
    .sort(byCountThenRank((item) => PROGRAMMES.indexOf(item.programme)));

  // A département missing from the names still shows, by its code, rather than vanish from the counts.
  const zonesByDepartement = [...departementZones]
    .map(([code, count]) => ({ code, name: departementNames[code] ?? code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  const reachedMeasures = [...measureZones.keys()]
    .map((id) => measureById.get(id))
    .filter((measure): measure is Measure => measure !== undefined)
    .sort((a, b) => (measureRank.get(a.id) ?? 0) - (measureRank.get(b.id) ?? 0));

  const measureCounts = reachedMeasures
    .map((measure) => ({
      id: measure.id,
      title: measure.title,
      programme: measure.programme,
      count: measureZones.get(measure.id)?.size ?? 0
    }))
    .sort(byCountThenRank((item) => measureRank.get(item.id) ?? 0))
    .map(({ count, ...rest }) => ({ ...rest, zoneCount: count }));

  const selectedDepartements = new Set(selected.map((zone) => zone.departement));
  const linesByScope = new Map<Scope, FundingEntry[]>(SCOPES.map((scope) => [scope, []]));
  // Iterating measures, not zones, is what lists each line once however many zones share it.
  for (const measure of reachedMeasures) {
    for (const line of measure.funding) {
      // A département's envelope concerns the selection only if a selected zone lies there:
      // selecting a quarter of Lens must not show the Nord's contract.
      if (
        line.scope === 'departemental' &&
        line.territory !== undefined &&
        !selectedDepartements.has(line.territory)
      ) {
        continue;
      }
      const entry: FundingEntry = {
        measureId: measure.id,
        measureTitle: measure.title,
        amount: line.amount,
        atLeast: line.atLeast ?? false,
        covers: line.covers
      };
      if (line.territory !== undefined) entry.territory = line.territory;
      linesByScope.get(line.scope)?.push(entry);
    }
  }
  const funding = SCOPES.map((scope) => {
    const lines = linesByScope.get(scope) ?? [];
    return { scope, lines, count: lines.length };
  });

  return {
    zoneCount: selected.length,
    zonesByProgramme,
    zonesByDepartement,
    measures: measureCounts,
    funding
  };
}

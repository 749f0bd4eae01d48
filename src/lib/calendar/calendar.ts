// The calendar of the briefing: every dated item of the measures kept by the filter, in
// calendar order, grouped by month (vaguer dates by their whole period), with the briefing's
// own date as a marker row among them. Pure: the panel only lays out what these functions
// return.
import type { DatedItem, FilterState, LinkedMeasure, Measure, Scope } from '$lib/types';
import { compareDatedItems, periodDays } from '$lib/measures/dated';
import { formatDate } from '$lib/format/date';

/** One dated item with the measure it belongs to. */
export interface CalendarEntry {
  item: DatedItem;
  measure: Measure;
}

/** Where an item stands on the briefing's date: over, under way, or to come. */
export type CalendarStatus = 'past' | 'current' | 'due';

/** A row of a month: a dated item, or the briefing's own date. */
export type CalendarRow =
  { kind: 'item'; entry: CalendarEntry; status: CalendarStatus | null } | { kind: 'marker'; date: string };

/**
 * The rows of one heading: a month (the items whose first day falls in it, or the marker), or
 * the period of vaguer dates (see groupOf).
 */
export interface CalendarMonth {
  /** Unique in the calendar: `YYYY-MM` for a month, `start_end` for a vaguer period. */
  key: string;
  /** French, e.g. "janvier 2020", "1er semestre 2019", "2018". */
  label: string;
  rows: CalendarRow[];
}

/**
 * True when a measure passes the explorer's filter: its programme is among those chosen (any
 * when none is), and under a département or intercommunality filter it reaches at least one
 * zone the zone filter keeps (`visibleZones`, from filterZones). Without a place filter, a
 * measure reaching no drawn zone still shows: its dates are no less the briefing's.
 */
export function measurePasses(
  measure: Measure,
  filter: FilterState,
  visibleZones: readonly string[],
  links: Readonly<Record<string, readonly LinkedMeasure[]>>
): boolean {
  if (filter.programmes.length > 0 && !filter.programmes.includes(measure.programme)) return false;
  if (filter.departements.length === 0 && filter.epci === null) return true;
  return visibleZones.some((id) => (links[id] ?? []).some((link) => link.measureId === measure.id));
}

/** Every dated item of these measures, in calendar order (compareDatedItems, then measure order). */
export function calendarEntries(measures: readonly Measure[]): CalendarEntry[] {
  return measures
    .flatMap((measure) => (measure.dates ?? []).map((item) => ({ item, measure })))
    .sort((a, b) => compareDatedItems(a.item, b.item));
}

/** Where an item stands on `date` (ISO day or month): over before it, to come after it. */
export function statusOn(item: DatedItem, date: string): CalendarStatus {
  const { first, last } = periodDays(item);
  const day = date.length === 7 ? `${date}-01` : date;
  if (last < day) return 'past';
  if (first > day) return 'due';
  return 'current';
}

/**
 * The group an item sits in: the month of its first day for a day or a month; for a vaguer
 * date (a season, a half-year, a year), the whole period it stands for, so that no heading
 * names a month the source does not give.
 */
function groupOf(item: DatedItem, first: string): { key: string; label: string } {
  if (item.precision === 'day' || item.precision === 'month') {
    const month = first.slice(0, 7);
    return { key: month, label: formatDate(month) };
  }
  return { key: `${item.start}_${item.end}`, label: periodText(item) };
}

/**
 * Groups the entries in calendar order (see groupOf), and places the marker of `markerDate`
 * (the briefing's date, ISO day or month; null for none) after the items starting on or
 * before it, in its month. A group that comes back after another gets a key of its own.
 */
export function groupByMonth(entries: readonly CalendarEntry[], markerDate: string | null): CalendarMonth[] {
  const rows: { day: string; group: { key: string; label: string }; row: CalendarRow }[] = entries.map(
    (entry) => {
      const day = periodDays(entry.item).first;
      return {
        day,
        group: groupOf(entry.item, day),
        row: { kind: 'item', entry, status: markerDate ? statusOn(entry.item, markerDate) : null }
      };
    }
  );
  if (markerDate) {
    const day = markerDate.length === 7 ? `${markerDate}-01` : markerDate;
    const at = rows.findIndex((r) => r.day > day);
    const month = day.slice(0, 7);
    rows.splice(at === -1 ? rows.length : at, 0, {
      day,
      group: { key: month, label: formatDate(month) },
      row: { kind: 'marker', date: markerDate }
    });
  }
  const months: CalendarMonth[] = [];
  const seen = new Map<string, number>();
  for (const { group, row } of rows) {
    let month = months.at(-1);
    if (month?.label !== group.label) {
      const times = (seen.get(group.key) ?? 0) + 1;
      seen.set(group.key, times);
      month = { key: times === 1 ? group.key : `${group.key}-${times}`, label: group.label, rows: [] };
      months.push(month);
    }
    month.rows.push(row);
  }
  return months;
}

const SEASONS: Record<number, string> = { 12: 'hiver', 3: 'printemps', 6: 'été', 9: 'automne' };

/** The whole period an item stands for, in words: "30 avril 2020", "été 2020", "de 2020 à 2022". */
export function periodText(item: DatedItem): string {
  const one = (unit: string, first: boolean): string => {
    switch (item.precision) {
      case 'day':
      case 'month':
        return formatDate(unit);
      case 'year':
        return unit;
      case 'season': {
        const month = Number(unit.slice(5, 7));
        const start = first ? month : ((month + 9) % 12) + 1;
        return `${SEASONS[start]} ${unit.slice(0, 4)}`;
      }
      case 'half-year':
        return `${Number(unit.slice(5, 7)) <= 6 ? '1er' : '2nd'} semestre ${unit.slice(0, 4)}`;
    }
  };
  // One winter spans two years: named by both.
  if (item.precision === 'season' && item.start.slice(5) === '12' && item.end.slice(5) === '02')
    if (Number(item.end.slice(0, 4)) === Number(item.start.slice(0, 4)) + 1)
      return `hiver ${item.start.slice(0, 4)}-${item.end.slice(0, 4)}`;
  const start = one(item.start, true);
  const end = one(item.end, false);
  return start === end ? start : `de ${start} à ${end}`;
}

/** The widest reach of a measure's targets, as a scope: the nation, the region, départements or zones. */
export function measureScope(measure: Pick<Measure, 'appliesTo'>): Scope {
  const targets = measure.appliesTo;
  if (targets.some((t) => 'national' in t)) return 'national';
  if (targets.some((t) => 'region' in t)) return 'regional';
  if (targets.some((t) => 'departements' in t)) return 'departemental';
  return 'zone';
}

/** French label of a measure's scope on the calendar, naming its départements where it has some. */
export function scopeText(
  measure: Pick<Measure, 'appliesTo'>,
  departementNames: Readonly<Record<string, string>>,
  regionName: string
): string {
  switch (measureScope(measure)) {
    case 'national':
      return 'Mesure nationale';
    case 'regional':
      return `Région ${regionName}`;
    case 'departemental': {
      const codes = measure.appliesTo.flatMap((t) => ('departements' in t ? t.departements : []));
      return `Département : ${codes.map((code) => departementNames[code] ?? code).join(', ')}`;
    }
    case 'zone':
      return 'Zones désignées';
  }
}

/** The first of `zoneIds` whose sheet lists the measure, or null: where its button leads. */
export function sheetZoneOf(
  measureId: string,
  zoneIds: readonly string[],
  links: Readonly<Record<string, readonly LinkedMeasure[]>>
): string | null {
  return zoneIds.find((id) => (links[id] ?? []).some((link) => link.measureId === measureId)) ?? null;
}

/** French words for an item's standing on the briefing's date. */
export const STATUS_LABELS: Readonly<Record<CalendarStatus, string>> = {
  past: 'passé à la date de la lettre',
  current: 'en cours à la date de la lettre',
  due: 'à venir'
};

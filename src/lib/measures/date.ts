// How a measure's date reads on a sheet: exactly as precise as the source, never more.
import type { Measure } from '$lib/types';
import { APPROXIMATE_PERIOD_PREFIXES } from '$lib/labels';
import { formatDate } from '$lib/format/date';

/** French date of a measure: "22 janvier 2019", "décembre 2018", "2019", or "début 2019" when approximate. */
export function measureDateText(measure: Pick<Measure, 'date' | 'approximate'>): string {
  if (/^\d{4}$/.test(measure.date)) {
    return measure.approximate
      ? `${APPROXIMATE_PERIOD_PREFIXES[measure.approximate]}${measure.date}`
      : measure.date;
  }
  return formatDate(measure.date);
}

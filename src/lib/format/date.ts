// French formatting of the sources' ISO dates. Intl fr-FR lacks the ordinal "1er",
// hand-coded here.

const monthYear = new Intl.DateTimeFormat('fr-FR', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC'
});
const dayMonthYear = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC'
});

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Formats an ISO date of the sources in French: "2018-12" → "décembre 2018", "2019-03-01" → "1er mars 2019". */
export function formatDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`formatDate: expected YYYY-MM or YYYY-MM-DD, got "${iso}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 19xx; it silently rolls
  // 2019-02-30 over to March, which the round trip below catches.
  date.setUTCFullYear(year, month - 1, day ?? 1);
  if (date.getUTCMonth() !== month - 1 || (day !== undefined && date.getUTCDate() !== day)) {
    throw new RangeError(`formatDate: no such date "${iso}"`);
  }
  if (day === undefined) return monthYear.format(date);
  return dayMonthYear
    .formatToParts(date)
    .map((part) => (part.type === 'day' && day === 1 ? '1er' : part.value))
    .join('');
}

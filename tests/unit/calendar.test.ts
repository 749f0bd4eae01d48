import { describe, expect, it } from 'vitest';
import {
  calendarEntries,
  groupByMonth,
  measurePasses,
  measureScope,
  periodText,
  scopeText,
  sheetZoneOf,
  statusOn,
  type CalendarMonth
} from '../../src/lib/calendar/calendar';
import { resetFilter } from '../../src/lib/filters/filter';
import type { DatedItem, LinkedMeasure, Measure } from '../../src/lib/types';
import { datedItem, measure } from './measure-fixture';

const item = datedItem;

function dated(id: string, items: DatedItem[], base: Measure = measure(id, [{ national: true }])): Measure {
  return { ...base, id, dates: items };
}

/** Each month as its key and the rows' `what` (the marker as "|"). */
function shape(months: CalendarMonth[]): [string, string[]][] {
  return months.map((month) => [
    month.key,
    month.rows.map((row) => (row.kind === 'marker' ? '|' : row.entry.item.what))
  ]);
}

describe('the calendar', () => {
  const measures = [
    dated('a', [
      item({ what: 'avril', start: '2019-04-30', end: '2019-04-30' }),
      item({ what: 'année', precision: 'year', start: '2019', end: '2022', written: "jusqu'en 2022" })
    ]),
    dated('b', [
      item({ what: 'semestre', precision: 'half-year', start: '2019-01', end: '2019-06' }),
      item({ what: 'janvier', precision: 'month', start: '2019-01', end: '2019-01' }),
      item({ what: 'été', precision: 'season', start: '2019-06', end: '2019-08' })
    ]),
    measure('sans-date', [{ national: true }])
  ];

  it('lists every dated item in calendar order, shorter periods first on the same first day', () => {
    expect(calendarEntries(measures).map((e) => e.item.what)).toEqual([
      'janvier',
      'semestre',
      'année',
      'avril',
      'été'
    ]);
  });

  it('heads a half-year, a year and a season with their whole period, never a month the source does not give', () => {
    const months = groupByMonth(calendarEntries(measures), null);
    expect(shape(months)).toEqual([
      ['2019-01', ['janvier']],
      ['2019-01_2019-06', ['semestre']],
      ['2019_2022', ['année']],
      ['2019-04', ['avril']],
      ['2019-06_2019-08', ['été']]
    ]);
    expect(months.map((month) => month.label)).toEqual([
      'janvier 2019',
      '1er semestre 2019',
      'de 2019 à 2022',
      'avril 2019',
      'été 2019'
    ]);
  });

  it("puts the briefing's date after the items starting on or before it, under its month, keys kept unique", () => {
    const months = groupByMonth(calendarEntries(measures), '2019-01-25');
    expect(shape(months)).toEqual([
      ['2019-01', ['janvier']],
      ['2019-01_2019-06', ['semestre']],
      ['2019_2022', ['année']],
      ['2019-01-2', ['|']],
      ['2019-04', ['avril']],
      ['2019-06_2019-08', ['été']]
    ]);
    expect(months[3]!.label).toBe('janvier 2019');
  });

  it('gives the marker a month of its own when no item starts in it', () => {
    expect(shape(groupByMonth(calendarEntries(measures), '2019-03-01')).map(([key]) => key)).toEqual([
      '2019-01',
      '2019-01_2019-06',
      '2019_2022',
      '2019-03',
      '2019-04',
      '2019-06_2019-08'
    ]);
  });

  it('keeps the marker in the month of the items before it', () => {
    const days = [dated('c', [item({ what: 'jour', start: '2019-01-10', end: '2019-01-10' })])];
    expect(shape(groupByMonth(calendarEntries(days), '2019-01-25'))).toEqual([['2019-01', ['jour', '|']]]);
  });

  it("says whether each item was over, under way or to come at the briefing's date", () => {
    const on = (what: string) =>
      groupByMonth(calendarEntries(measures), '2019-01-25')
        .flatMap((m) => m.rows)
        .find((row) => row.kind === 'item' && row.entry.item.what === what);
    expect(on('avril')).toMatchObject({ status: 'due' });
    expect(on('semestre')).toMatchObject({ status: 'current' });
    expect(statusOn(item({ start: '2019-01-02', end: '2019-01-02' }), '2019-01-25')).toBe('past');
  });
});

describe('a dated period in words', () => {
  it('names a day, a month, a season, a half-year and a span of years', () => {
    expect(periodText(item({}))).toBe('30 avril 2019');
    expect(periodText(item({ precision: 'month', start: '2019-05', end: '2019-05' }))).toBe('mai 2019');
    expect(periodText(item({ precision: 'season', start: '2019-06', end: '2019-08' }))).toBe('été 2019');
    expect(periodText(item({ precision: 'half-year', start: '2019-01', end: '2019-06' }))).toBe(
      '1er semestre 2019'
    );
    expect(periodText(item({ precision: 'year', start: '2019', end: '2022' }))).toBe('de 2019 à 2022');
  });

  it('names a winter by both its years', () => {
    expect(periodText(item({ precision: 'season', start: '2018-12', end: '2019-02' }))).toBe(
      'hiver 2018-2019'
    );
  });
});

describe('which items the filter keeps', () => {
  const links: Record<string, LinkedMeasure[]> = {
    nord: [
      { measureId: 'nationale', via: 'national' },
      { measureId: 'du-nord', via: 'departement' }
    ],
    somme: [{ measureId: 'nationale', via: 'national' }]
  };
  const nationale = measure('nationale', [{ national: true }], 'gouvernance');
  const duNord = measure('du-nord', [{ departements: ['59'] }], 'strategie-pauvrete');
  const ailleurs = measure('ailleurs', [{ departements: ['13'] }], 'logement');

  it('keeps every measure with no filter, even one reaching no drawn zone', () => {
    for (const m of [nationale, duNord, ailleurs])
      expect(measurePasses(m, resetFilter(), ['nord', 'somme'], links)).toBe(true);
  });

  it('keeps the chosen programmes only', () => {
    const filter = { ...resetFilter(), programmes: ['strategie-pauvrete' as const] };
    expect(measurePasses(duNord, filter, ['nord'], links)).toBe(true);
    expect(measurePasses(nationale, filter, ['nord'], links)).toBe(false);
  });

  it('under a place filter, keeps the measures reaching a zone the filter keeps', () => {
    const filter = { ...resetFilter(), departements: ['80'] };
    expect(measurePasses(nationale, filter, ['somme'], links)).toBe(true);
    expect(measurePasses(duNord, filter, ['somme'], links)).toBe(false);
    expect(measurePasses(ailleurs, filter, ['somme'], links)).toBe(false);
  });

  it('leads to the first kept zone whose sheet lists the measure', () => {
    expect(sheetZoneOf('du-nord', ['somme', 'nord'], links)).toBe('nord');
    expect(sheetZoneOf('nationale', ['somme', 'nord'], links)).toBe('somme');
    expect(sheetZoneOf('ailleurs', ['somme', 'nord'], links)).toBeNull();
  });

  it('names the scope by the widest target', () => {
    expect(measureScope(nationale)).toBe('national');
    expect(measureScope(measure('r', [{ region: '32' }, { zones: ['x'] }]))).toBe('regional');
    expect(scopeText(duNord, { '59': 'Nord' }, 'Hauts-de-France')).toBe('Département : Nord');
    expect(measureScope(measure('z', [{ kind: 'quarter' }]))).toBe('zone');
  });
});

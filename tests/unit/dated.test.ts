import { describe, expect, it } from 'vitest';
import { compareDatedItems, periodDays, periodProblem } from '../../src/lib/measures/dated';
import { datedItem } from './measure-fixture';

const item = datedItem;

describe('the period a dated item stands for', () => {
  it('is one day for a day', () => {
    expect(periodDays(item({}))).toEqual({ first: '2019-04-30', last: '2019-04-30' });
  });

  it('is the whole month for a month, leap years included', () => {
    expect(periodDays(item({ precision: 'month', start: '2020-02', end: '2020-02' }))).toEqual({
      first: '2020-02-01',
      last: '2020-02-29'
    });
  });

  it('is June to August for summer, a meteorological season', () => {
    expect(periodDays(item({ precision: 'season', start: '2019-06', end: '2019-08' }))).toEqual({
      first: '2019-06-01',
      last: '2019-08-31'
    });
  });

  it('runs into the next year for a winter', () => {
    expect(periodDays(item({ precision: 'season', start: '2018-12', end: '2019-02' }))).toEqual({
      first: '2018-12-01',
      last: '2019-02-28'
    });
  });

  it('is January to June for a first half-year', () => {
    expect(periodDays(item({ precision: 'half-year', start: '2019-01', end: '2019-06' }))).toEqual({
      first: '2019-01-01',
      last: '2019-06-30'
    });
  });

  it('spans whole years for a year period', () => {
    expect(periodDays(item({ precision: 'year', start: '2019', end: '2022' }))).toEqual({
      first: '2019-01-01',
      last: '2022-12-31'
    });
  });
});

describe('a malformed or impossible period', () => {
  it('is refused when a day does not exist', () => {
    expect(periodProblem('day', '2019-02-29', '2019-02-29')).toEqual({
      field: 'start',
      message: 'must be a real date written YYYY-MM-DD for precision "day"'
    });
  });

  it('is refused when written more precisely than its precision', () => {
    expect(periodProblem('month', '2019-05-31', '2019-05')?.field).toBe('start');
    expect(periodProblem('year', '2019', '2019-12')?.field).toBe('end');
  });

  it('is refused when a month is out of range', () => {
    expect(periodProblem('month', '2019-13', '2019-13')?.field).toBe('start');
  });

  it('is refused when a season does not start or end on its bounds', () => {
    expect(periodProblem('season', '2019-07', '2019-09')).toEqual({
      field: 'start',
      message: 'a season starts in month 3, 6, 9, 12, not 7'
    });
    expect(periodProblem('season', '2019-06', '2019-09')?.field).toBe('end');
  });

  it('is refused when a half-year does not end in June or December', () => {
    expect(periodProblem('half-year', '2019-01', '2019-05')?.field).toBe('end');
  });

  it('is refused when it ends before it starts', () => {
    expect(periodProblem('day', '2019-05-02', '2019-05-01')).toEqual({
      field: 'end',
      message: 'must not be before start "2019-05-02"'
    });
  });

  it('is accepted when well formed at each precision', () => {
    expect(periodProblem('day', '2019-04-30', '2019-04-30')).toBeNull();
    expect(periodProblem('month', '2019-05', '2019-05')).toBeNull();
    expect(periodProblem('season', '2019-06', '2019-08')).toBeNull();
    expect(periodProblem('half-year', '2019-07', '2019-12')).toBeNull();
    expect(periodProblem('year', '2019', '2022')).toBeNull();
  });
});

describe('calendar order', () => {
  it('puts the earlier start first, then the shorter period', () => {
    const may = item({ precision: 'month', start: '2019-05', end: '2019-05', what: 'b' });
    const mayFirst = item({ start: '2019-05-01', end: '2019-05-01', what: 'c' });
    const april = item({ what: 'a' });
    expect([may, mayFirst, april].sort(compareDatedItems).map((i) => i.what)).toEqual(['a', 'c', 'b']);
  });
});

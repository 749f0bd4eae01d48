import { describe, expect, it } from 'vitest';
import { formatEuros } from '../../src/lib/format/money';
import { formatDate } from '../../src/lib/format/date';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatEuros', () => {
  it('writes billions as Md€ with a no-break space before the unit', () => {
    expect(formatEuros(4e9)).toBe(`4${NBSP}Md€`);
    expect(formatEuros(13e9)).toBe(`13${NBSP}Md€`);
  });

  it('writes a fractional billion with a decimal comma', () => {
    expect(formatEuros(1.5e9)).toBe(`1,5${NBSP}Md€`);
  });

  it('writes millions as M€', () => {
    expect(formatEuros(14e6)).toBe(`14${NBSP}M€`);
    expect(formatEuros(125e6)).toBe(`125${NBSP}M€`);
  });

  it('groups thousands with a narrow no-break space below a million', () => {
    expect(formatEuros(1000)).toBe(`1${NNBSP}000${NBSP}€`);
    expect(formatEuros(250_000)).toBe(`250${NNBSP}000${NBSP}€`);
  });

  it('groups thousands of billions too', () => {
    expect(formatEuros(1234e9)).toBe(`1${NNBSP}234${NBSP}Md€`);
  });

  it('uses no ordinary space anywhere', () => {
    for (const amount of [1000, 14e6, 1.5e9, 1234e9]) {
      expect(formatEuros(amount)).not.toContain(' ');
    }
  });

  it('prefixes "plus de" when the source says more than', () => {
    expect(formatEuros(4e9, true)).toBe(`plus de 4${NBSP}Md€`);
    expect(formatEuros(13e9, false)).toBe(`13${NBSP}Md€`);
  });

  it('picks the unit after rounding, so just under a billion reads 1 Md€', () => {
    expect(formatEuros(999_999_999)).toBe(`1${NBSP}Md€`);
    expect(formatEuros(999_999.9)).toBe(`1${NBSP}M€`);
  });

  it('keeps two decimals at most', () => {
    expect(formatEuros(1.234e9)).toBe(`1,23${NBSP}Md€`);
  });

  it('writes zero as 0 €', () => {
    expect(formatEuros(0)).toBe(`0${NBSP}€`);
  });

  it('refuses negative or non-finite amounts', () => {
    expect(() => formatEuros(-1)).toThrow(RangeError);
    expect(() => formatEuros(Number.NaN)).toThrow(RangeError);
    expect(() => formatEuros(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('writes a year-month as month and year', () => {
    expect(formatDate('2018-12')).toBe('décembre 2018');
  });

  it('writes a full date as day, month and year', () => {
    expect(formatDate('2019-01-22')).toBe('22 janvier 2019');
  });

  it('writes the first day of a month as 1er', () => {
    expect(formatDate('2019-03-01')).toBe('1er mars 2019');
  });

  it('does not turn 10, 11 or 21 into ordinals', () => {
    expect(formatDate('2019-03-11')).toBe('11 mars 2019');
    expect(formatDate('2019-03-21')).toBe('21 mars 2019');
  });

  it('refuses malformed dates', () => {
    expect(() => formatDate('2019-1-22')).toThrow(
      'formatDate: expected YYYY-MM or YYYY-MM-DD, got "2019-1-22"'
    );
    expect(() => formatDate('janvier 2019')).toThrow(RangeError);
  });

  it('refuses dates that do not exist', () => {
    expect(() => formatDate('2019-02-30')).toThrow('formatDate: no such date "2019-02-30"');
    expect(() => formatDate('2019-13')).toThrow('formatDate: no such date "2019-13"');
  });
});

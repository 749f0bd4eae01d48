import { describe, expect, it } from 'vitest';
import { measureDateText } from '../../src/lib/measures/date';

describe('measureDateText', () => {
  it('writes a dated measure as precisely as its ISO date', () => {
    expect(measureDateText({ date: '2019-01-22' })).toBe('22 janvier 2019');
    expect(measureDateText({ date: '2018-12' })).toBe('décembre 2018');
    expect(measureDateText({ date: '2019' })).toBe('2019');
  });

  it('places an approximate date in its year without naming a month', () => {
    expect(measureDateText({ date: '2019', approximate: 'early' })).toBe('début 2019');
    expect(measureDateText({ date: '2018', approximate: 'late' })).toBe('fin 2018');
    expect(measureDateText({ date: '2018', approximate: 'year' })).toBe('2018');
  });
});

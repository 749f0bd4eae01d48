import { describe, expect, it } from 'vitest';
import { pickAt, smallestFirst } from '../../src/lib/map/pick';

/** A picked feature with only what picking reads. */
const feature = (id: string, areaKm2: number) => ({ properties: { id, areaKm2 } });

describe('smallestFirst', () => {
  it('lists the zones under the pointer from the smallest area to the largest', () => {
    const picked = [feature('lhi-59', 5743), feature('la-bourgogne', 1.2), feature('roubaix-epeule', 0.4)];
    expect(smallestFirst(picked)).toEqual(['roubaix-epeule', 'la-bourgogne', 'lhi-59']);
  });

  it('returns a quarter before the acceleration territory that contains it', () => {
    expect(smallestFirst([feature('lhi-59', 5743), feature('lille-concorde', 0.9)])[0]).toBe(
      'lille-concorde'
    );
  });

  it('collapses a zone returned by several layers (fill, line, marker) into one id', () => {
    const picked = [
      feature('lens-cite', 2.5),
      feature('lhi-62', 6671),
      feature('lens-cite', 2.5),
      feature('lhi-62', 6671),
      feature('lens-cite', 2.5)
    ];
    expect(smallestFirst(picked)).toEqual(['lens-cite', 'lhi-62']);
  });

  it('orders zones of equal area by id, so the pick does not depend on layer order', () => {
    expect(smallestFirst([feature('b', 3), feature('a', 3)])).toEqual(['a', 'b']);
    expect(smallestFirst([feature('a', 3), feature('b', 3)])).toEqual(['a', 'b']);
  });

  it('returns no id when nothing is under the pointer', () => {
    expect(smallestFirst([])).toEqual([]);
  });
});

describe('pickAt', () => {
  const qpv = (code: string, areaKm2: number, zoneId = '') => ({ code, zoneId, areaKm2 });

  it('opens a QPV smaller than every zone under the pointer (a QPV inside a territory)', () => {
    expect(pickAt([feature('lhi-59', 5743)], [qpv('QP059073', 1.1)])).toEqual({
      zones: ['lhi-59'],
      qpv: 'QP059073'
    });
  });

  it('gives way to the zone drawn with the QPV, which has the same outline', () => {
    expect(
      pickAt(
        [feature('lhi-59', 5743), feature('lille-secteur-sud', 2.1)],
        [qpv('QP059074', 2.1, 'lille-secteur-sud')]
      )
    ).toEqual({ zones: ['lille-secteur-sud', 'lhi-59'], qpv: null });
  });

  it('gives way to a quarter smaller than the QPV', () => {
    expect(pickAt([feature('small', 0.5)], [qpv('QP059001', 3)]).qpv).toBeNull();
  });

  it('opens the smallest of several QPVs, and a QPV alone on the map', () => {
    expect(pickAt([], [qpv('QP059002', 3), qpv('QP059001', 1)])).toEqual({ zones: [], qpv: 'QP059001' });
  });

  it('opens nothing on an empty map', () => {
    expect(pickAt([], [])).toEqual({ zones: [], qpv: null });
  });
});

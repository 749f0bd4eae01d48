import { describe, expect, it } from 'vitest';
import { smallestFirst } from '../../src/lib/map/pick';

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

import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isUsableRing, roundTo, simplifyArea } from '../../geodata/build/simplify';

/** A closed ring approximating a circle with many vertices. */
function circle(centre: Position, radius: number, vertices: number): Position[] {
  const [x = 0, y = 0] = centre;
  const ring = Array.from({ length: vertices }, (_, i): Position => {
    const angle = (2 * Math.PI * i) / vertices;
    return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
  });
  return [...ring, ring[0] as Position];
}

describe('simplifyArea', () => {
  it('removes vertices closer than the tolerance and rounds to the given decimals', () => {
    const geometry: Polygon = { type: 'Polygon', coordinates: [circle([3, 50], 0.1, 720)] };
    const simplified = simplifyArea(geometry, { tolerance: 0.001, decimals: 4 });
    const ring = simplified.coordinates[0] as Position[];
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring.length).toBeLessThan(100);
    expect(ring.flat().every((v) => roundTo(v, 4) === v)).toBe(true);
  });

  it('keeps a ring smaller than the tolerance instead of dropping it', () => {
    // A 30 m wide ring at a 1 km tolerance: Douglas-Peucker alone would collapse it.
    const tiny = circle([3.25, 50.25], 0.0002, 12);
    const geometry: Polygon = { type: 'Polygon', coordinates: [tiny] };
    const simplified = simplifyArea(geometry, { tolerance: 0.01, decimals: 5 });
    const ring = simplified.coordinates[0] as Position[];
    expect(isUsableRing(ring)).toBe(true);
  });

  it('keeps the unrounded ring when rounding would flatten it', () => {
    const sliver: Position[] = [
      [3, 50],
      [3.00004, 50],
      [3.00004, 50.00001],
      [3, 50]
    ];
    const simplified = simplifyArea(
      { type: 'Polygon', coordinates: [sliver] },
      { tolerance: 0.001, decimals: 4 }
    );
    expect(simplified.coordinates[0]).toEqual(sliver);
  });

  it('keeps every part of a MultiPolygon and every hole', () => {
    const outer = circle([3, 50], 0.1, 360);
    const hole = circle([3, 50], 0.05, 360).reverse();
    const island = circle([4, 50], 0.0001, 8);
    const simplified = simplifyArea(
      { type: 'MultiPolygon', coordinates: [[outer, hole], [island]] },
      { tolerance: 0.005, decimals: 4 }
    );
    expect(simplified.type).toBe('MultiPolygon');
    const parts = simplified.type === 'MultiPolygon' ? simplified.coordinates : [];
    expect(parts.map((p) => p.length)).toEqual([2, 1]);
    expect(parts.flat().every(isUsableRing)).toBe(true);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero and never writes -0', () => {
    expect(roundTo(3.123456, 5)).toBe(3.12346);
    expect(roundTo(-0.000001, 4)).toBe(0);
    expect(Object.is(roundTo(-0.000001, 4), -0)).toBe(false);
  });
});

// Numbered markers where quarters crowd: discs never overlap, a quarter with room keeps its
// own disc on its point, and crowded quarters share one disc among them, listing their numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { discRadius, groupMarkers, numberMarkers, numbersLabel } from '../../src/lib/map/markers';

const style = { radius: 12, outline: 2, textSize: 16 };
const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('labels of shared discs', () => {
  it('lists numbers in order, runs of three or more as ranges', () => {
    expect(numbersLabel([3])).toBe('3');
    expect(numbersLabel([8, 7])).toBe('7·8');
    expect(numbersLabel([11, 7, 8, 9])).toBe('7–9·11');
  });

  it('widens a disc for a long label, never below the style radius', () => {
    expect(discRadius('3', style)).toBe(12);
    expect(discRadius('7–9·11', style)).toBeGreaterThan(discRadius('7', style));
  });
});

describe('grouping numbered markers', () => {
  it('keeps markers that have room on their own points', () => {
    const points: [number, number][] = [
      [0, 0],
      [100, 0],
      [0, 100]
    ];
    const groups = groupMarkers(points, [1, 2, 3], style);
    expect(groups.map((g) => g.members)).toEqual([[0], [1], [2]]);
    expect(groups.map((g) => g.centre)).toEqual(points);
  });

  it('gives crowded markers one disc at their middle', () => {
    const groups = groupMarkers(
      [
        [50, 50],
        [54, 50],
        [300, 300]
      ],
      [1, 2, 3],
      style
    );
    const shared = groups.find((g) => g.members.length === 2)!;
    expect(shared.members).toEqual([0, 1]);
    expect(shared.centre).toEqual([52, 50]);
  });

  it('never leaves two discs overlapping, and each disc lies among its own points', () => {
    const point = fc.tuple(
      fc.double({ min: 0, max: 200, noNaN: true }),
      fc.double({ min: 0, max: 200, noNaN: true })
    );
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 20 }), (raw) => {
        const points = raw as [number, number][];
        const groups = groupMarkers(
          points,
          points.map((_, i) => i + 1),
          style
        );
        expect(groups.flatMap((g) => g.members).sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
        for (let i = 0; i < groups.length; i++) {
          const a = groups[i]!;
          const xs = a.members.map((m) => points[m]![0]);
          const ys = a.members.map((m) => points[m]![1]);
          expect(a.centre[0]).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-6);
          expect(a.centre[0]).toBeLessThanOrEqual(Math.max(...xs) + 1e-6);
          expect(a.centre[1]).toBeGreaterThanOrEqual(Math.min(...ys) - 1e-6);
          expect(a.centre[1]).toBeLessThanOrEqual(Math.max(...ys) + 1e-6);
          for (const b of groups.slice(i + 1)) {
            expect(distance(a.centre, b.centre)).toBeGreaterThanOrEqual(
              a.radius + b.radius + 2 * style.outline
            );
          }
        }
      })
    );
  });
});

describe('numbered marker features', () => {
  // A flat projection: one degree is one pixel.
  const identity = (at: [number, number]): [number, number] => [at[0], at[1]];

  it('draws a disc per lone quarter on its point, and one shared disc for crowded ones', () => {
    const collection = numberMarkers(
      [
        { id: 'a', number: 1, at: [10, 10] },
        { id: 'b', number: 2, at: [12, 10] },
        { id: 'c', number: 3, at: [200, 200] }
      ],
      identity,
      identity,
      style
    );
    expect(collection.features.map((f) => [f.properties.ids, f.properties.label])).toEqual([
      ['a b', '1·2'],
      ['c', '3']
    ]);
    expect(collection.features[0]!.geometry.coordinates).toEqual([11, 10]);
    expect(collection.features[1]!.geometry.coordinates).toEqual([200, 200]);
    expect(collection.features[1]!.properties.radius).toBe(style.radius);
  });
});

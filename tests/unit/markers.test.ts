// Numbered markers moved apart where quarters crowd: never two discs overlapping, a lone
// marker left on its quarter, a moved one tied back to it by a leader line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberMarkers, spreadMarkers } from '../../src/lib/map/markers';

const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('spreading numbered markers', () => {
  it('keeps markers that have room where they are', () => {
    const points: [number, number][] = [
      [0, 0],
      [100, 0],
      [0, 100]
    ];
    expect(spreadMarkers(points, 30)).toEqual(points);
  });

  it('moves a crowded marker to the nearest free spot, the first one kept in place', () => {
    const [first, second] = spreadMarkers(
      [
        [50, 50],
        [52, 51]
      ],
      30
    );
    expect(first).toEqual([50, 50]);
    // One ring (one spacing) from its own quarter, clear of the first disc.
    expect(distance(second!, [52, 51])).toBeCloseTo(30, 6);
    expect(distance(first!, second!)).toBeGreaterThanOrEqual(30);
  });

  it('never leaves two discs closer than the spacing, however the quarters crowd', () => {
    const point = fc.tuple(
      fc.double({ min: 0, max: 80, noNaN: true }),
      fc.double({ min: 0, max: 80, noNaN: true })
    );
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 20 }), (points) => {
        const spots = spreadMarkers(points as [number, number][], 26);
        for (let i = 0; i < spots.length; i++) {
          for (let j = i + 1; j < spots.length; j++) {
            expect(distance(spots[i]!, spots[j]!)).toBeGreaterThanOrEqual(26 - 1e-6);
          }
        }
      })
    );
  });
});

describe('numbered marker features', () => {
  // A flat projection: one degree is one pixel.
  const identity = (at: [number, number]): [number, number] => [at[0], at[1]];

  it('draws a disc per quarter with its number, and a leader line only for a moved disc', () => {
    const collection = numberMarkers(
      [
        { id: 'a', number: 1, at: [10, 10] },
        { id: 'b', number: 2, at: [11, 10] },
        { id: 'c', number: 3, at: [200, 200] }
      ],
      identity,
      identity,
      30
    );
    const discs = collection.features.filter((f) => f.geometry.type === 'Point');
    const leaders = collection.features.filter((f) => f.geometry.type === 'LineString');
    expect(discs.map((f) => [f.properties.id, f.properties.number])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3]
    ]);
    expect(discs.map((f) => f.geometry.coordinates)).toContainEqual([10, 10]);
    expect(discs.map((f) => f.geometry.coordinates)).toContainEqual([200, 200]);
    expect(leaders.map((f) => f.properties.id)).toEqual(['b']);
    const [from, to] = leaders[0]!.geometry.coordinates as [number, number][];
    expect(from).toEqual([11, 10]);
    expect(to).toEqual(discs[1]!.geometry.coordinates);
  });
});

// The seam measure itself, on hand-made squares, so that the real-build check can fail.
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isSimpleValid, seams } from './seams';

const box = (w: number, s: number, e: number, n: number): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s]
      ]
    ]
  }
});

describe('seams between neighbouring outlines', () => {
  it('finds nothing between squares sharing their border exactly', () => {
    expect(seams([box(0, 0, 1, 1), box(1, 0, 2, 1)])).toEqual({ overlapKm2: 0, gapKm2: 0, gaps: 0 });
  });

  it('measures the area two neighbours both cover', () => {
    const { overlapKm2, gaps } = seams([box(0, 0, 0.01, 0.01), box(0.009, 0, 0.02, 0.01)]);
    // 0.001° × 0.01° at the equator ≈ 0.111 km × 1.11 km.
    expect(overlapKm2).toBeCloseTo(0.1236, 3);
    expect(gaps).toBe(0);
  });

  it('measures a hole left between outlines that surround it', () => {
    const ring = [box(0, 0, 3, 1), box(0, 2, 3, 3), box(0, 1, 1, 2), box(2, 1, 3, 2)].map((f) => ({
      ...f,
      geometry: {
        ...f.geometry,
        coordinates: [f.geometry.coordinates[0]!.map(([x, y]) => [x! / 100, y! / 100])]
      }
    }));
    const { gapKm2, gaps } = seams(ring);
    expect(gaps).toBe(1);
    expect(gapKm2).toBeCloseTo(1.2364, 2);
  });

  it('calls a self-intersecting ring invalid', () => {
    const bowtie: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0]
          ]
        ]
      }
    };
    expect(isSimpleValid(bowtie)).toBe(false);
    expect(isSimpleValid(box(0, 0, 1, 1))).toBe(true);
  });
});

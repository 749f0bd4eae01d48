import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from '../../src/lib/map/scale';

describe('scale bar', () => {
  it('measures about 150 m per pixel at zoom 10 on the equator and less towards the poles', () => {
    expect(metresPerPixel(10, 0)).toBeCloseTo(76.44, 1);
    expect(metresPerPixel(10, 60)).toBeCloseTo(76.44 / 2, 1);
    expect(metresPerPixel(11, 0)).toBeCloseTo(metresPerPixel(10, 0) / 2, 6);
  });

  it('shows the longest round distance that fits, in metres below a kilometre', () => {
    expect(scaleBar(3, 100)).toEqual({ width: 100, label: '300 m' });
    expect(scaleBar(4, 100)).toEqual({ width: 75, label: '300 m' });
    expect(scaleBar(6, 100)).toEqual({ width: 83, label: '500 m' });
  });

  it('shows kilometres from a kilometre on, in French', () => {
    expect(scaleBar(10, 100)).toEqual({ width: 100, label: '1 km' });
    expect(scaleBar(250, 100)).toEqual({ width: 80, label: '20 km' });
    expect(scaleBar(0.9, 100)).toEqual({ width: 56, label: '50 m' });
  });
});

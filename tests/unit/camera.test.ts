import { describe, expect, it } from 'vitest';
import {
  cameraFor,
  FRAME_PRESETS,
  framePadding,
  hashOf,
  insetsOf,
  pixelOf,
  type Bounds,
  type FramePreset,
  type Viewport
} from '../../src/lib/map/camera';
import { parseHashView } from '../../src/lib/url/state';

const NO_INSETS = { top: 0, right: 0, bottom: 0, left: 0 };
// A quarter-sized box in the Nord, and the region.
const SMALL: Bounds = [
  [3.05, 50.6],
  [3.055, 50.603]
];
const LARGE: Bounds = [
  [1.38, 48.83],
  [4.26, 51.09]
];

/** Pixel box of bounds once framed. */
function framedBox(bounds: Bounds, preset: FramePreset, viewport: Viewport) {
  const camera = cameraFor({ bounds }, preset, viewport);
  const [left, top] = pixelOf([bounds[0][0], bounds[1][1]], camera, viewport.width, viewport.height);
  const [right, bottom] = pixelOf([bounds[1][0], bounds[0][1]], camera, viewport.width, viewport.height);
  return { camera, left, top, right, bottom };
}

describe('frame presets', () => {
  // A sheet over the right 400 px and a caption over the top 50 px of a 1280×800 map.
  const covered: Viewport = { width: 1280, height: 800, insets: { top: 50, right: 400, bottom: 0, left: 0 } };

  it.each(Object.keys(FRAME_PRESETS) as FramePreset[])(
    'preset "%s" frames large bounds inside the uncovered part of the map, with its margin',
    (preset) => {
      const { margin } = FRAME_PRESETS[preset];
      const box = framedBox(LARGE, preset, covered);
      expect(box.left).toBeGreaterThanOrEqual(margin - 0.5);
      expect(box.top).toBeGreaterThanOrEqual(50 + margin - 0.5);
      expect(box.right).toBeLessThanOrEqual(1280 - 400 - margin + 0.5);
      expect(box.bottom).toBeLessThanOrEqual(800 - margin + 0.5);
      // It fills the free space along one axis (no needless zooming out).
      const fillsWidth = Math.abs(box.right - box.left - (1280 - 400 - 2 * margin)) < 1;
      const fillsHeight = Math.abs(box.bottom - box.top - (800 - 50 - 2 * margin)) < 1;
      expect(fillsWidth || fillsHeight).toBe(true);
    }
  );

  it.each(Object.keys(FRAME_PRESETS) as FramePreset[])(
    'preset "%s" stops at its closest zoom on a tiny target, centred in the free part',
    (preset) => {
      const { maxZoom } = FRAME_PRESETS[preset];
      const box = framedBox(SMALL, preset, covered);
      expect(box.camera.zoom).toBe(maxZoom);
      expect((box.left + box.right) / 2).toBeCloseTo((1280 - 400) / 2, 0);
      expect((box.top + box.bottom) / 2).toBeCloseTo(50 + (800 - 50) / 2, 0);
    }
  );

  it('a zone is framed at the same zoom whether it comes from search, the list or a link', () => {
    const viewport: Viewport = { width: 1280, height: 800, insets: NO_INSETS };
    const zoomOf = (preset: FramePreset) => cameraFor({ bounds: SMALL }, preset, viewport).zoom;
    expect(zoomOf('zone')).toBe(zoomOf('start'));
  });

  it('a centre-and-zoom target is placed at the centre of the free part', () => {
    const viewport: Viewport = {
      width: 1000,
      height: 600,
      insets: { top: 0, right: 0, bottom: 200, left: 300 }
    };
    const camera = cameraFor({ center: [3, 50.5], zoom: 9 }, 'scene', viewport);
    const [x, y] = pixelOf([3, 50.5], camera, 1000, 600);
    expect(x).toBeCloseTo(300 + 700 / 2, 0);
    expect(y).toBeCloseTo(400 / 2, 0);
  });

  it('panels covering most of a phone still leave the target a part of the map', () => {
    const phone: Viewport = { width: 390, height: 600, insets: { top: 40, right: 0, bottom: 460, left: 0 } };
    const padding = framePadding(phone, 'zone');
    expect(600 - padding.top - padding.bottom).toBeGreaterThanOrEqual(0.25 * 600 - 0.5);
  });
});

describe('what covers the map', () => {
  const map = { left: 100, top: 50, right: 1100, bottom: 750 };

  it.each([
    {
      name: 'a full-height sheet on the right is cut from the right',
      covers: [{ left: 700, top: 50, right: 1100, bottom: 750 }],
      insets: { top: 0, right: 400, bottom: 0, left: 0 }
    },
    {
      name: 'a bottom sheet is cut from the bottom and a caption line from the top',
      covers: [
        { left: 100, top: 400, right: 1100, bottom: 750 },
        { left: 400, top: 60, right: 800, bottom: 100 }
      ],
      insets: { top: 50, right: 0, bottom: 350, left: 0 }
    },
    {
      name: 'a panel beside the map, not over it, takes nothing',
      covers: [{ left: 0, top: 50, right: 100, bottom: 750 }],
      insets: { top: 0, right: 0, bottom: 0, left: 0 }
    }
  ])('$name', ({ covers, insets }) => {
    expect(insetsOf(map, covers)).toEqual(insets);
  });
});

describe('the link of a camera', () => {
  it('reads back as the same camera', () => {
    const view = parseHashView(hashOf({ center: [3.0573, 50.6292], zoom: 11.5 }));
    expect(view).toEqual({ zoom: 11.5, lat: 50.6292, lng: 3.0573 });
  });
});

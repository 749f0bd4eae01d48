// The camera as data. Every camera move is a frame request (what to show, which preset, a key
// so the same request can be made twice) given to <AtlasMap>, which alone moves the map. The
// presets live in one table; the padding comes from what covers the map (panels, sheet,
// caption card, legend), measured from the DOM by the map, never guessed per call site.
// Web Mercator with 512-pixel tiles, as MapLibre draws it.

/** A point as MapLibre takes it: [longitude, latitude] in degrees. */
export type LngLat = [number, number];

/** [[west, south], [east, north]] in degrees. */
export type Bounds = [LngLat, LngLat];

/** What a frame request shows: bounds to fit, or a centre and zoom. */
export type FrameTarget = { bounds: Bounds } | { center: LngLat; zoom: number };

/** Why the camera moves; each reason has one preset. */
export type FramePreset =
  'start' | 'view' | 'zone' | 'commune' | 'epci' | 'qpv' | 'departement' | 'result' | 'scene';

/** How a preset frames its target. */
export interface FramePresetOptions {
  /** Free space kept around the target inside the visible part of the map, in pixels. */
  margin: number;
  /** Closest zoom the preset goes to (a small quarter is not framed at street level). */
  maxZoom: number;
  /** Length of the camera move in ms; 0 jumps. */
  duration: number;
}

/** The presets, in one table: every camera move of the atlas uses one of them. */
export const FRAME_PRESETS: Readonly<Record<FramePreset, FramePresetOptions>> = {
  /** The first picture: no animation. */
  start: { margin: 24, maxZoom: 12, duration: 0 },
  /** The Hauts-de-France / France buttons. */
  view: { margin: 24, maxZoom: 12, duration: 800 },
  /** A zone chosen from search, the list, a sheet or a link. */
  zone: { margin: 40, maxZoom: 12, duration: 900 },
  /** A commune chosen from search. */
  commune: { margin: 40, maxZoom: 13, duration: 900 },
  /** An intercommunality chosen from search or a commune sheet. */
  epci: { margin: 40, maxZoom: 12, duration: 900 },
  /** A QPV contour with no zone of its own. */
  qpv: { margin: 40, maxZoom: 14, duration: 900 },
  /** A département with no zone of its own. */
  departement: { margin: 40, maxZoom: 10, duration: 900 },
  /** The zones a filter keeps, when it left the view empty. */
  result: { margin: 40, maxZoom: 11, duration: 900 },
  /** A presentation scene: long enough for the audience to follow. */
  scene: { margin: 32, maxZoom: 12, duration: 900 }
};

/** A request to move the camera. A new key makes a new request, even for the same target. */
export interface FrameRequest {
  target: FrameTarget;
  preset: FramePreset;
  key: number;
}

/** Pixels of the map hidden by what lies over it, per side. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The map's size and what covers it. */
export interface Viewport {
  width: number;
  height: number;
  insets: Insets;
}

/** Where the camera ends up. */
export interface Camera {
  center: LngLat;
  zoom: number;
}

const TILE_SIZE = 512;
const MAX_LATITUDE = 85.051129;
/** Smallest part of the map, per axis, kept for the target even when panels cover more. */
const MIN_FREE_SHARE = 0.25;

/** Web Mercator position of a point, in world units (0..1). */
export function project([lng, lat]: LngLat): [number, number] {
  const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
  return [(lng + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

/** Inverse of `project`. */
export function unproject([x, y]: [number, number]): LngLat {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [x * 360 - 180, lat];
}

/** Pixel position of a point on a map of `width`×`height` showing `camera`. */
export function pixelOf(point: LngLat, camera: Camera, width: number, height: number): [number, number] {
  const scale = TILE_SIZE * 2 ** camera.zoom;
  const [px, py] = project(point);
  const [cx, cy] = project(camera.center);
  return [width / 2 + (px - cx) * scale, height / 2 + (py - cy) * scale];
}

/**
 * Padding of a preset on a viewport: what covers the map plus the preset's margin. Where that
 * leaves less than MIN_FREE_SHARE of an axis, the margin goes first, then the covered sides
 * shrink evenly, so a phone with an open bottom sheet still shows the target.
 */
export function framePadding(viewport: Viewport, preset: FramePreset): Insets {
  const { margin } = FRAME_PRESETS[preset];
  const { width, height, insets } = viewport;
  const axis = (size: number, a: number, b: number): [number, number] => {
    const allowed = size * (1 - MIN_FREE_SHARE);
    const room = Math.max(0, Math.min(margin, (allowed - a - b) / 2));
    const scale = a + b > allowed ? allowed / (a + b) : 1;
    return [a * scale + room, b * scale + room];
  };
  const [left, right] = axis(width, insets.left, insets.right);
  const [top, bottom] = axis(height, insets.top, insets.bottom);
  return { top, right, bottom, left };
}

/** Where the camera goes for a request on a viewport: the target centred in the free part of the map. */
export function cameraFor(target: FrameTarget, preset: FramePreset, viewport: Viewport): Camera {
  const { maxZoom } = FRAME_PRESETS[preset];
  const padding = framePadding(viewport, preset);
  const freeWidth = Math.max(1, viewport.width - padding.left - padding.right);
  const freeHeight = Math.max(1, viewport.height - padding.top - padding.bottom);
  let zoom: number;
  let middle: [number, number];
  if ('bounds' in target) {
    const [sw, ne] = target.bounds;
    const [west, north] = project([sw[0], ne[1]]);
    const [east, south] = project([ne[0], sw[1]]);
    const spanX = Math.max(east - west, 1e-9);
    const spanY = Math.max(south - north, 1e-9);
    zoom = Math.min(maxZoom, Math.log2(Math.min(freeWidth / spanX, freeHeight / spanY) / TILE_SIZE));
    middle = [(west + east) / 2, (north + south) / 2];
  } else {
    zoom = Math.min(maxZoom, target.zoom);
    middle = project(target.center);
  }
  // The target sits at the centre of the free area; the map's centre is offset from it.
  const scale = TILE_SIZE * 2 ** zoom;
  const offsetX = (padding.left - padding.right) / 2 / scale;
  const offsetY = (padding.top - padding.bottom) / 2 / scale;
  return { center: unproject([middle[0] - offsetX, middle[1] - offsetY]), zoom };
}

/** Insets of a rectangle lying over the map: it is cut from the side that loses the least area. */
export function insetsOf(
  map: { left: number; top: number; right: number; bottom: number },
  covers: readonly { left: number; top: number; right: number; bottom: number }[]
): Insets {
  const insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  for (const rect of covers) {
    const left = Math.max(rect.left, map.left);
    const right = Math.min(rect.right, map.right);
    const top = Math.max(rect.top, map.top);
    const bottom = Math.min(rect.bottom, map.bottom);
    if (right - left <= 1 || bottom - top <= 1) continue;
    const cuts: [keyof Insets, number, number][] = [
      ['left', right - map.left, (right - map.left) * height],
      ['right', map.right - left, (map.right - left) * height],
      ['top', bottom - map.top, (bottom - map.top) * width],
      ['bottom', map.bottom - top, (map.bottom - top) * width]
    ];
    const [side, depth] = cuts.reduce((best, cut) => (cut[2] < best[2] ? cut : best));
    insets[side] = Math.max(insets[side], depth);
  }
  return insets;
}

/** The URL hash MapLibre writes for a camera ('#zoom/lat/lng'), with MapLibre's rounding. */
export function hashOf(camera: Camera): string {
  const zoom = Math.round(camera.zoom * 100) / 100;
  // As many decimals as a pixel needs at this zoom (MapLibre's Hash does the same).
  const precision = Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10);
  const m = 10 ** precision;
  const lng = Math.round(camera.center[0] * m) / m;
  const lat = Math.round(camera.center[1] * m) / m;
  return `#${zoom}/${lat}/${lng}`;
}

/** True when two bounds share some area. */
export function overlaps(a: Bounds, b: Bounds): boolean {
  return a[0][0] < b[1][0] && b[0][0] < a[1][0] && a[0][1] < b[1][1] && b[0][1] < a[1][1];
}

/** The smallest bounds holding all of `boxes`; undefined for none. */
export function unionOf(boxes: readonly Bounds[]): Bounds | undefined {
  if (boxes.length === 0) return undefined;
  return [
    [Math.min(...boxes.map((b) => b[0][0])), Math.min(...boxes.map((b) => b[0][1]))],
    [Math.max(...boxes.map((b) => b[1][0])), Math.max(...boxes.map((b) => b[1][1]))]
  ];
}

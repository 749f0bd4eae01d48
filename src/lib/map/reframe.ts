// The map drawn for paper or for an exported image: at the size of the box it goes into and
// framed on the selection, not a screen-shaped picture shrunk into a box of another shape.
// The screen's camera and size come back afterwards. The image's part loads with the export
// (export/map-picture.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { cameraFor, type Bounds, type FramePreset, type FrameTarget, type Insets } from './camera';

/** What a map drawn for paper or an image frames: the selection, as the atlas framed it. */
export interface SelectionFrame {
  target: FrameTarget;
  preset: FramePreset;
}

const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** The bounds the map shows now. */
function shownBounds(map: MapLibreMap): Bounds {
  const shown = map.getBounds();
  return [
    [shown.getWest(), shown.getSouth()],
    [shown.getEast(), shown.getNorth()]
  ];
}

/**
 * Resizes the map to its container and frames `frame` in it (the bounds shown until now when
 * there is no selection), leaving `insets` free. Returns what puts the screen's camera back.
 */
export function reframe(
  map: MapLibreMap,
  frame: SelectionFrame | null,
  insets: Insets = NO_INSETS
): () => void {
  const screen = { center: map.getCenter(), zoom: map.getZoom() };
  const shown = shownBounds(map);
  map.resize();
  const container = map.getContainer();
  const { target, preset } = frame ?? { target: { bounds: shown }, preset: 'view' as const };
  const camera = cameraFor(target, preset, {
    width: container.clientWidth,
    height: container.clientHeight,
    insets
  });
  map.jumpTo({ center: camera.center, zoom: camera.zoom });
  return () => {
    map.resize();
    map.jumpTo(screen);
  };
}

/**
 * While the page is laid out for paper, draws the map at its paper box's size, framed on the
 * selection; back on screen, restores the screen's camera. The drawing is synchronous: the
 * browser takes its print picture right after the layout change, before any animation frame.
 * Returns the cleanup.
 */
export function framePrintedMap(map: MapLibreMap, selection: () => SelectionFrame | null): () => void {
  const media = matchMedia('print');
  let restore: (() => void) | null = null;
  const enter = () => {
    if (restore) return;
    restore = reframe(map, selection());
    map.redraw();
  };
  const leave = () => {
    restore?.();
    restore = null;
  };
  const onchange = (event: MediaQueryListEvent) => (event.matches ? enter() : leave());
  media.addEventListener('change', onchange);
  window.addEventListener('afterprint', leave);
  return () => {
    media.removeEventListener('change', onchange);
    window.removeEventListener('afterprint', leave);
  };
}

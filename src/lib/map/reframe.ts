// The map drawn for paper or for an exported image: at the size of the box it goes into and
// framed on the selection, not a screen-shaped picture shrunk into a box of another shape.
// The screen's camera and size come back afterwards.
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
function reframe(map: MapLibreMap, frame: SelectionFrame | null, insets: Insets = NO_INSETS): () => void {
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

/**
 * Draws the map on a canvas of `width`×`height` pixels at `pixelRatio` pixels per CSS pixel
 * (type and lines that much larger than on a plain screen), framed on the selection with
 * `insets` (in canvas pixels) kept free; waits until it is fully drawn and hands the canvas to
 * `use`; then gives the screen back its map.
 */
export async function withMapAt<T>(
  map: MapLibreMap,
  { width, height, pixelRatio }: { width: number; height: number; pixelRatio: number },
  selection: SelectionFrame | null,
  insets: Insets,
  use: (canvas: HTMLCanvasElement) => T
): Promise<T> {
  const screenRatio = map.getPixelRatio();
  const size = { width: width / pixelRatio, height: height / pixelRatio };
  const cssInsets = {
    top: insets.top / pixelRatio,
    right: insets.right / pixelRatio,
    bottom: insets.bottom / pixelRatio,
    left: insets.left / pixelRatio
  };
  map.setPixelRatio(pixelRatio);
  const container = map.getContainer();
  const style = container.getAttribute('style');
  // Out of the page's flow for a moment, at the image's size; the page keeps its layout.
  Object.assign(container.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${size.width}px`,
    height: `${size.height}px`
  });
  const restore = reframe(map, selection, cssInsets);
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 8000);
      map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
      map.triggerRepaint();
    });
    return use(map.getCanvas());
  } finally {
    if (style === null) container.removeAttribute('style');
    else container.setAttribute('style', style);
    map.setPixelRatio(screenRatio);
    restore();
  }
}

// The map drawn again for an exported image, at the image's map box and framed on the
// selection; loaded with the export, since most visits never export.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Insets } from '$lib/map/camera';
import { reframe, type SelectionFrame } from '$lib/map/reframe';

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

// The bare page: no framework, no filters, no state of its own, only MapLibre drawing the
// atlas's start-up picture. The bench takes that picture from the atlas once drawn (its style,
// with the same files, layers, paint, labels and font through `font-faces`, and its camera) and
// serves it as the style this page asks for; map size and camera come from the query string.
import { Map, setWorkerUrl } from '/bench-bare/maplibre/maplibre-gl.mjs';

setWorkerUrl('/bench-bare/maplibre/maplibre-gl-worker.mjs');

const params = new URLSearchParams(location.search);
const [width, height] = params.get('size').split('x');
Object.assign(document.getElementById('map').style, { width: `${width}px`, height: `${height}px` });

const map = new Map({
  container: 'map',
  style: params.get('style'),
  center: params.get('center').split(',').map(Number),
  zoom: Number(params.get('zoom')),
  // As the atlas's map (its image export reads the canvas): the same drawing conditions.
  canvasContextAttributes: { preserveDrawingBuffer: true }
});
performance.mark('bare:map-created');
map.once('idle', () => performance.mark('bare:first-idle'));

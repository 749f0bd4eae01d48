// The bare page: no framework, no labels, no filters, no state. Its map size,
// camera bounds and padding come from the query string (the bench passes the
// atlas's, so both draw the same picture area).
import { Map, setWorkerUrl } from '/bench-bare/maplibre/maplibre-gl.mjs';

setWorkerUrl('/bench-bare/maplibre/maplibre-gl-worker.mjs');

const params = new URLSearchParams(location.search);
const [west, south, east, north] = params.get('bounds').split(',').map(Number);
const [width, height] = params.get('size').split('x');
Object.assign(document.getElementById('map').style, { width: `${width}px`, height: `${height}px` });
// Every GeoJSON file the atlas draws at start (the neighbouring countries under France included).
const FILES = ['neighbours', 'departements', 'region', 'zones'];
// The QPVs' vector tile set, as the atlas draws it (the bench passes its address, zooms and box).
const qpv = JSON.parse(params.get('qpv'));

const layers = [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe9ef' } }];
for (const name of FILES) {
  layers.push(
    {
      id: `${name}-fill`,
      type: 'fill',
      source: name,
      paint: { 'fill-color': '#c0392b', 'fill-opacity': 0.2 }
    },
    { id: `${name}-line`, type: 'line', source: name, paint: { 'line-color': '#5c4d3c', 'line-width': 1 } }
  );
}

layers.push(
  {
    id: 'qpv-fill',
    type: 'fill',
    source: 'qpv',
    'source-layer': qpv.layer,
    paint: { 'fill-color': '#c0392b', 'fill-opacity': 0.2 }
  },
  {
    id: 'qpv-line',
    type: 'line',
    source: 'qpv',
    'source-layer': qpv.layer,
    paint: { 'line-color': '#5c4d3c' }
  }
);

const map = new Map({
  container: 'map',
  style: {
    version: 8,
    sources: {
      ...Object.fromEntries(FILES.map((name) => [name, { type: 'geojson', data: `/data/${name}.geojson` }])),
      qpv: {
        type: 'vector',
        tiles: qpv.tiles,
        minzoom: qpv.minzoom,
        maxzoom: qpv.maxzoom,
        bounds: qpv.bounds
      }
    },
    layers
  },
  bounds: [
    [west, south],
    [east, north]
  ],
  fitBoundsOptions: { padding: Number(params.get('padding')), maxZoom: 12 }
});
performance.mark('bare:map-created');
map.once('idle', () => performance.mark('bare:first-idle'));

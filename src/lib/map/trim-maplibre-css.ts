// Build-time trim of MapLibre's stylesheet. Most of its bytes are SVG icons, inlined as data
// URIs, for controls the atlas never adds (zoom, compass, geolocation, fullscreen, terrain,
// globe, logo, scale, grouped buttons and every control button: the atlas draws its own zoom
// buttons and scale, see MapControls.svelte), for the compact attribution (the atlas asks for the full one, so the
// compact one's icon button never shows) and for popups and gesture messages it never shows.
// Rules that only style those are dropped, and the hidden button's icon; everything else
// (canvas, attribution, box zoom) is kept as shipped. The atlas adds no HTML
// marker either: its numbered discs are a layer of the map.
import postcss, { type AtRule, type Root } from 'postcss';
import type { Plugin } from 'vite';

const UNUSED =
  /\.maplibregl-(ctrl-(geolocate|compass|zoom-in|zoom-out|fullscreen|shrink|terrain|globe|logo|scale|group|icon)|ctrl button|compact|marker|user-location|popup|cooperative-gesture|mobile-message|desktop-message|pseudo-fullscreen)/;

export function trimMaplibreCss(css: string): string {
  const root: Root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.selectors.every((selector) => UNUSED.test(selector))) rule.remove();
    else if (rule.selectors.every((selector) => selector.includes('maplibregl-ctrl-attrib-button')))
      rule.walkDecls('background-image', (decl) => {
        decl.remove();
      });
  });
  root.walkAtRules((atRule: AtRule) => {
    if (atRule.nodes?.length === 0) atRule.remove();
  });
  return root.toString();
}

/** Vite plugin applying `trimMaplibreCss` to `maplibre-gl/dist/maplibre-gl.css`. */
export function trimMaplibreCssPlugin(): Plugin {
  return {
    name: 'atlas:trim-maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').includes('maplibre-gl/dist/maplibre-gl.css')) return null;
      return { code: trimMaplibreCss(code), map: null };
    }
  };
}

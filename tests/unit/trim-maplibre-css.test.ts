import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trimMaplibreCss } from '$lib/map/trim-maplibre-css';

const css = `
.maplibregl-map { font: 12px sans-serif; }
.maplibregl-ctrl-attrib-button { background-image: url("data:image/svg+xml;charset=utf-8,<svg/>"); }
.maplibregl-ctrl button.maplibregl-ctrl-geolocate .maplibregl-ctrl-icon { background-image: url("data:geo"); }
.maplibregl-popup, .maplibregl-boxzoom { position: absolute; }
.maplibregl-popup-tip { width: 0; }
@media (forced-colors: active) { .maplibregl-ctrl-compass .maplibregl-ctrl-icon { color: red; } }
@media (forced-colors: active) { .maplibregl-ctrl-attrib { color: black; } }
`;

describe('trimMaplibreCss', () => {
  const trimmed = trimMaplibreCss(css);

  it('drops rules that only style controls and popups the atlas never shows', () => {
    expect(trimmed).not.toContain('geolocate');
    expect(trimmed).not.toContain('popup-tip');
    expect(trimmed).not.toContain('compass');
  });

  it('keeps the map, attribution and box zoom rules, and a rule shared with a kept selector', () => {
    expect(trimmed).toContain('.maplibregl-map');
    expect(trimmed).toContain('.maplibregl-ctrl-attrib-button');
    expect(trimmed).toContain('.maplibregl-popup, .maplibregl-boxzoom');
    expect(trimmed).toContain('.maplibregl-ctrl-attrib { color: black; }');
  });

  it('removes at-rules left empty', () => {
    expect(trimmed.match(/@media/g)).toHaveLength(1);
  });

  it("keeps the attribution control's rules of the shipped stylesheet", () => {
    const shipped = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8');
    const out = trimMaplibreCss(shipped);
    for (const kept of ['.maplibregl-ctrl-attrib-button', '.maplibregl-canvas', '.maplibregl-boxzoom'])
      expect(out).toContain(kept);
    expect(gzipSync(out).length).toBeLessThan(gzipSync(shipped).length / 2);
  });

  it('drops the compact attribution and the icon of its button, which the full attribution never shows', () => {
    const out = trimMaplibreCss(readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8'));
    expect(out).not.toContain('maplibregl-compact');
    // No MapLibre button is ever added: the atlas draws its own zoom buttons.
    expect(out).not.toContain('.maplibregl-ctrl button');
    expect(out).toMatch(/\.maplibregl-ctrl-attrib-button\s*\{[^}]*display:\s*none/);
    expect(out).not.toMatch(/\.maplibregl-ctrl-attrib-button\s*\{[^}]*background-image/);
  });
});

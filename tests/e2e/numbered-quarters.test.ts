// A scene that numbers its quarters: every quarter it shows carries a number on the map, and
// that number names the same quarter in the list on screen. Expected zones are read from
// the built data, never from today's editorial content.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AtlasData } from '../../src/lib/types';
import { launchBrowser, openAtlas } from './browser';

let browser: Browser;
let atlas: AtlasData;
beforeAll(async () => {
  browser = await launchBrowser();
  atlas = (await (await fetch(`${inject('baseURL')}/data/atlas.json`)).json()) as AtlasData;
});
afterAll(async () => {
  await browser.close();
});

/** Quarters a scene's filter keeps (programmes in 'any' mode, as the deck's scenes use). */
function quartersOf(scene: AtlasData['scenes'][number]): AtlasData['zones'] {
  const programmes = scene.filter?.programmes ?? [];
  const departements = scene.filter?.departements ?? [];
  return atlas.zones.filter(
    (zone) =>
      zone.kind === 'quarter' &&
      (programmes.length === 0 || programmes.some((p) => zone.programmes.includes(p))) &&
      (departements.length === 0 || departements.includes(zone.departement))
  );
}

describe('a scene with numbered quarters', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 390, height: 844 }
  ]) {
    test(`at ${viewport.width}×${viewport.height}, each quarter has a number on the map matching its entry in the list`, async () => {
      const index = atlas.scenes.findIndex((scene) => scene.numberedQuarters);
      expect(index, 'the deck has a scene with numbered quarters').toBeGreaterThanOrEqual(0);
      const expected = quartersOf(atlas.scenes[index]!);
      expect(expected.length).toBeGreaterThan(0);

      const { page, errors } = await openAtlas(browser, `/?present=1&scene=${index + 1}`, viewport);
      const key = page.getByRole('list', { name: 'Quartiers numérotés sur la carte' });
      // "12 : Saint-Crépin ouestSoissons": the number, then the name (the communes follow).
      // A key longer than the card holds comes in parts, which → steps through within the scene.
      const listed = new Map<string, string>();
      for (let part = 0; part < 16 && listed.size < expected.length; part++) {
        if (part > 0) {
          const first = await key.getByRole('listitem').first().textContent();
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => key.getByRole('listitem').first().textContent()).not.toBe(first);
        }
        for (const text of await key.getByRole('listitem').allTextContents()) {
          const match = /^\s*(\d+)\s*(\d+) :\s*(.*)$/s.exec(text);
          expect(match, `list entry "${text}"`).not.toBeNull();
          expect(match![1]).toBe(match![2]);
          listed.set(match![1]!, match![3]!);
        }
      }
      expect(listed.size).toBe(expected.length);

      const drawn = await page.evaluate(() => {
        // A queried feature carries its layer's layout as evaluated for it: the text drawn.
        type Drawn = { properties: { id: string }; layer: { layout: { 'text-field': unknown } } };
        const element = document.querySelector('.map') as HTMLElement & {
          maplibre: { queryRenderedFeatures: (options: { layers: string[] }) => Drawn[] };
        };
        return element.maplibre.queryRenderedFeatures({ layers: ['quarters-number'] }).map((feature) => ({
          id: feature.properties.id,
          number: String(feature.layer.layout['text-field'])
        }));
      });
      expect(drawn.map((feature) => feature.id).sort()).toEqual(expected.map((zone) => zone.id).sort());
      for (const { id, number } of drawn) {
        const zone = expected.find((candidate) => candidate.id === id)!;
        expect(listed.get(number)?.startsWith(zone.name), `number ${number} on the map is ${zone.name}`).toBe(
          true
        );
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 800 }
  ]) {
    test(`at ${viewport.width}×${viewport.height}, no two number markers overlap at the scene's framing`, async () => {
      const index = atlas.scenes.findIndex((scene) => scene.numberedQuarters);
      const expected = quartersOf(atlas.scenes[index]!);
      const { page } = await openAtlas(browser, `/?present=1&scene=${index + 1}`, viewport);
      // Each drawn disc as a screen circle: its centre projected by the map, its radius and
      // outline as the layer paints them.
      const discs = await page.evaluate(() => {
        type Drawn = {
          properties: { id: string };
          geometry: { coordinates: [number, number] };
          layer: { paint: { 'circle-radius': number; 'circle-stroke-width': number } };
        };
        const element = document.querySelector('.map') as HTMLElement & {
          maplibre: {
            queryRenderedFeatures: (options: { layers: string[] }) => Drawn[];
            project: (at: [number, number]) => { x: number; y: number };
          };
        };
        const map = element.maplibre;
        return map.queryRenderedFeatures({ layers: ['quarters-number-marker'] }).map((feature) => {
          const { x, y } = map.project(feature.geometry.coordinates);
          const paint = feature.layer.paint;
          return {
            id: feature.properties.id,
            x,
            y,
            r: paint['circle-radius'] + paint['circle-stroke-width']
          };
        });
      });
      expect(new Set(discs.map((disc) => disc.id)).size).toBe(expected.length);
      for (const [i, a] of discs.entries()) {
        for (const b of discs.slice(i + 1)) {
          expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} and ${b.id}`).toBeGreaterThanOrEqual(a.r + b.r);
        }
      }
      await page.close();
    });
  }
});

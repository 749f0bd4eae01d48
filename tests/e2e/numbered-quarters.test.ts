// A scene that numbers its quarters: every quarter it shows carries a number on the map, and
// that number names the same quarter in the list on screen. Expected zones are read from
// the built data, never from today's editorial content.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AtlasData } from '../../src/lib/types';
import { presentTextSize } from '../../src/lib/map/theme';
import { launchBrowser, openAtlas, waitForMapIdle } from './browser';
import { zoneFeature } from './built-data';

let browser: Browser;
let atlas: AtlasData;
beforeAll(async () => {
  browser = await launchBrowser();
  atlas = (await (await fetch(`${inject('baseURL')}/data/atlas.json`)).json()) as AtlasData;
});
afterAll(async () => {
  await browser.close();
});

/** [[west, south], [east, north]] of a zone's drawn outline. */
function boundsOf(id: string): [[number, number], [number, number]] {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [x, y] = value as [number, number];
      box[0] = Math.min(box[0]!, x);
      box[1] = Math.min(box[1]!, y);
      box[2] = Math.max(box[2]!, x);
      box[3] = Math.max(box[3]!, y);
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  const geometry = zoneFeature(id).geometry;
  visit('coordinates' in geometry ? geometry.coordinates : []);
  return [
    [box[0]!, box[1]!],
    [box[2]!, box[3]!]
  ];
}

/** The numbers a disc's label lists, in order: "7–9·11" is 7, 8, 9 and 11. */
function labelNumbers(label: string): string[] {
  return label.split('·').flatMap((part) => {
    const [from, to = from] = part.split('–').map(Number);
    return Array.from({ length: to! - from! + 1 }, (_, i) => String(from! + i));
  });
}

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

      // Each disc lists the numbers of the quarters it stands for ("7–9·11" when they crowd).
      const drawn = await page.evaluate(() => {
        type Drawn = { properties: { ids: string; label: string } };
        const element = document.querySelector('.map') as HTMLElement & {
          maplibre: { queryRenderedFeatures: (options: { layers: string[] }) => Drawn[] };
        };
        return element.maplibre
          .queryRenderedFeatures({ layers: ['quarters-number', 'quarters-number-shared'] })
          .map((feature) => ({ ids: feature.properties.ids.split(' '), label: feature.properties.label }));
      });
      const numberOf = new Map<string, string>();
      for (const { ids, label } of drawn) {
        const numbers = labelNumbers(label);
        expect(numbers.length, `disc "${label}" lists one number per quarter`).toBe(ids.length);
        ids.forEach((id, i) => numberOf.set(id, numbers[i]!));
      }
      expect([...numberOf.keys()].sort()).toEqual(expected.map((zone) => zone.id).sort());
      for (const [id, number] of numberOf) {
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
    { width: 1280, height: 800 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 }
  ]) {
    test(`at ${viewport.width}×${viewport.height}, every numbered disc sits by its own quarters, clear of other discs and of the département names`, async () => {
      const scenes = atlas.scenes.flatMap((scene, i) => (scene.numberedQuarters ? [i + 1] : []));
      expect(scenes.length, 'the deck numbers quarters somewhere').toBeGreaterThan(0);
      // A disc's centre lies within NEAR px of each of its quarters' outline box: three times
      // the presentation text (45 px at 1280, 60 px at 1920), about one disc beside it.
      const near = 3 * presentTextSize(viewport.width);
      const { page } = await openAtlas(browser, `/?present=1&scene=${scenes[0]}`, viewport);
      for (const scene of scenes) {
        if (new URL(page.url()).searchParams.get('scene') !== String(scene)) {
          await page.goto(`${inject('baseURL')}/?present=1&scene=${scene}`);
          await waitForMapIdle(page);
        }
        const expected = quartersOf(atlas.scenes[scene - 1]!);
        const report = await page.evaluate(
          (boxes) => {
            type Drawn = {
              properties: { ids: string; label: string; radius: number };
              geometry: { coordinates: [number, number] };
              layer: { paint: { 'circle-stroke-width': number } };
            };
            const element = document.querySelector('.map') as HTMLElement & {
              maplibre: {
                queryRenderedFeatures: (
                  geometry: [[number, number], [number, number]] | { layers: string[] },
                  options?: { layers: string[] }
                ) => Drawn[];
                project: (at: [number, number]) => { x: number; y: number };
              };
            };
            const map = element.maplibre;
            return map.queryRenderedFeatures({ layers: ['quarters-number-marker'] }).map((feature) => {
              const { x, y } = map.project(feature.geometry.coordinates);
              const r = feature.properties.radius + feature.layer.paint['circle-stroke-width'];
              const ids = feature.properties.ids.split(' ');
              // Distance from the centre to each quarter's projected outline box (0 inside).
              const distances = ids.map((id) => {
                const [[west, south], [east, north]] = boxes[id]!;
                const a = map.project([west, north]);
                const b = map.project([east, south]);
                const dx = Math.max(a.x - x, 0, x - b.x);
                const dy = Math.max(a.y - y, 0, y - b.y);
                return { id, distance: Math.hypot(dx, dy) };
              });
              // The disc as three boxes that stay within it (a square and a cross), each asked
              // for the département names placed there.
              const names = [
                [0.71, 0.71],
                [0.9, 0.44],
                [0.44, 0.9]
              ].flatMap(([w, h]) =>
                map
                  .queryRenderedFeatures(
                    [
                      [x - w! * r, y - h! * r],
                      [x + w! * r, y + h! * r]
                    ],
                    { layers: ['departements-label'] }
                  )
                  .map((label) => (label.properties as unknown as { name: string }).name)
              );
              return { label: feature.properties.label, ids, x, y, r, distances, names };
            });
          },
          Object.fromEntries(expected.map((zone) => [zone.id, boundsOf(zone.id)]))
        );

        expect(new Set(report.flatMap((disc) => disc.ids)).size, `scene ${scene}`).toBe(expected.length);
        for (const disc of report) {
          for (const { id, distance } of disc.distances) {
            expect(distance, `scene ${scene}: disc "${disc.label}" from ${id}`).toBeLessThanOrEqual(near);
          }
          expect(disc.names, `scene ${scene}: disc "${disc.label}" covers no département name`).toEqual([]);
        }
        for (const [i, a] of report.entries()) {
          for (const b of report.slice(i + 1)) {
            expect(
              Math.hypot(a.x - b.x, a.y - b.y),
              `scene ${scene}: "${a.label}" and "${b.label}"`
            ).toBeGreaterThanOrEqual(a.r + b.r);
          }
        }
      }
      await page.close();
    }, 300_000);
  }
});

// How the map looks, read from its pixels: approximate quarters never take an official quarter's
// look (alone, overlapping or selected), the sea stands out from the neighbouring land, a
// spotlight dims Belgium as it dims the départements, town names show at quarter zoom, and the
// zoom buttons and scale bar work. Expected colours come from the theme, as the legend's do.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, pointToPolygonDistance, bbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { launchBrowser, openAtlas } from './browser';
import { atlas, insidePoint, places, zoneFeatures } from './built-data';
import { DATA_DIR } from './site';
import { defaultTheme, projectorTheme, rgbOf, spotlightDimmed } from '../../src/lib/map/theme';
import { TOWN_LABEL_LAYER } from '../../src/lib/map/layer-specs';

type Rgb = [number, number, number];
type Area = Feature<Polygon | MultiPolygon>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
/** `top` drawn at `opacity` over `ground`. */
const over = (top: string, opacity: number, ground: string): Rgb =>
  rgbOf(top).map((v, i) => v * opacity + rgbOf(ground)[i]! * (1 - opacity)) as Rgb;

/** The pixels of the map canvas in a square of `half` px around a place, in device pixels. */
async function patchAt(page: Page, [lng, lat]: [number, number], half = 12): Promise<Rgb[]> {
  return page.evaluate(
    ({ lng, lat, half }) => {
      const map = (
        document.querySelector('.map') as unknown as {
          maplibre: { project: (p: [number, number]) => { x: number; y: number } };
        }
      ).maplibre;
      const canvas = document.querySelector<HTMLCanvasElement>('.map canvas')!;
      const ratio = canvas.width / canvas.clientWidth;
      const { x, y } = map.project([lng, lat]);
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const side = 2 * half * ratio;
      const data = ctx.getImageData(
        Math.round((x - half) * ratio),
        Math.round((y - half) * ratio),
        side,
        side
      ).data;
      const out: [number, number, number][] = [];
      for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!]);
      return out;
    },
    { lng, lat, half }
  );
}

/** Share of the pixels within `tolerance` of `colour`. */
const shareNear = (pixels: Rgb[], colour: Rgb, tolerance = 14) =>
  pixels.filter((p) => distance(p, colour) <= tolerance).length / pixels.length;

/** The median pixel of a patch, channel by channel. */
const median = (pixels: Rgb[]): Rgb =>
  [0, 1, 2].map((i) => pixels.map((p) => p[i]!).sort((a, b) => a - b)[Math.floor(pixels.length / 2)]!) as Rgb;

/** Moves the camera and waits for the map to be idle again. */
async function jump(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(
    ({ center, zoom }) => {
      const element = document.querySelector('.map') as HTMLElement & {
        maplibre: { jumpTo: (o: object) => void; once: (e: string, f: () => void) => void };
      };
      element.dataset.jumped = 'no';
      element.maplibre.once('idle', () => (element.dataset.jumped = 'yes'));
      element.maplibre.jumpTo({ center, zoom });
    },
    { center, zoom }
  );
  await expect.poll(() => page.locator('.map').getAttribute('data-jumped')).toBe('yes');
}

/** A point deep inside both areas, or null when they do not overlap. */
function insideBoth(a: Area, b: Area): [number, number] | null {
  const [west, south, east, north] = bbox(a);
  let best: [number, number] | null = null;
  let deepest = 0;
  const steps = 40;
  for (let i = 0; i < steps; i++)
    for (let j = 0; j < steps; j++) {
      const p: [number, number] = [
        west + ((east - west) * (i + 0.5)) / steps,
        south + ((north - south) * (j + 0.5)) / steps
      ];
      if (!booleanPointInPolygon(p, a) || !booleanPointInPolygon(p, b)) continue;
      const depth = Math.min(
        -pointToPolygonDistance(p, a, { method: 'planar' }),
        -pointToPolygonDistance(p, b, { method: 'planar' })
      );
      if (depth > deepest) [best, deepest] = [p, depth];
    }
  return best;
}

const quarters = zoneFeatures.filter((f) => f.properties.kind === 'quarter');
const approximate = quarters.filter((f) => f.properties.approximate);
const official = quarters.find((f) => !f.properties.approximate);
/** Two approximate quarters whose outlines overlap, and a point inside both. */
const overlap = (() => {
  for (const a of approximate)
    for (const b of approximate) {
      if (a === b) continue;
      const point = insideBoth(a as Area, b as Area);
      if (point) return { a: a.properties.id, b: b.properties.id, point };
    }
  return null;
})();

const theme = defaultTheme;
/** An official quarter's fill over the region's ground, as the legend's swatch shows it. */
const officialLook = over(theme.quarter.fill, theme.quarter.fillOpacity.official, theme.region.fill);
const hatchLine = rgbOf(theme.quarter.fill);
/** Only the quarters and the region: nothing else tints the ground under them. */
const LAYERS = 'layers=quarters,region';

/**
 * The hatch's pixels: lines of the quarter colour over a ground that shows through, never the
 * even tint of an official quarter. (Where a line's edge falls between two pixels, the pattern is
 * filtered into a few mixed pixels: the shares leave room for them.)
 */
function expectHatched(pixels: Rgb[]) {
  expect(shareNear(pixels, officialLook)).toBeLessThan(0.3);
  expect(shareNear(pixels, hatchLine, 30)).toBeGreaterThan(0.08);
  expect(shareNear(pixels, rgbOf(theme.region.fill), 20)).toBeGreaterThan(0.3);
}

describe('approximate quarters never look official', { timeout: 90_000 }, () => {
  test.runIf(official)('an official quarter is filled with the legend swatch colour', async () => {
    const id = official!.properties.id;
    const { page } = await openAtlas(browser, `/?${LAYERS}#14/${insidePoint(id)[1]}/${insidePoint(id)[0]}`);
    await expect
      .poll(async () => shareNear(await patchAt(page, insidePoint(id), 6), officialLook))
      .toBeGreaterThan(0.6);
    await page.close();
  });

  test.runIf(approximate.length > 0)('an approximate quarter alone is hatched, not filled', async () => {
    const feature = approximate.find((f) => !overlap || f.properties.id !== overlap.a) ?? approximate[0]!;
    const point = insidePoint(feature.properties.id);
    const { page } = await openAtlas(browser, `/?${LAYERS}#13/${point[1]}/${point[0]}`);
    expectHatched(await patchAt(page, point));
    await page.close();
  });

  test.runIf(overlap)('where two approximate outlines overlap, the hatch does not darken', async () => {
    const { point } = overlap!;
    const { page } = await openAtlas(browser, `/?${LAYERS}#13/${point[1]}/${point[0]}`);
    const pixels = await patchAt(page, point);
    expectHatched(pixels);
    await page.close();
  });

  test.runIf(overlap)('a selected approximate quarter is outlined, not filled darker', async () => {
    const { a, point } = overlap!;
    const { page } = await openAtlas(browser, `/?${LAYERS}&zone=${a}`);
    await jump(page, point, 13);
    expectHatched(await patchAt(page, point));
    // Its outline is drawn, dashed, in the selection colour.
    const selected = await page.evaluate(
      () =>
        (
          document.querySelector('.map') as unknown as {
            maplibre: { queryRenderedFeatures: (o: object) => { properties: { id: string } }[] };
          }
        ).maplibre.queryRenderedFeatures({ layers: ['zones-selected-approximate'] }).length
    );
    expect(selected).toBeGreaterThan(0);
    await page.close();
  });
});

describe('land, sea and spotlight', { timeout: 90_000 }, () => {
  // A point of the North Sea off Dunkirk and one of Flanders in Belgium: geography, not data.
  const sea: [number, number] = [2.3, 51.3];
  const belgium: [number, number] = [3.6, 51.0];

  test('the sea and the neighbouring land are at least twice as far apart as the old pale sea', async () => {
    const { page } = await openAtlas(browser, '/#8/50.8/3');
    const water = median(await patchAt(page, sea, 4));
    const land = median(await patchAt(page, belgium, 4));
    const before = distance(rgbOf('#dfe9ef'), rgbOf('#e4e2dd'));
    expect(distance(water, land)).toBeGreaterThanOrEqual(2 * before);
    expect(distance(water, rgbOf(theme.background))).toBeLessThan(6);
    expect(distance(land, rgbOf(theme.neighbour))).toBeLessThan(6);
    await page.close();
  });

  const spotlit = atlas.scenes.findIndex((scene) => (scene.spotlight ?? []).length > 0);
  test.runIf(spotlit >= 0)('a spotlight dims Belgium as it dims the départements outside it', async () => {
    const scene = atlas.scenes[spotlit]!;
    const departements = JSON.parse(
      readFileSync(join(DATA_DIR, 'departements.geojson'), 'utf8')
    ) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
    // A département of the home region outside the spotlight, and a point deep inside it.
    const home = atlas.regionDepartements[atlas.region.code] ?? [];
    const dimmed = departements.features.find(
      (f) => home.includes(f.properties.code) && !(scene.spotlight ?? []).includes(f.properties.code)
    )!;
    const [west, south, east, north] = bbox(dimmed);
    let inside: [number, number] = [(west + east) / 2, (south + north) / 2];
    let deepest = Infinity;
    for (let i = 0; i < 20; i++)
      for (let j = 0; j < 20; j++) {
        const p: [number, number] = [
          west + ((east - west) * (i + 0.5)) / 20,
          south + ((north - south) * (j + 0.5)) / 20
        ];
        const d = pointToPolygonDistance(p, dimmed, { method: 'planar' });
        if (d < deepest) [inside, deepest] = [p, d];
      }
    const { page } = await openAtlas(browser, `/?present=1&scene=${spotlit + 1}`);
    await jump(page, [(inside[0] + belgium[0]) / 2, (inside[1] + belgium[1]) / 2], 7);
    const belgian = median(await patchAt(page, belgium, 3));
    const french = median(await patchAt(page, inside, 3));
    const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
    expect(distance(belgian, rgbOf(spotlightDimmed(projectorTheme, projectorTheme.neighbour)))).toBeLessThan(
      8
    );
    // Alike: the veil leaves them no further apart than the undimmed colours, neither much darker.
    const undimmed = distance(rgbOf(projectorTheme.neighbour), rgbOf(projectorTheme.region.fill));
    expect(distance(belgian, french)).toBeLessThanOrEqual(undimmed + 8);
    expect(luminance(belgian)).toBeGreaterThan(0.85 * luminance(french));
    await page.close();
  });
});

describe('town names and map controls', { timeout: 90_000 }, () => {
  const quarter = quarters[0]!;

  test('town names are drawn at quarter zoom, from the communes, and not at regional zoom', async () => {
    const [lng, lat] = insidePoint(quarter.properties.id);
    const { page } = await openAtlas(browser, `/#11/${lat}/${lng}`);
    const names = () =>
      page.evaluate(
        (layer) =>
          (
            document.querySelector('.map') as unknown as {
              maplibre: { queryRenderedFeatures: (o: object) => { properties: { name: string } }[] };
            }
          ).maplibre
            .queryRenderedFeatures({ layers: [layer] })
            .map((f) => f.properties.name),
        TOWN_LABEL_LAYER
      );
    await expect.poll(async () => (await names()).length).toBeGreaterThan(0);
    const communes = new Set(places.communes.map((c) => c.name));
    for (const name of await names()) expect(communes.has(name), name).toBe(true);
    await jump(page, [lng, lat], 8);
    expect(await names()).toEqual([]);
    await page.close();
  });

  test('the zoom buttons zoom in and out, and a metric scale shows', async () => {
    const { page, errors } = await openAtlas(browser, '/');
    const zoom = () =>
      page.evaluate(() =>
        (
          document.querySelector('.map') as unknown as { maplibre: { getZoom: () => number } }
        ).maplibre.getZoom()
      );
    const zoomIn = page.getByRole('button', { name: 'Zoomer', exact: true });
    await expect.poll(() => zoomIn.isVisible()).toBe(true);
    const before = await zoom();
    await zoomIn.click();
    await expect.poll(zoom).toBeCloseTo(before + 1, 1);
    await page.getByRole('button', { name: 'Dézoomer', exact: true }).click();
    await expect.poll(zoom).toBeCloseTo(before, 1);
    await expect.poll(() => page.getByRole('img', { name: /^Échelle : \d+ (m|km)$/ }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('presentation shows no zoom buttons; an embedded map keeps them without the scale', async () => {
    const { page } = await openAtlas(browser, '/?present=1&scene=1');
    await page.waitForTimeout(1000);
    expect(await page.getByRole('button', { name: 'Zoomer', exact: true }).count()).toBe(0);
    await page.close();
    const embedded = await openAtlas(browser, '/?embed=1');
    await expect
      .poll(() => embedded.page.getByRole('button', { name: 'Zoomer', exact: true }).isVisible())
      .toBe(true);
    expect(await embedded.page.getByRole('img', { name: /^Échelle/ }).count()).toBe(0);
    await embedded.page.close();
  });

  const sizes = [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
    { width: 820, height: 1180 },
    { width: 390, height: 844 }
  ];
  test.each(sizes)(
    'the controls overlap neither the legend, the credit, the caption nor an open sheet at $width×$height',
    async (viewport) => {
      const zone = quarter.properties.id;
      for (const path of ['/', `/?zone=${zone}`]) {
        const { page } = await openAtlas(browser, path, viewport);
        const controls = page.locator('.map-controls');
        await expect.poll(() => controls.isVisible()).toBe(true);
        const box = (await controls.boundingBox())!;
        for (const selector of ['.legend-slot', '.maplibregl-ctrl-attrib', '.caption', '.sheet', '.panel']) {
          for (const other of await page.locator(selector).all()) {
            const b = await other.boundingBox();
            if (!b || !(await other.isVisible())) continue;
            const apart =
              box.x + box.width <= b.x ||
              b.x + b.width <= box.x ||
              box.y + box.height <= b.y ||
              b.y + b.height <= box.y;
            expect(apart, `${path}: controls against ${selector}`).toBe(true);
          }
        }
        await page.close();
      }
    }
  );
});

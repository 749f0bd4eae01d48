// The foundation, from the user's side: the map loads offline, a click on a
// zone opens its sheet, a link reopens it, Escape and an empty click close it.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ZoneProperties } from '../../src/lib/types';
import { launchBrowser, openAtlas, waitForMapIdle } from './browser';

const zones = JSON.parse(readFileSync('static/data/zones.geojson', 'utf8')) as FeatureCollection<
  Geometry,
  ZoneProperties
>;

/** A hash centring the map on a point inside the zone, at a zoom where it fills the centre. */
function hashOn(zoneId: string, zoom: number): string {
  const feature = zones.features.find((f) => f.properties.id === zoneId);
  if (!feature) throw new Error(`zone ${zoneId} missing from the built geodata`);
  const [lng, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
  return `#${zoom}/${lat}/${lng}`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the atlas page', () => {
  test('loads with a drawn map, a legend, no page error and no request to another host', async () => {
    const { page, errors, foreignRequests } = await openAtlas(browser);
    await expect.poll(() => page.getByRole('region', { name: 'Légende' }).isVisible()).toBe(true);
    const variance = await page.evaluate(() => {
      const canvas = document.querySelector('canvas')!;
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.canvas.width = 200;
      ctx.canvas.height = 200;
      ctx.drawImage(canvas, 0, 0, 200, 200);
      const pixels = ctx.getImageData(0, 0, 200, 200).data;
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const v = pixels[i]! + pixels[i + 1]! + pixels[i + 2]!;
        sum += v;
        sumSq += v * v;
      }
      const n = pixels.length / 4;
      return sumSq / n - (sum / n) ** 2;
    });
    expect(variance).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  test('says it is loading until the app has mounted', async () => {
    const page = await browser.newPage();
    // Hold the app's entry scripts back to observe the page before they run.
    await page.route('**/_app/immutable/entry/**', (route) => setTimeout(() => void route.continue(), 1500));
    await page.goto(`${inject('baseURL')}/`);
    await expect.poll(() => page.getByText("Chargement de l'atlas…").isVisible()).toBe(true);
    await waitForMapIdle(page);
    await expect.poll(() => page.getByText("Chargement de l'atlas…").isVisible()).toBe(false);
    await page.close();
  });

  test('a click on a quarter opens its sheet with sourced, scoped measures', async () => {
    const { page } = await openAtlas(browser, `/${hashOn('les-oliveaux', 14)}`);
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe('Les Oliveaux');
    expect(page.url()).toContain('zone=les-oliveaux');
    await expect.poll(() => sheet.getByText('Enveloppe nationale').first().isVisible()).toBe(true);
    await expect.poll(() => sheet.getByText(/Md€/).first().isVisible()).toBe(true);
    // Measures that target the quarter are told apart from national ones; undated ones say so.
    await expect.poll(() => sheet.getByText('Directement').first().isVisible()).toBe(true);
    await expect.poll(() => sheet.getByText('Mesure nationale').first().isVisible()).toBe(true);
    await expect.poll(() => sheet.getByText('date approximative').first().isVisible()).toBe(true);
    // The quarter lies in the Nord acceleration territory: the sheet offers it.
    await expect.poll(() => sheet.getByRole('button', { name: 'Nord' }).isVisible()).toBe(true);
    await page.close();
  });

  test('a click on a habitat-indigne territory opens that territory’s sheet', async () => {
    const { page } = await openAtlas(browser, `/${hashOn('lhi-13', 8)}`);
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe('Bouches-du-Rhône');
    await expect
      .poll(() =>
        sheet
          .getByText(/habitat indigne/i)
          .first()
          .isVisible()
      )
      .toBe(true);
    await page.close();
  });

  test('a link with ?zone= opens the sheet directly, and says when the perimeter is approximate', async () => {
    const { page } = await openAtlas(browser, '/?zone=lens-cite');
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe('Cité');
    await expect.poll(() => sheet.getByText(/Périmètre exact non disponible/).isVisible()).toBe(true);
    await page.close();
  });

  test('Escape closes the sheet and removes the zone from the URL', async () => {
    const { page } = await openAtlas(browser, '/?zone=baudimont');
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('zone')).toBeNull();
    await page.close();
  });

  test('a click on empty map closes the sheet', async () => {
    // Centred on the Channel, west of the coast: no zone there.
    const { page } = await openAtlas(browser, '/?zone=degroote#8/50.7/1.0');
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await sheet.waitFor();
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await sheet.waitFor({ state: 'detached' });
    await page.close();
  });
});

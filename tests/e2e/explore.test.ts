// Exploring, from the user's side: filters update the map, the list and the
// counts together; search finds a quarter by its town; links restore the screen;
// the list works with the keyboard alone; hostile URLs break nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, Geometry } from 'geojson';
import type { AtlasData, ZoneProperties } from '../../src/lib/types';
import { launchBrowser, mapPixel, openAtlas, waitForMapIdle } from './browser';

const zones = JSON.parse(readFileSync('static/data/zones.geojson', 'utf8')) as FeatureCollection<
  Geometry,
  ZoneProperties
>;

const atlas = JSON.parse(readFileSync('static/data/atlas.json', 'utf8')) as AtlasData;

function hashOn(zoneId: string, zoom: number): string {
  const feature = zones.features.find((f) => f.properties.id === zoneId)!;
  const [lng, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
  return `#${zoom}/${lat}/${lng}`;
}

/** True when the pixel is the quarters' red rather than the pale land. */
const isQuarterRed = ([r, g, b]: [number, number, number]) => r > g + 40 && r > b + 40;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function sheetHeading(page: Page): Promise<string | null> {
  const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
  await sheet.waitFor();
  return sheet.getByRole('heading', { level: 2 }).textContent();
}

describe('exploring the atlas', () => {
  test('filtering updates the map, the counts, the sentence and the list together', async () => {
    const { page } = await openAtlas(browser, `/?panel=filters${hashOn('lens-cite', 12)}`);
    expect(isQuarterRed(await mapPixel(page))).toBe(true);

    const filters = page.getByRole('form', { name: 'Filtrer les zones' });
    // The rule behind the programme counts is stated next to them.
    await filters.getByText(/nationales sont listées dans les fiches mais ne comptent pas/).waitFor();
    await filters.getByRole('checkbox', { name: /^NPNRU/ }).check();
    await filters.getByRole('checkbox', { name: /habitat indigne/ }).check();
    await filters.getByRole('radio', { name: 'tous' }).check();
    await expect.poll(() => page.url()).toContain('prog=npnru,habitat-indigne');
    await expect.poll(() => page.url()).toContain('mode=all');
    // No acceleration territory lies in the Pas-de-Calais: Lens leaves the map.
    const status = filters.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ /);
    const shown = Number((await status.textContent())?.split(' ')[0]);
    expect(shown).toBeGreaterThan(0);
    await waitForMapIdle(page);
    expect(isQuarterRed(await mapPixel(page))).toBe(false);
    // Faceted counts follow: adding Pas-de-Calais to this filter would give no zone.
    await expect
      .poll(() => filters.locator('label', { hasText: 'Pas-de-Calais' }).textContent())
      .toMatch(/\(0/);

    await page.getByRole('button', { name: 'Liste', exact: true }).click();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(shown + 1); // header + the zones the sentence counts
    await page.close();
  });

  test('choosing an intercommunality keeps its zones in the sentence, the counts and the list', async () => {
    // The EPCI holding the most zones, and those zones, as the build wrote them.
    const zonesIn = (siren: string) => atlas.zones.filter((z) => atlas.zoneEpcis[z.id]?.includes(siren));
    const [siren] = Object.keys(atlas.epcis).sort((a, b) => zonesIn(b).length - zonesIn(a).length);
    const expected = zonesIn(siren!);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(atlas.zones.length);

    const { page } = await openAtlas(browser, '/?panel=filters');
    const filters = page.getByRole('form', { name: 'Filtrer les zones' });
    const select = filters.getByRole('combobox', { name: 'Intercommunalité (EPCI)' });
    await expect
      .poll(() => select.locator('option', { hasText: atlas.epcis[siren!] }).textContent())
      .toBe(`${atlas.epcis[siren!]} (${expected.length})`);
    await select.selectOption(siren!);
    await expect.poll(() => page.url()).toContain(`interco=${siren}`);
    const status = filters.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^${expected.length} `));
    expect(await status.textContent()).toContain(` dans la ${atlas.epcis[siren!]}`);

    await page.getByRole('button', { name: 'Liste', exact: true }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(expected.length + 1);
    for (const zone of expected) {
      await expect.poll(() => table.getByRole('button', { name: zone.name, exact: true }).count()).toBe(1);
    }

    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    await page.getByRole('button', { name: 'Réinitialiser' }).click();
    await expect.poll(() => page.url()).not.toContain('interco=');
    await expect.poll(() => select.inputValue()).toBe('');
    await page.close();
  });

  test('typing "lievin" then Enter opens the sheet of Liévin’s quarter', async () => {
    const { page } = await openAtlas(browser);
    const search = page.getByRole('combobox', { name: /Rechercher/ });
    await search.fill('lievin');
    await page.getByRole('option').first().waitFor();
    await search.press('Enter');
    await expect.poll(() => sheetHeading(page)).toBe('Calonne - Marichelles - Vent de Bise');
    expect(page.url()).toContain('zone=calonne-marichelles-vent-de-bise');
    await page.close();
  });

  test('a copied URL reopens the same filters, layers, panel and sheet in a new page', async () => {
    const { page } = await openAtlas(browser, '/?panel=layers');
    await page.getByRole('checkbox', { name: /^Communes/ }).check();
    await page.getByRole('checkbox', { name: /^QPV 2015/ }).uncheck();
    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    await page.getByRole('checkbox', { name: /^Pas-de-Calais/ }).check();
    const search = page.getByRole('combobox', { name: /Rechercher/ });
    await search.fill('baudimont');
    await page.getByRole('option').first().click();
    await expect.poll(() => sheetHeading(page)).toBe('Quartier Baudimont');
    const copied = page.url();
    await page.close();

    const { page: again } = await openAtlas(browser, copied.slice(copied.indexOf('/', 8)));
    await expect.poll(() => sheetHeading(again)).toBe('Quartier Baudimont');
    await expect.poll(() => again.getByRole('checkbox', { name: /^Pas-de-Calais/ }).isChecked()).toBe(true);
    await again.getByRole('button', { name: 'Couches', exact: true }).click();
    await expect.poll(() => again.getByRole('checkbox', { name: /^Communes/ }).isChecked()).toBe(true);
    await expect.poll(() => again.getByRole('checkbox', { name: /^QPV 2015/ }).isChecked()).toBe(false);
    expect(again.url()).toBe(copied.replace('panel=filters', 'panel=layers'));
    await again.close();
  });

  test('the zone list opens a sheet with the keyboard alone', async () => {
    const { page } = await openAtlas(browser, '/?panel=list');
    // Tab until a zone button of the list has the focus.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const inTable = await page.evaluate(
        () =>
          document.activeElement?.closest('table') !== null &&
          document.activeElement?.closest('tbody') !== null
      );
      if (inTable) break;
    }
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(name).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => sheetHeading(page)).toBe(name);
    await page.close();
  });

  test('searching a commune opens its sheet, listing the zones that concern it', async () => {
    const { page } = await openAtlas(browser);
    await page.getByRole('combobox', { name: /Rechercher/ }).fill('valenciennes');
    await page.getByRole('option').filter({ hasText: 'Commune' }).first().click();
    const sheet = page.getByRole('complementary', { name: 'Fiche de la commune' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe('Valenciennes');
    // Three commune-union quarters share Valenciennes, and the commune lies in the Nord territory.
    for (const name of ['Chasse Royale', "Zone intercommunale Rives de l'Escaut", 'Nord']) {
      await expect.poll(() => sheet.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(page.url()).toContain('commune=59606');
    await page.close();
  });

  test('the spotlight option dims the map outside the chosen département', async () => {
    const brightness = ([r, g, b]: [number, number, number]) => r + g + b;
    // Centred on Arras (Pas-de-Calais), with the Nord chosen in the filter.
    const camera = '#10/50.29/2.78';
    const { page: plain } = await openAtlas(browser, `/?dep=59${camera}`);
    const before = brightness(await mapPixel(plain, 0.5, 0.2));
    await plain.close();
    const { page: dimmed } = await openAtlas(browser, `/?dep=59&spot=1${camera}`);
    const after = brightness(await mapPixel(dimmed, 0.5, 0.2));
    expect(after).toBeLessThan(before * 0.8);
    await dimmed.close();
  });

  test('on a tablet, the list and a sheet open together still leave the map in view', async () => {
    const { page } = await openAtlas(browser, '/?panel=list&zone=degroote', { width: 820, height: 1180 });
    await expect.poll(() => sheetHeading(page)).toBe('Degroote');
    const map = (await page.locator('.map canvas').boundingBox())!;
    const sheet = (await page.getByRole('complementary', { name: 'Fiche de la zone' }).boundingBox())!;
    // The sheet lies over the map's left part; at least a third of the map stays uncovered.
    expect(map.x + map.width - (sheet.x + sheet.width)).toBeGreaterThan(map.width / 3);
    // The link opened framed on the quarter, not on a world view.
    const zoom = Number(new URL(page.url()).hash.slice(1).split('/')[0]);
    expect(zoom).toBeGreaterThan(9);
    await page.close();
  });

  test('back and forward step through selected zones', async () => {
    const { page } = await openAtlas(browser, '/?zone=baudimont');
    await page.getByRole('combobox', { name: /Rechercher/ }).fill('la bourgogne');
    await page.getByRole('option').first().click();
    await expect.poll(() => sheetHeading(page)).toBe('La Bourgogne');
    await page.goBack();
    await expect.poll(() => sheetHeading(page)).toBe('Quartier Baudimont');
    await page.goForward();
    await expect.poll(() => sheetHeading(page)).toBe('La Bourgogne');
    await page.close();
  });

  test.each([
    ['/?zone=<script>alert(1)</script>&prog=npnru'],
    ['/?prog=inconnu,npnru&dep=99,59&layers=quarters,bogus'],
    ['/?zone=baudimont&zone=lens-cite&scene=9999&present=maybe'],
    [`/?junk=${'x'.repeat(10_000)}&panel=list`],
    ['/?prog=%E0%A4%A&dep=%ZZ#999/999/999']
  ])('a hostile or malformed URL keeps the page working: %s', async (path) => {
    const { page, errors } = await openAtlas(browser, path);
    expect(errors).toEqual([]);
    await expect.poll(() => page.getByRole('region', { name: 'Légende' }).isVisible()).toBe(true);
    expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
    await page.close();
  });
});

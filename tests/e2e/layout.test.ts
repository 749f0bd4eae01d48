// Layout and accessibility on the three screens the atlas is used on: what a
// presenter or a keyboard user would see go wrong, measured from the rendered page. The
// zones, places and scenes opened are read from the built data (built-data.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, openAtlas } from './browser';
import { atlas, findableQuarter, places, qpvs } from './built-data';

/** A quarter, and a commune and an EPCI holding zones, to open their sheets. */
const quarter = findableQuarter();
const commune = places.communes.find((c) =>
  atlas.zones.some((z) => z.communes.some((q) => q.insee === c.code))
)!;
const epci = places.epcis.find((e) =>
  Object.values(atlas.zoneEpcis).some((sirens) => sirens.includes(e.code))
)!;

const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe.each([
  ['desktop', DESKTOP],
  ['tablet', TABLET],
  ['phone', PHONE]
])('axe-core finds no critical or serious violation on the %s', (_, viewport) => {
  test.each([
    ['the initial view', '/'],
    ['an open sheet', `/?zone=${quarter.id}`],
    ['a QPV sheet', `/?qpv=${qpvs[0]!.code}`],
    ['a commune sheet', `/?commune=${commune.code}`],
    ['an intercommunality sheet', `/?epci=${epci.code}`],
    ['the Filtres panel', '/?panel=filters'],
    ['the Couches panel', '/?panel=layers'],
    ['the Liste panel', '/?panel=list'],
    ['the Synthèse panel', '/?panel=summary'],
    ['presentation mode', '/?present=1&scene=2'],
    ['the last presentation scene', `/?present=1&scene=${atlas.scenes.length}`]
  ])('%s', { timeout: 60_000 }, async (_, path) => {
    const { page } = await openAtlas(browser, path, viewport);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('layout', { timeout: 60_000 }, () => {
  test.each([
    ['desktop', DESKTOP],
    ['tablet', TABLET]
  ])('on the %s, the Liste table fits its panel', async (_, viewport) => {
    const { page } = await openAtlas(browser, '/?panel=list', viewport);
    const widths = await page.locator('#panel').evaluate((panel) => {
      const table = panel.querySelector('table')!;
      return { table: table.scrollWidth, panel: panel.clientWidth, panelScroll: panel.scrollWidth };
    });
    expect(widths.table).toBeLessThanOrEqual(widths.panel);
    expect(widths.panelScroll).toBeLessThanOrEqual(widths.panel);
    await page.close();
  });

  test('on the desktop, a panel and a sheet open together leave the map most of the width', async () => {
    const { page } = await openAtlas(browser, `/?panel=filters&zone=${quarter.id}`, DESKTOP);
    const map = (await page.locator('.map-area').boundingBox())!;
    expect(map.width).toBeGreaterThan(DESKTOP.width * 0.55);
    const caption = (await page.locator('.map-area .caption').boundingBox())!;
    // Two lines at most (the count label once wrapped onto four).
    expect(caption.height).toBeLessThan(70);
    await page.close();
  });

  test('on the tablet, the count label is clear of the open panel', async () => {
    const { page } = await openAtlas(browser, '/?panel=list', TABLET);
    const panel = (await page.locator('#panel').boundingBox())!;
    const caption = (await page.locator('.map-area .caption').boundingBox())!;
    expect(caption.x).toBeGreaterThanOrEqual(panel.x + panel.width);
    await page.close();
  });

  test('on the phone, header and panel tabs take under a fifth of the height, and the legend is reachable', async () => {
    const { page } = await openAtlas(browser, '/', PHONE);
    const tabs = (await page.getByRole('navigation', { name: 'Panneaux' }).boundingBox())!;
    expect(tabs.y + tabs.height).toBeLessThan(PHONE.height / 5);
    const legend = page.getByText('Légende', { exact: true });
    await legend.click();
    await expect.poll(() => page.getByText('Limite départementale').isVisible()).toBe(true);
    await page.close();
  });

  test('on the phone, the map credit is never drawn over the bottom sheet', async () => {
    for (const path of [`/?zone=${quarter.id}`, '/?panel=filters']) {
      const { page } = await openAtlas(browser, path, PHONE);
      const sheet = page.locator('#panel, .sheet').first();
      const covering = await page.locator('.maplibregl-ctrl-attrib').evaluate(
        (credit, sheetBox) => {
          const c = credit.getBoundingClientRect();
          const top = Math.max(c.top, sheetBox.y);
          const bottom = Math.min(c.bottom, sheetBox.y + sheetBox.height);
          if (bottom <= top) return 'apart';
          // Where both are, the one on top is the sheet.
          const hit = document.elementFromPoint(c.left + c.width / 2, (top + bottom) / 2);
          return credit.contains(hit) ? 'credit on top' : 'sheet on top';
        },
        (await sheet.boundingBox())!
      );
      expect(covering, path).not.toBe('credit on top');
      await page.close();
    }
  });

  test('on the phone, the presentation buttons keep to one line', async () => {
    const { page } = await openAtlas(browser, '/?present=1&scene=2', PHONE);
    const deck = page.getByRole('region', { name: 'Présentation' });
    for (const name of ['Précédente', 'Suivante']) {
      const box = (await deck.getByRole('button', { name }).boundingBox())!;
      expect(box.height, name).toBeLessThan(60);
    }
    await page.close();
  });
});

describe('keyboard and small points', { timeout: 60_000 }, () => {
  test('the first Tab reaches a skip link to the map, and the second one opens and focuses the list', async () => {
    const { page } = await openAtlas(browser, '/', DESKTOP);
    await page.keyboard.press('Tab');
    const toMap = page.getByRole('link', { name: 'Aller à la carte' });
    await expect.poll(() => toMap.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('carte');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.getByRole('button', { name: 'Aller à la liste des zones' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('panel');
    await expect.poll(() => page.getByRole('table').isVisible()).toBe(true);
    await page.close();
  });

  test('closing a sheet clears the search box', async () => {
    const { page } = await openAtlas(browser, '/', DESKTOP);
    const search = page.getByRole('combobox');
    await search.fill(quarter.name);
    await page.getByRole('option').first().click();
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await sheet.waitFor();
    await expect.poll(() => search.inputValue()).not.toBe('');
    await sheet.getByRole('button', { name: 'Fermer la fiche' }).click();
    await expect.poll(() => search.inputValue()).toBe('');
    await page.close();
  });

  test('filter options are named with their count and no stray space', async () => {
    const { page } = await openAtlas(browser, '/?panel=filters', DESKTOP);
    // Chromium's own accessible names, as a screen reader gets them.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string } }[];
    };
    const names = nodes.filter((n) => n.role?.value === 'checkbox').map((n) => n.name?.value ?? '');
    expect(names.filter((name) => /\(\d+ zones?\)$/.test(name)).length).toBeGreaterThan(0);
    expect(names.filter((name) => /\s\)|\(\s|\s{2}/.test(name))).toEqual([]);
    await page.close();
  });
});

describe('printing a zone sheet', { timeout: 60_000 }, () => {
  /**
   * The zone whose sheet prints longest, from the built data: the most measures printed in full
   * (those that target it), then the most measures (regional and national ones print brief).
   */
  function longestSheet(): string {
    const weight = (id: string) => {
      const links = atlas.links[id] ?? [];
      const full = links.filter((link) => link.via !== 'region' && link.via !== 'national').length;
      return full * 1000 + links.length;
    };
    return atlas.zones.map((zone) => zone.id).reduce((a, b) => (weight(b) > weight(a) ? b : a));
  }

  // A printed zone sheet once ran to thirteen pages; a few is what a reader carries: map, sheet,
  // sources. At a readable size (9 pt and more) the longest takes three.
  test('the longest sheet prints on at most three A4 pages', async () => {
    const { page } = await openAtlas(browser, `/?zone=${longestSheet()}`, DESKTOP);
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    await page.close();
  });

  test('on paper the legend sits beside the map, the sheet below them, the sources last', async () => {
    const { page } = await openAtlas(browser, `/?zone=${quarter.id}`, DESKTOP);
    await page.emulateMedia({ media: 'print' });
    const map = (await page.locator('.map-area .map').boundingBox())!;
    const legend = (await page.locator('.legend').boundingBox())!;
    const sheet = (await page.getByRole('complementary', { name: 'Fiche de la zone' }).boundingBox())!;
    const sources = (await page.locator('.print-sources').boundingBox())!;
    expect(legend.x).toBeGreaterThanOrEqual(map.x + map.width);
    expect(sheet.y).toBeGreaterThanOrEqual(Math.max(map.y + map.height, legend.y + legend.height));
    expect(sources.y).toBeGreaterThanOrEqual(sheet.y + sheet.height);
    await page.close();
  });
});

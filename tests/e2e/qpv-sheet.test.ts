// A QPV's own sheet from the user's side: found by search (code or name), opened by a link,
// with its communes, NPNRU status and quarter of the atlas as links. (A click on a QPV drawn
// from tiles: tiles.test.ts.)
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openAtlas, waitForMapIdle } from './browser';
import { findableQuarter, qpvs, typed } from './built-data';

/** A QPV of the built data drawn with no zone of the atlas, on the NPNRU list. */
const outside = qpvs.find((q) => q.zoneId === '' && q.npnru);
/** A QPV drawn as a quarter of the atlas. */
const drawn = qpvs.find((q) => q.zoneId !== '');
/** A well-formed QPV code of a département the data covers, which the data lacks. */
const lacking = (() => {
  const codes = new Set(qpvs.map((q) => q.code));
  const prefix = qpvs[0]!.code.slice(0, 5);
  for (let n = 1; n < 1000; n++) {
    const code = `${prefix}${String(n).padStart(3, '0')}`;
    if (!codes.has(code)) return code;
  }
  throw new Error(`every ${prefix}NNN code is in the data`);
})();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const qpvSheet = (page: Page) => page.getByRole('complementary', { name: 'Fiche du quartier prioritaire' });

describe.runIf(outside && drawn)('the QPV sheet', { timeout: 60_000 }, () => {
  test('searching a QPV code opens its sheet, with its NPNRU status and a link to its commune', async () => {
    const { code, name } = outside!;
    const { page, errors } = await openAtlas(browser);
    const search = page.getByRole('combobox', { name: /Rechercher/ });
    await search.fill(code);
    await page.getByRole('option').filter({ hasText: 'QPV' }).first().click();
    const sheet = qpvSheet(page);
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    await expect.poll(() => page.url()).toContain(`qpv=${code}`);
    await expect.poll(() => sheet.getByText(code, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => sheet.getByText(/^Oui : inscrit sur la liste/).isVisible()).toBe(true);
    // Where its contour comes from, with the vintage.
    await expect
      .poll(() =>
        sheet.getByText(/Contour, nom, communes et liste NPNRU : .*(liste 2015|QPV 2015)/).isVisible()
      )
      .toBe(true);
    // Its commune is a link once the commune list is loaded; it opens the commune's sheet.
    const commune = outside!.communes.split(',')[0]!.trim();
    await sheet.getByRole('button', { name: commune, exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByRole('complementary', { name: 'Fiche de la commune' })
          .getByRole('heading', { level: 2 })
          .textContent()
      )
      .toBe(commune);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('searching part of a QPV name finds it', async () => {
    const { code, name } = outside!;
    const { page } = await openAtlas(browser);
    const word = name.split(/\s+/).find((w) => w.length >= 5) ?? name;
    await page.getByRole('combobox', { name: /Rechercher/ }).fill(word.slice(0, -1));
    await page.getByRole('option').filter({ hasText: code }).first().click();
    await expect.poll(() => qpvSheet(page).getByRole('heading', { level: 2 }).textContent()).toBe(name);
    await page.close();
  });

  test('a ?qpv= link opens the sheet of a QPV drawn as a quarter, which links to the quarter', async () => {
    const { code, zoneId } = drawn!;
    const { page } = await openAtlas(browser, `/?qpv=${code}`);
    const sheet = qpvSheet(page);
    await expect.poll(() => sheet.getByText(code, { exact: true }).isVisible()).toBe(true);
    await sheet
      .getByRole('definition')
      .filter({ has: page.getByRole('button') })
      .last()
      .getByRole('button')
      .click();
    await expect.poll(() => page.url()).toContain(`zone=${zoneId}`);
    await expect
      .poll(() => page.getByRole('complementary', { name: 'Fiche de la zone' }).isVisible())
      .toBe(true);
    await page.close();
  });

  test('a link to a QPV the data lacks says so and keeps the rest of the link', async () => {
    const { page } = await openAtlas(browser, `/?qpv=${lacking}&panel=layers`);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `aucun QPV « ${lacking} »` })
          .isVisible()
      )
      .toBe(true);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Couches de la carte' }).isVisible())
      .toBe(true);
    await page.close();
  });

  test('when the commune and QPV lists fail to load, search says what it cannot find and zones stay findable', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route(/\/data\/(places|qpvs)\.json$/, (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(`${inject('baseURL')}/?qpv=${outside!.code}`);
    await waitForMapIdle(page);
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'seules les zones sont cherchables' }).isVisible()
      )
      .toBe(true);
    // The linked QPV is not called absent from the data: the page says its list did not load.
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `QPV « ${outside!.code} » ne peut pas être ouvert` })
          .isVisible()
      )
      .toBe(true);
    const quarter = findableQuarter();
    await page.getByRole('combobox', { name: /Rechercher/ }).fill(typed(quarter.name));
    await page.getByRole('option').first().click();
    await expect.poll(() => page.url()).toContain(`zone=${quarter.id}`);
    await page.close();
  });
});

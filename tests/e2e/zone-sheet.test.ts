// The foundation, from the user's side: the map loads offline, a click on a
// zone opens its sheet, a link reopens it, Escape and an empty click close it. The zones and
// what their sheets show are read from the built data (built-data.ts).
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Zone } from '../../src/lib/types';
import { SCOPE_LABELS, ZONE_KIND_LABELS, viaLabel } from '../../src/lib/labels';
import { formatDate } from '../../src/lib/format/date';
import { launchBrowser, openAtlas, waitForMapIdle } from './browser';
import { atlas, hashOn, qpvs, zoneFeatures } from './built-data';

/** The acceleration territory covering a zone's département, if any. */
const territoryOver = (zone: Zone) =>
  atlas.zones.find((z) => z.kind === 'acceleration-territory' && z.departement === zone.departement);

/**
 * The quarter with a QPV contour (so a click inside it lands on it) lying in an acceleration
 * territory, whose sheet has the most kinds of link, then the most measures.
 */
function richQuarter(): Zone {
  const weight = (zone: Zone) => {
    const links = atlas.links[zone.id] ?? [];
    return new Set(links.map((link) => link.via)).size * 1000 + links.length;
  };
  const candidates = atlas.zones.filter((z) => z.kind === 'quarter' && z.qpvs.length > 0 && territoryOver(z));
  if (candidates.length === 0)
    throw new Error('the built data has no QPV quarter in an acceleration territory');
  return candidates.reduce((a, b) => (weight(b) > weight(a) ? b : a));
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

  test('the header dates the atlas by the month of its data', async () => {
    expect(atlas.dataDate, 'the built data are dated').toMatch(/^\d{4}-\d{2}/);
    const { page } = await openAtlas(browser);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(formatDate(atlas.dataDate!.slice(0, 7)));
    await page.close();
  });

  test('says it is loading until the app has mounted', async () => {
    const page = await browser.newPage();
    // Hold the app's entry scripts back until the page has been seen without them.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_app/immutable/entry/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${inject('baseURL')}/`, { waitUntil: 'commit' });
    await expect.poll(() => page.getByText("Chargement de l'atlas…").isVisible()).toBe(true);
    release();
    await waitForMapIdle(page);
    await expect.poll(() => page.getByText("Chargement de l'atlas…").isVisible()).toBe(false);
    await page.close();
  });

  test('a click on a quarter opens its sheet with its measures: how each reaches it, scope, date, source', async () => {
    const quarter = richQuarter();
    const measures = (atlas.links[quarter.id] ?? []).map((link) => ({
      via: link.via,
      measure: atlas.measures.find((m) => m.id === link.measureId)!
    }));
    expect(measures.length).toBeGreaterThan(0);
    const { page } = await openAtlas(browser, `/${hashOn(quarter.id, 14)}`);
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(quarter.name);
    await expect.poll(() => page.url()).toContain(`zone=${quarter.id}`);
    // National measures are folded, one line each: open them to read them all.
    for (const line of await sheet.locator('details summary').all()) await line.click();
    const shown = (text: string) => sheet.getByText(text, { exact: true }).first().isVisible();
    // How each measure reaches the quarter: directly, through its département, nationally…
    for (const via of new Set(measures.map((m) => m.via))) {
      await expect
        .poll(() => shown(viaLabel(via, quarter, atlas.departements, atlas.region.name)))
        .toBe(true);
    }
    // What each amount really covers, and undated measures said to be so.
    for (const scope of new Set(measures.flatMap((m) => m.measure.funding.map((line) => line.scope)))) {
      await expect.poll(() => shown(SCOPE_LABELS[scope])).toBe(true);
    }
    if (measures.some((m) => m.measure.approximate)) {
      await expect.poll(() => shown('date approximative')).toBe(true);
    }
    // Each measure names its source ("Source : <label> (lines)").
    const source = measures[0]!.measure.sources[0]!.label;
    await expect.poll(() => sheet.getByText(source).first().isVisible()).toBe(true);
    // The quarter lies in an acceleration territory: the sheet offers it.
    const territory = territoryOver(quarter)!;
    await expect
      .poll(() => sheet.getByRole('button', { name: territory.name, exact: true }).isVisible())
      .toBe(true);
    await page.close();
  });

  test('a click on an acceleration territory away from any quarter opens that territory’s sheet', async () => {
    const territory = atlas.zones.find(
      (t) =>
        t.kind === 'acceleration-territory' &&
        atlas.zones.every((q) => q.kind !== 'quarter' || q.departement !== t.departement)
    );
    expect(territory, 'the built data has a territory with no quarter in its département').toBeDefined();
    const { page } = await openAtlas(browser, `/${hashOn(territory!.id, 8)}`);
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(territory!.name);
    const kind = `${ZONE_KIND_LABELS[territory!.kind].one} · ${atlas.departements[territory!.departement]}`;
    await expect.poll(() => sheet.getByText(kind).isVisible()).toBe(true);
    await page.close();
  });

  test('a link with ?zone= opens the sheet directly, and says when the perimeter is approximate', async () => {
    const approximate = zoneFeatures.find((f) => f.properties.approximate)!.properties;
    const { page } = await openAtlas(browser, `/?zone=${approximate.id}`);
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(approximate.name);
    await expect.poll(() => sheet.getByText(/Périmètre exact non disponible/).isVisible()).toBe(true);
    await page.close();
  });

  test('the sheet of a quarter drawn with QPVs names each officially and links each QPV’s sheet', async () => {
    // The quarter drawn with the most QPVs, whose official names come from the QPV list.
    const quarter = atlas.zones
      .filter((zone) => zone.qpvs.length > 0)
      .reduce((a, b) => (b.qpvs.length > a.qpvs.length ? b : a));
    const { page } = await openAtlas(browser, `/?zone=${quarter.id}`);
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    for (const code of quarter.qpvs) {
      const name = qpvs.find((qpv) => qpv.code === code)!.name;
      await expect.poll(() => sheet.getByText(`${code} (« ${name} »)`).isVisible()).toBe(true);
      await expect
        .poll(() => sheet.getByRole('button', { name: `Fiche du QPV ${code}` }).isVisible())
        .toBe(true);
    }
    const last = quarter.qpvs.at(-1)!;
    await sheet.getByRole('button', { name: `Fiche du QPV ${last}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('qpv')).toBe(last);
    await page.close();
  });

  test('Escape closes the sheet and removes the zone from the URL', async () => {
    const { page } = await openAtlas(browser, `/?zone=${atlas.zones[0]!.id}`);
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).searchParams.get('zone')).toBeNull();
    await page.close();
  });

  test('a click on empty map closes the sheet', async () => {
    // Centred on the Channel, west of the French coast: no zone there.
    const { page } = await openAtlas(browser, `/?zone=${atlas.zones[0]!.id}#8/50.7/1.0`);
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await sheet.waitFor();
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await sheet.waitFor({ state: 'detached' });
    await page.close();
  });
});

// The calendar panel, from the user's side: every dated item of the built data in date order,
// grouped by month, with the briefing's date among them; the filters apply to it; its state
// is in the address; doubt and inference are said; its button opens a sheet listing the
// measure; a scene shows it. Expected values come from the built data (built-data.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, openAtlas } from './browser';
import { atlas } from './built-data';
import { compareDatedItems, periodDays } from '../../src/lib/measures/dated';
import { formatDate } from '../../src/lib/format/date';
import { measureScope, periodText } from '../../src/lib/calendar/calendar';
import { presentTextSize } from '../../src/lib/map/theme';
import type { DatedItem, Measure } from '../../src/lib/types';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Every dated item of the built data, with its measure, in calendar order. */
const entries: { item: DatedItem; measure: Measure }[] = atlas.measures
  .flatMap((measure) => (measure.dates ?? []).map((item) => ({ item, measure })))
  .sort((a, b) => compareDatedItems(a.item, b.item));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const calendar = (page: Page) => page.getByRole('region', { name: 'Calendrier' });

/** The items' "what" as listed, the marker as "|", and the month headings, in page order. */
async function listed(page: Page): Promise<{ months: string[]; rows: string[] }> {
  return calendar(page).evaluate((panel) => ({
    months: [...panel.querySelectorAll('.month h3')].map((h) => h.textContent!.trim()),
    rows: [...panel.querySelectorAll('li')].map((li) =>
      li.classList.contains('marker') ? '|' : li.querySelector('.what')!.textContent!.trim()
    )
  }));
}

describe('the calendar', () => {
  test.each([
    ['desktop', DESKTOP],
    ['phone', PHONE]
  ])(
    '« Calendrier » lists every dated item in date order by month, the briefing’s date among them (%s)',
    async (_, viewport) => {
      expect(entries.length, 'the data holds dated items').toBeGreaterThan(1);
      const { page, errors } = await openAtlas(browser, '/', viewport);
      await page.getByRole('button', { name: 'Calendrier', exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('panel')).toBe('calendar');
      await expect.poll(() => calendar(page).locator('li').count()).toBeGreaterThan(0);

      const marker = atlas.dataDate!;
      const markerDay = marker.length === 7 ? `${marker}-01` : marker;
      const rows = entries.map((e) => e.item.what);
      const at = entries.findIndex((e) => periodDays(e.item).first > markerDay);
      rows.splice(at === -1 ? rows.length : at, 0, '|');
      // Headings: the month of a day or a month, the whole period of a vaguer date, each
      // run of rows under one heading.
      const headings = entries.map((e) =>
        e.item.precision === 'day' || e.item.precision === 'month'
          ? formatDate(periodDays(e.item).first.slice(0, 7))
          : periodText(e.item)
      );
      headings.splice(at === -1 ? headings.length : at, 0, formatDate(markerDay.slice(0, 7)));
      const months = headings.filter((heading, i) => heading !== headings[i - 1]);
      await expect.poll(() => listed(page)).toEqual({ months, rows });
      await expect
        .poll(() =>
          calendar(page)
            .getByText(`${formatDate(marker)} · date de la lettre`)
            .isVisible()
        )
        .toBe(true);
      // The panel fits the screen: no sideways scroll on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width
      );
      expect(errors).toEqual([]);
      await page.close();
    }
  );

  test('a doubted date is shown as printed with its doubt, an inferred year with its inference', async () => {
    const doubted = entries.find((e) => e.item.doubt);
    const inferred = entries.find((e) => e.item.inferred);
    expect(doubted && inferred, 'the data has a doubted and an inferred date').toBeTruthy();
    const { page } = await openAtlas(browser, '/?panel=calendar', DESKTOP);
    const row = (what: string) => calendar(page).locator('li', { hasText: what });
    await expect
      .poll(() => row(doubted!.item.what).locator('.written').textContent())
      .toBe(doubted!.item.written);
    await expect
      .poll(() =>
        row(doubted!.item.what)
          .getByText(`Date imprimée, probablement erronée : ${doubted!.item.doubt}`)
          .isVisible()
      )
      .toBe(true);
    await expect
      .poll(() => row(inferred!.item.what).getByText(inferred!.item.inferred!, { exact: true }).isVisible())
      .toBe(true);
    await page.close();
  });

  test('the programme filter applies to the calendar, and the address keeps both', async () => {
    const programme = entries[0]!.measure.programme;
    const kept = entries.filter((e) => e.measure.programme === programme).map((e) => e.item.what);
    const left = entries.filter((e) => e.measure.programme !== programme);
    expect(left.length, 'dated items of another programme').toBeGreaterThan(0);
    const { page } = await openAtlas(browser, `/?prog=${programme}&panel=calendar`, DESKTOP);
    await expect.poll(async () => (await listed(page)).rows.filter((r) => r !== '|')).toEqual(kept);
    await page.reload();
    await expect.poll(async () => (await listed(page)).rows.filter((r) => r !== '|')).toEqual(kept);
    await page.close();
  });

  test('a département filter keeps the items of measures reaching a zone in it', async () => {
    // A département-wide measure's items, filtered on another département where a zone lies.
    const local = entries.find((e) => e.measure.appliesTo.some((t) => 'departements' in t));
    expect(local, 'a dated measure of some départements').toBeTruthy();
    const codes = local!.measure.appliesTo.flatMap((t) => ('departements' in t ? t.departements : []));
    const other = atlas.zones.find((z) => !codes.includes(z.departement))!.departement;
    const { page } = await openAtlas(browser, `/?dep=${other}&panel=calendar`, DESKTOP);
    await expect.poll(() => calendar(page).locator('li').count()).toBeGreaterThan(0);
    expect((await listed(page)).rows).not.toContain(local!.item.what);
    const reaching = entries.filter((e) =>
      atlas.zones.some(
        (z) => z.departement === other && (atlas.links[z.id] ?? []).some((l) => l.measureId === e.measure.id)
      )
    );
    expect((await listed(page)).rows.filter((r) => r !== '|')).toEqual(reaching.map((e) => e.item.what));
    await page.close();
  });

  test("a place's item has a button that opens the sheet of a zone listing its measure", async () => {
    // Prefer a measure that names its zones; a départemental one will do.
    const listed = (id: string) =>
      Object.values(atlas.links).some((links) => links.some((l) => l.measureId === id));
    const entry =
      entries.find((e) => e.measure.appliesTo.some((t) => 'zones' in t)) ??
      entries.find((e) => measureScope(e.measure) === 'departemental' && listed(e.measure.id));
    expect(entry, 'a dated item whose measure a zone sheet lists').toBeDefined();
    const { page } = await openAtlas(browser, '/?panel=calendar', DESKTOP);
    await calendar(page).locator('li', { hasText: entry!.item.what }).first().getByRole('button').click();
    const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
    await expect.poll(() => sheet.getByText(entry!.measure.title).first().isVisible()).toBe(true);
    const zone = new URL(page.url()).searchParams.get('zone')!;
    expect((atlas.links[zone] ?? []).map((l) => l.measureId)).toContain(entry!.measure.id);
    await page.close();
  });

  test("a national measure's item opens the measure in place, not an arbitrary zone's sheet", async () => {
    const entry = entries.find((e) => measureScope(e.measure) === 'national');
    expect(entry, 'a dated item of a national measure').toBeDefined();
    const { page } = await openAtlas(browser, '/?panel=calendar', DESKTOP);
    const item = calendar(page).locator('li', { hasText: entry!.item.what }).first();
    expect(await item.getByRole('button').count()).toBe(0);
    await item.getByText('Voir la mesure').click();
    await expect.poll(() => item.getByText(entry!.measure.summary).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('zone')).toBeNull();
    await page.close();
  });

  test('the calendar scene shows the calendar at the presentation text size', async () => {
    const index = atlas.scenes.findIndex((scene) => scene.calendar);
    expect(index, 'the deck has a calendar scene').toBeGreaterThanOrEqual(0);
    const { page } = await openAtlas(browser, `/?present=1&scene=${index + 1}`, {
      width: 1920,
      height: 1080
    });
    await expect.poll(() => calendar(page).locator('li').count()).toBe(entries.length + 1);
    const size = await calendar(page)
      .locator('.what')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // Larger than the explorer's panel (16 px), at the one size of everything presented.
    expect(size).toBeCloseTo(presentTextSize(1920), 0);
    await page.close();
  });

  test('prints every entry in full, at 9 pt or more, each month heading kept with its first entry', async () => {
    const { page } = await openAtlas(browser, '/?panel=calendar', DESKTOP);
    await calendar(page).locator('li').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const printed = await calendar(page).evaluate((panel) => {
      // A box that clips or scrolls its content would cut the list on paper.
      const clipping: string[] = [];
      for (let box = panel as HTMLElement | null; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowY !== 'visible' && box.scrollHeight > box.clientHeight + 1)
          clipping.push(`${box.tagName}.${box.className}`);
      }
      return {
        clipping,
        items: panel.querySelectorAll('li:not(.marker)').length,
        shown: [...panel.querySelectorAll('li:not(.marker) .what')].filter((what) => what.checkVisibility())
          .length,
        smallest: Math.min(
          ...[...panel.querySelectorAll('li p')].map((p) => parseFloat(getComputedStyle(p).fontSize))
        ),
        buttons: [...panel.querySelectorAll('button')].filter((b) => b.checkVisibility()).length,
        headings: [...panel.querySelectorAll('.month h3')].map((h) => getComputedStyle(h).breakAfter)
      };
    });
    expect(printed.clipping).toEqual([]);
    expect(printed.items).toBe(entries.length);
    expect(printed.shown).toBe(entries.length);
    expect(printed.smallest).toBeGreaterThanOrEqual(12);
    // The sheet buttons do nothing on paper.
    expect(printed.buttons).toBe(0);
    expect(new Set(printed.headings)).toEqual(new Set(['avoid']));
    await page.close();
  });

  test.each([
    ['desktop', DESKTOP],
    ['phone', PHONE]
  ])('axe-core finds no critical or serious violation in the calendar (%s)', async (_, viewport) => {
    const { page } = await openAtlas(browser, '/?panel=calendar', viewport);
    await calendar(page).locator('li').first().waitFor();
    expect(await seriousViolations(page, '#panel')).toEqual([]);
    await page.close();
  });
});

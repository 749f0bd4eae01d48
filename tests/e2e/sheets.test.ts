// Sheets as a person reads, prints and hands them out: the measures aimed at the place first and
// the national ones folded last; on a phone or a tablet, what was opened last lies on top and the
// close button stays in reach; on paper, readable text, the data's date and a map filling its box
// at the selection's framing; the exported image titled with the selected place, its map across
// the width. The zones opened are read from the built data (built-data.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Measure, Zone } from '../../src/lib/types';
import { reachHeading } from '../../src/lib/labels';
import { formatDate } from '../../src/lib/format/date';
import { groupByReach } from '../../src/lib/measures/group';
import {
  EXPORT_HEIGHT,
  EXPORT_WIDTH,
  exportLayout,
  exportTitle,
  planTitle
} from '../../src/lib/export/image';
import { launchBrowser, openAtlas } from './browser';
import { atlas, places, zoneFeature } from './built-data';
import { seriousViolations } from './axe';
import { chooseFromHeaderMenu } from './header-menu';

const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };
const ATLAS_TITLE = 'Atlas de la politique de la ville · Hauts-de-France';

const measuresById = new Map(atlas.measures.map((m) => [m.id, m]));

/** A zone's sheet items, as the build linked them. */
const itemsOf = (zone: Zone) =>
  (atlas.links[zone.id] ?? []).flatMap((link) => {
    const measure = measuresById.get(link.measureId);
    return measure ? [{ measure, via: link.via }] : [];
  });

/** The zone with a measure aimed at it and the most national measures: the sheet that buried it. */
function buriedZone(): Zone {
  const candidates = atlas.zones.filter((zone) => {
    const vias = itemsOf(zone).map((item) => item.via);
    return vias.includes('zone') && vias.includes('national');
  });
  if (candidates.length === 0)
    throw new Error('the built data has no zone with both direct and national measures');
  const national = (zone: Zone) => itemsOf(zone).filter((item) => item.via === 'national').length;
  return candidates.reduce((a, b) => (national(b) > national(a) ? b : a));
}

const zone = buriedZone();
const sheetOf = (page: Page) => page.getByRole('complementary', { name: 'Fiche de la zone' });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('a sheet lists its measures by relevance', () => {
  test('direct measures first, then the zoning, département and region, national ones last', async () => {
    const groups = groupByReach(itemsOf(zone));
    const { page } = await openAtlas(browser, `/?zone=${zone.id}`, DESKTOP);
    const sheet = sheetOf(page);
    await expect
      .poll(() => sheet.getByRole('heading', { level: 4 }).allTextContents())
      .toEqual(groups.map((group) => reachHeading(group.via, group.items.length, zone.kind)));
    // The first measure read is one aimed at the zone.
    const direct = groups[0]!.items[0]!.measure;
    await expect
      .poll(() => sheet.getByRole('heading', { level: 5 }).first().textContent())
      .toBe(direct.title);
    await page.close();
  });

  test('national measures are one line each (title, programme), opening on click or Enter', async () => {
    const national = itemsOf(zone).filter((item) => item.via === 'national');
    const { page } = await openAtlas(browser, `/?zone=${zone.id}`, DESKTOP);
    const sheet = sheetOf(page);
    const heading = reachHeading('national', national.length);
    const section = sheet.locator('section', { has: page.getByRole('heading', { name: heading }) });
    const lines = section.locator('summary');
    await expect.poll(() => lines.count()).toBe(national.length);
    const first = national[0]!.measure;
    const line = lines.filter({ hasText: first.title }).first();
    // Folded: the summary of the measure is not shown until asked for.
    const summary = (measure: Measure) =>
      section.getByText(measure.summary, { exact: true }).first().isVisible();
    await expect.poll(() => summary(first)).toBe(false);
    await line.click();
    await expect.poll(() => summary(first)).toBe(true);
    if (national.length > 1) {
      const second = national[1]!.measure;
      await lines.filter({ hasText: second.title }).first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => summary(second)).toBe(true);
    }
    expect(await seriousViolations(page, '.sheet')).toEqual([]);
    await page.close();
  });
});

/** True when the element at the centre of `selector`'s box is inside it: nothing lies over it. */
async function onTop(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 40));
    return hit !== null && element.contains(hit);
  }, selector);
}

describe.each([
  ['phone', PHONE],
  ['tablet', TABLET]
])('on a %s', (_, viewport) => {
  test('Filtres opened over a sheet lies on top; Escape closes it and gives focus back to the sheet', async () => {
    const { page } = await openAtlas(browser, `/?zone=${zone.id}`, viewport);
    await sheetOf(page).waitFor();
    await page.getByRole('navigation', { name: 'Panneaux' }).getByRole('button', { name: 'Filtres' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Filtres' }).isVisible()).toBe(true);
    await expect.poll(() => onTop(page, '#panel')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#panel').count()).toBe(0);
    await expect.poll(() => sheetOf(page).isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.sheet') !== null))
      .toBe(true);
    await page.close();
  });

  test('a sheet opened with a panel lies on top of it, until the panel’s button brings it back', async () => {
    const { page } = await openAtlas(browser, `/?panel=filters&zone=${zone.id}`, viewport);
    await sheetOf(page).waitFor();
    await expect.poll(() => onTop(page, '.sheet')).toBe(true);
    await page.getByRole('navigation', { name: 'Panneaux' }).getByRole('button', { name: 'Filtres' }).click();
    await expect.poll(() => onTop(page, '#panel')).toBe(true);
    await page.close();
  });

  test('the close button stays in reach while the sheet scrolls, and closing hands focus on', async () => {
    // The sheet of the largest intercommunality, its commune list open: long enough to scroll.
    const epci = places.epcis.reduce((a, b) => (b.communes.length > a.communes.length ? b : a));
    const { page } = await openAtlas(browser, `/?epci=${epci.code}`, viewport);
    const sheet = page.getByRole('complementary', { name: "Fiche de l'intercommunalité" });
    await sheet.waitFor();
    await sheet.getByText(/^Communes \(/).click();
    await expect
      .poll(() => sheet.evaluate((element) => element.scrollHeight > element.clientHeight + 100))
      .toBe(true);
    await sheet.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => sheet.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
    const close = sheet.getByRole('button', { name: 'Fermer la fiche' });
    await expect.poll(() => close.isVisible()).toBe(true);
    await expect.poll(() => onTop(page, '.sheet .close')).toBe(true);
    await close.click();
    await expect.poll(() => sheet.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('carte');
    await page.close();
  });
});

describe('a printed sheet', { timeout: 60_000 }, () => {
  test('reads at 9 pt or more, states the data’s date, and its map fills its box on the zone', async () => {
    expect(atlas.dataDate, 'the built data are dated').toMatch(/^\d{4}-\d{2}/);
    const { page } = await openAtlas(browser, `/?zone=${zone.id}`, DESKTOP);
    await sheetOf(page).waitFor();
    await page.emulateMedia({ media: 'print' });
    // Body text: the measures' summaries, at least 12 px (9 pt).
    const sizes = await page
      .locator('.sheet .measure .description')
      .evaluateAll((nodes) => nodes.map((node) => parseFloat(getComputedStyle(node).fontSize)));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    await expect
      .poll(() => page.locator('.print-sources').textContent())
      .toContain(`Données au ${formatDate(atlas.dataDate!)}`);
    // The map is drawn for its paper box (no letterbox) and frames the zone.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const canvas = document.querySelector<HTMLCanvasElement>('.map canvas')!;
          const box = document.querySelector('.map')!.getBoundingClientRect();
          return Math.abs(canvas.width / canvas.height - box.width / box.height);
        })
      )
      .toBeLessThan(0.05);
    const [[west, south], [east, north]] = boundsOf(zone.id);
    const framed = await page.evaluate(
      ([west, south, east, north]) => {
        const element = document.querySelector('.map') as HTMLElement & { maplibre: MapLibreMap };
        const map = element.maplibre;
        const a = map.project([west!, north!]);
        const b = map.project([east!, south!]);
        return {
          left: a.x,
          top: a.y,
          right: b.x,
          bottom: b.y,
          width: element.clientWidth,
          height: element.clientHeight
        };
      },
      [west, south, east, north]
    );
    expect(framed.left).toBeGreaterThanOrEqual(-2);
    expect(framed.top).toBeGreaterThanOrEqual(-2);
    expect(framed.right).toBeLessThanOrEqual(framed.width + 2);
    expect(framed.bottom).toBeLessThanOrEqual(framed.height + 2);
    const share = Math.max(
      (framed.right - framed.left) / framed.width,
      (framed.bottom - framed.top) / framed.height
    );
    expect(share).toBeGreaterThan(0.3);
    // Back on screen, the map is the screen's again.
    await page.emulateMedia({ media: 'screen' });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const canvas = document.querySelector<HTMLCanvasElement>('.map canvas')!;
          return Math.round(canvas.getBoundingClientRect().height);
        })
      )
      .toBeGreaterThan(300);
    await page.close();
  });

  test('national measures print as one line each', async () => {
    const { page } = await openAtlas(browser, `/?zone=${zone.id}`, DESKTOP);
    const sheet = sheetOf(page);
    await sheet.locator('summary').first().click();
    await page.emulateMedia({ media: 'print' });
    // Even an opened line prints as its title and programme.
    await expect
      .poll(() =>
        sheet
          .locator('details')
          .evaluateAll(
            (nodes) => nodes.filter((node) => node.querySelector('.measure')?.checkVisibility()).length
          )
      )
      .toBe(0);
    await page.close();
  });
});

/** The bounds of a zone's outline, from the built geometry. */
function boundsOf(id: string): [[number, number], [number, number]] {
  const points: number[][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') points.push(value as number[]);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk((zoneFeature(id).geometry as { coordinates: unknown }).coordinates);
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)]
  ];
}

describe('the exported image', { timeout: 60_000 }, () => {
  test('is titled with the selected place, and its map spans the width', async () => {
    const { page } = await openAtlas(browser, `/?zone=${zone.id}`, DESKTOP);
    await sheetOf(page).waitFor();
    const download = page.waitForEvent('download');
    await chooseFromHeaderMenu(page, "Exporter l'image");
    const png = (await import('node:fs/promises')).readFile(await (await download).path());
    const base64 = (await png).toString('base64');

    // Where the title should end, from the export's own layout and the browser's font metrics.
    const title = exportTitle(ATLAS_TITLE, zone.name);
    const layout = exportLayout(EXPORT_WIDTH, EXPORT_HEIGHT);
    const sizes = Array.from({ length: 10 }, (_, i) => 46 - 2 * i);
    const widths = await page.evaluate(
      ([text, sizes]) => {
        const context = document.createElement('canvas').getContext('2d')!;
        return (sizes as number[]).map((size) => {
          context.font = `600 ${size}px 'Noto Sans', sans-serif`;
          return context.measureText(text as string).width;
        });
      },
      [title, sizes] as const
    );
    const line = planTitle(
      (text, font) => (text === title ? widths[sizes.indexOf(font.size)]! : text.length * font.size),
      title,
      layout.title,
      46,
      28
    );
    expect(line.text).toBe(title);

    const drawn = await page.evaluate(
      async ([base64, titleBand, mapRow]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const inked = (r: number, g: number, b: number) => r + g + b < 600;
        // The rightmost inked column of the title's text (above the rule under it).
        const band = context.getImageData(0, titleBand!.y, canvas.width, titleBand!.height - 8).data;
        let right = -1;
        for (let x = 0; x < canvas.width; x++) {
          for (let y = 0; y < titleBand!.height - 8; y++) {
            const i = (y * canvas.width + x) * 4;
            if (inked(band[i]!, band[i + 1]!, band[i + 2]!)) right = x;
          }
        }
        // Across the map's middle row: its frame's grey at both ends, and map (not the page's
        // white) in every column the side card does not cover.
        const row = context.getImageData(0, mapRow!.y, canvas.width, 1).data;
        const grey = (x: number) =>
          Math.abs(row[x * 4]! - 0x9a) < 24 && Math.abs(row[x * 4 + 2]! - 0x9a) < 24;
        let mapColumns = 0;
        let open = 0;
        for (let x = mapRow!.left; x < mapRow!.right; x++) {
          if (x >= mapRow!.cardLeft && x <= mapRow!.cardRight) continue;
          open++;
          const i = x * 4;
          if (row[i]! + row[i + 1]! + row[i + 2]! < 3 * 255) mapColumns++;
        }
        const framed = grey(mapRow!.left) && grey(mapRow!.right - 1);
        return { right, framed, filled: mapColumns / open };
      },
      [
        base64,
        { y: Math.round(layout.title.y), height: Math.round(layout.title.height) },
        {
          y: Math.round(layout.map.y + layout.map.height / 2),
          left: Math.round(layout.map.x),
          right: Math.round(layout.map.x + layout.map.width),
          cardLeft: Math.round(layout.side.x) - 20,
          cardRight: Math.round(layout.side.x + layout.side.width) + 20
        }
      ] as const
    );
    const titleWidth = widths[sizes.indexOf(line.font.size)]!;
    expect(drawn.right).toBeGreaterThan(line.x + titleWidth - 12);
    expect(drawn.right).toBeLessThan(line.x + titleWidth + 12);
    // The map's frame spans more than 90 % of the image, and the map fills it.
    expect(layout.map.width / EXPORT_WIDTH).toBeGreaterThan(0.9);
    expect(drawn.framed).toBe(true);
    expect(drawn.filled).toBeGreaterThan(0.97);
    await page.close();
  });
});

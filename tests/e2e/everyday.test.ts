// What a user expects of any web atlas, checked at the sizes it is used at: every header action
// reachable and on screen, the link copied, the page printed, the data's date shown, a page
// about the atlas whose figures are those of the data, and a word when a link was not understood.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, waitForMapIdle } from './browser';
import { atlas, findableQuarter } from './built-data';
import { chooseFromHeaderMenu } from './header-menu';
import { formatDate } from '../../src/lib/format/date';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 820, height: 1180 },
  { width: 390, height: 844 }
];
const PHONE_WIDTH = 767;
const MENU_ITEMS = ['Imprimer', "Exporter l'image", 'Intégrer cette carte', "À propos de l'atlas"];

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  // The clipboard is read back to check what was copied.
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

/** Opens `path` at `viewport` in the shared context, with window.print recording its calls; waits for the map. */
async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.addInitScript(() => {
    const w = window as unknown as { printCalls: number };
    w.printCalls = 0;
    window.print = () => void (w.printCalls += 1);
  });
  await page.goto(`${inject('baseURL')}${path}`);
  await waitForMapIdle(page);
  return page;
}

/** True when the element lies wholly inside the viewport and is drawn. */
async function onScreen(page: Page, locator: ReturnType<Page['locator']>): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return (
    box !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5
  );
}

/** Pairs of header controls whose boxes overlap, by their text. */
async function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('header.top')!;
    const boxes = [...header.querySelectorAll<HTMLElement>('button, input, h1')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[role="menu"]'))
      .map((el) => ({
        name: (el.textContent || el.getAttribute('aria-label') || el.tagName).trim(),
        r: el.getBoundingClientRect()
      }));
    const out: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 1 && y > 1) out.push(`${a.name} / ${b.name}`);
      }
    return out;
  });
}

describe.each(SIZES)('the header at $width×$height', (viewport) => {
  const phone = viewport.width <= PHONE_WIDTH;

  test(
    'shows every action on screen, without overflow or overlap, and the data’s date',
    { timeout: 60_000 },
    async () => {
      const page = await open('/', viewport);
      const header = page.getByRole('banner');
      const direct = [
        ...(atlas.scenes.length > 0 ? ['Présenter'] : []),
        ...(phone ? [] : ['Copier le lien', 'Hauts-de-France', 'France']),
        'Plus'
      ];
      for (const name of direct)
        await expect
          .poll(() => onScreen(page, header.getByRole('button', { name, exact: true })), { message: name })
          .toBe(true);
      await expect
        .poll(() => onScreen(page, header.getByRole('combobox', { name: /Rechercher/ })))
        .toBe(true);

      // Nothing wider than the page, nothing drawn over another control.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width
      );
      expect(await overlappingControls(page)).toEqual([]);
      // At most two rows of controls: the map keeps the height.
      expect((await header.boundingBox())!.height).toBeLessThanOrEqual(phone ? 120 : 115);

      // The date of the newest source text, from the data, readable.
      const date = header.locator('time');
      expect(await date.getAttribute('datetime')).toBe(atlas.dataDate);
      expect(await date.textContent()).toBe(formatDate(atlas.dataDate!));
      expect(await onScreen(page, date)).toBe(true);
      expect(await date.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(
        12
      );

      // The menu's items, each on screen once it is open.
      await header.getByRole('button', { name: 'Plus' }).click();
      const menu = page.getByRole('menu', { name: 'Plus' });
      const items = [...MENU_ITEMS, ...(phone ? ['Copier le lien', /^Cadrer : /] : [])];
      for (const name of items) {
        const item = menu.getByRole('menuitem', { name }).first();
        await expect.poll(() => onScreen(page, item), { message: String(name) }).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width
      );
      expect(await seriousViolations(page, 'header.top')).toEqual([]);
      await page.close();
    }
  );
});

describe('header actions', () => {
  test('« Copier le lien » puts the current address in the clipboard and says so', async () => {
    const quarter = findableQuarter();
    const page = await open(`/?zone=${quarter.id}`, SIZES[0]!);
    await page.getByRole('banner').getByRole('button', { name: 'Copier le lien' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Lien copié' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await page.close();
  });

  test('when the Clipboard API is refused, the link is still copied', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await page.goto(`${inject('baseURL')}/?prog=${atlas.zones[0]!.programmes[0]}`);
    await waitForMapIdle(page);
    await page.getByRole('banner').getByRole('button', { name: 'Copier le lien' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Lien copié' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await page.close();
  });

  test('on the phone, the menu copies the link', async () => {
    const page = await open(`/?zone=${findableQuarter().id}`, SIZES[4]!);
    await chooseFromHeaderMenu(page, 'Copier le lien');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Lien copié' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await page.close();
  });

  test('« Imprimer » prints the page, with the menu closed', async () => {
    const page = await open('/', SIZES[0]!);
    await chooseFromHeaderMenu(page, 'Imprimer');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls))
      .toBe(1);
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.close();
  });

  test('the menu works from the keyboard and gives focus back to its button', async () => {
    const page = await open('/', SIZES[0]!);
    const button = page.getByRole('banner').getByRole('button', { name: 'Plus' });
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(focused).toBe(MENU_ITEMS[0]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(MENU_ITEMS[1]);
    await page.keyboard.press('End');
    await expect.poll(focused).toBe(MENU_ITEMS.at(-1));
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(MENU_ITEMS[0]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(MENU_ITEMS.at(-1));
    expect(await seriousViolations(page, 'header.top')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    // Space opens it too; ↑ on the button lands on the last item.
    await page.keyboard.press(' ');
    await expect.poll(focused).toBe(MENU_ITEMS[0]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(MENU_ITEMS.at(-1));
    await page.close();
  });
});

describe('the « À propos » page', () => {
  for (const viewport of [SIZES[0]!, SIZES[4]!]) {
    test(`at ${viewport.width}×${viewport.height}, states the built data's figures and sources, readable, with a way back`, async () => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${inject('baseURL')}/a-propos`);
      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 1, name: "À propos de l'atlas" }).waitFor();

      const text = (await main.textContent())!.replace(/\s+/g, ' ');
      const quarters = atlas.zones.filter((z) => z.kind === 'quarter').length;
      const territories = atlas.zones.filter((z) => z.kind === 'acceleration-territory').length;
      if (quarters > 0) expect(text).toContain(`${quarters} quartier`);
      if (territories > 0) expect(text).toContain(`${territories} territoire`);
      expect(text).toContain(`${atlas.measures.length} mesures`);
      expect(await main.locator('[data-qpv-drawn]').textContent()).toBe(String(atlas.qpvSource.drawn));
      for (const document of atlas.documents) {
        expect(text).toContain(document.title);
        expect(text).toContain(formatDate(document.date));
      }
      for (const source of atlas.sources) expect(text).toContain(source.title);
      const qpvSource = atlas.sources.find((s) => s.id === atlas.qpvSource.id);
      if (qpvSource)
        expect(text).toContain(`${qpvSource.title} (${qpvSource.publisher}, ${qpvSource.vintage})`);
      expect(text).toContain('Citer l');

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width
      );
      expect(await seriousViolations(page)).toEqual([]);

      await main
        .getByRole('link', { name: /Retour à la carte/ })
        .first()
        .click();
      await waitForMapIdle(page);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.close();
    });
  }

  test('states the counting rule with the very words of the filters panel', async () => {
    const page = await open('/?panel=filters', SIZES[0]!);
    const panelRule = (await page.locator('p.rule').first().textContent())!.replace(/\s+/g, ' ').trim();
    await chooseFromHeaderMenu(page, "À propos de l'atlas");
    await expect.poll(() => new URL(page.url()).pathname).toBe('/a-propos');
    const section = page.getByRole('region', { name: 'Règle de comptage' });
    const aboutRule = (await section.locator('p').textContent())!.replace(/\s+/g, ' ').trim();
    expect(aboutRule.length).toBeGreaterThan(20);
    expect(panelRule.startsWith(aboutRule)).toBe(true);
    await page.close();
  });

  test('is linked from the page for an unknown address', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('baseURL')}/une-adresse-inconnue`);
    await page.getByRole('link', { name: "À propos de l'atlas" }).click();
    await page.getByRole('heading', { level: 1, name: "À propos de l'atlas" }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/a-propos');
    await page.close();
  });
});

describe('a link with parameters the atlas does not understand', () => {
  const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Lien partiellement compris' });

  test('says which value was ignored, can be closed, and the rest of the link applies', async () => {
    const page = await open(`/?zone=zone-inexistante&panel=list&couleur=rouge`, SIZES[0]!);
    await expect.poll(() => notice(page).textContent()).toContain('« zone-inexistante »');
    expect(await notice(page).textContent()).toContain('« couleur »');
    // The list panel the link asked for is open.
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'Panneaux' })
          .getByRole('button', { name: 'Liste' })
          .getAttribute('aria-pressed')
      )
      .toBe('true');
    expect(await seriousViolations(page, '.notice.link-report')).toEqual([]);
    await notice(page).getByRole('button', { name: "Fermer l'avis sur le lien" }).click();
    await expect.poll(() => notice(page).count()).toBe(0);
    await page.close();
  });

  test('names an unknown commune code once the commune list has loaded', async () => {
    const page = await open('/?commune=00000', SIZES[4]!);
    await expect.poll(() => notice(page).textContent()).toContain('la commune « 00000 »');
    await page.close();
  });

  test('says nothing for a link the atlas wrote', async () => {
    const quarter = findableQuarter();
    const page = await open(`/?zone=${quarter.id}&panel=filters`, SIZES[0]!);
    // Let the place lists arrive: a commune or EPCI code is only judged then.
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').some((e) => e.name.endsWith('/data/places.json'))
        )
      )
      .toBe(true);
    await page.getByRole('complementary', { name: 'Fiche de la zone' }).waitFor();
    await page.waitForTimeout(500);
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });
});

// The features the first picture does not need, each loaded when a visitor opens it, with the
// JS and CSS it may download then. Shared by the size budgets (tests/e2e/budgets.test.ts) and
// `npm run bench`, which prints them.
import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { waitForMapIdle } from './chromium';
import { isCode } from './first-load';

/** How a visitor opens a feature once the atlas is drawn. */
export type Opening =
  /** An address followed as a link inside the page (SvelteKit's router, no reload). */
  | { address: string }
  /**
   * An action of the header, by its accessible name: a button, or an item of the header's
   * « Plus » menu where the build has one.
   */
  | { action: string };

/** One lazily loaded feature and its budget. */
export interface LazyFeature {
  /** What it is, as the budget test names it. */
  name: string;
  open: Opening;
  /**
   * Resolves once the feature is open; called just before it is opened (an event can then not
   * be missed). The download count then settles.
   */
  opened: (page: Page) => Promise<unknown>;
  /** Its JS + CSS downloaded after the first idle, KB (1024 bytes) gzip. */
  budgetKB: number;
}

/** Resolves once `locator` is shown. */
const shows = (locator: Locator) => locator.first().waitFor({ timeout: 30_000 });

/**
 * The budgets: each is the size measured when it was set, plus about 15 % of headroom (at least
 * 0.4 KB), so that a small fix fits and a new dependency or a second copy of a module does not.
 * Measured on 5 Dec 2026: calendar 3.46 KB (4.32 once a national measure could open in place),
 * summary 12.73 (d3's scales and colours), presenter 4.33, header menu 2.42, embed dialog 1.81,
 * image export 3.08 (with the map's reframing for the image), data page 4.16 (4.82 with the
 * selection download's styles, when the page had not yet fetched them itself), about page 2.73.
 * A size counts what the feature adds to what the page loaded on its own after its first idle
 * (the lists, the sheets' and closed panels' code), gzip of each file as served.
 */
export const LAZY_FEATURES: LazyFeature[] = [
  {
    name: 'calendar',
    open: { address: '/?panel=calendar' },
    opened: (page) => shows(page.getByRole('heading', { name: 'Calendrier', level: 2 })),
    budgetKB: 5
  },
  {
    name: 'summary',
    open: { address: '/?panel=summary' },
    opened: (page) => shows(page.getByRole('heading', { name: 'Synthèse régionale', level: 2 })),
    budgetKB: 14.5
  },
  {
    name: 'presenter',
    open: { action: 'Présenter' },
    opened: (page) => shows(page.getByRole('region', { name: 'Présentation' })),
    budgetKB: 5
  },
  {
    name: 'header menu',
    open: { action: 'Plus' },
    opened: (page) => shows(page.getByRole('menu', { name: 'Plus' })),
    budgetKB: 2.8
  },
  {
    name: 'embed dialog',
    open: { action: 'Intégrer cette carte' },
    opened: (page) => shows(page.getByRole('dialog', { name: 'Intégrer cette carte' })),
    budgetKB: 2.3
  },
  {
    name: 'image export',
    open: { action: "Exporter l'image" },
    // The image is rendered and handed to the browser as a download: the export has run.
    opened: (page) => page.waitForEvent('download', { timeout: 30_000 }),
    budgetKB: 3.6
  },
  {
    name: 'data page',
    open: { address: '/?panel=data' },
    opened: (page) => shows(page.locator('#panel')),
    budgetKB: 5.6
  },
  {
    name: 'about page',
    open: { address: '/a-propos' },
    opened: async (page) => {
      await page.waitForURL(/\/a-propos/, { timeout: 30_000 });
      await shows(page.getByRole('heading', { level: 1 }));
    },
    budgetKB: 3.2
  }
];

/** Follows `address` as a link inside the page, as a click on one would (client-side navigation). */
async function follow(page: Page, address: string): Promise<void> {
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    // Inside the app's root, where SvelteKit's router listens for clicks on links.
    (document.querySelector('.app') ?? document.body).append(link);
    link.click();
    link.remove();
  }, address);
}

/**
 * Makes a header action ready to click: its button, or its item once the header's « Plus » menu
 * is open. The menu's own code is then already loaded: it is a feature of its own.
 */
async function reachAction(page: Page, name: string): Promise<Locator> {
  const header = page.getByRole('banner');
  const button = header.getByRole('button', { name, exact: true });
  if (await button.isVisible()) return button;
  await header.getByRole('button', { name: 'Plus', exact: true }).click();
  const item = page.getByRole('menu', { name: 'Plus' }).getByRole('menuitem', { name, exact: true });
  await item.waitFor({ timeout: 30_000 });
  return item;
}

/** Resolves once no JS or CSS response has arrived for `ms` (what a step set off has landed). */
async function settled(page: Page, last: () => number, ms: number): Promise<void> {
  while (Date.now() - last() < ms) await page.waitForTimeout(100);
}

/** What opening `feature` downloads of JS and CSS after the atlas's first idle: gzip bytes and files. */
export async function lazyFeatureBytes(
  browser: Browser,
  baseURL: string,
  feature: LazyFeature
): Promise<{ gzip: number; files: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const before = new Set<string>();
  const after = new Map<string, Promise<Buffer | null>>();
  let armed = false;
  let lastResponse = Date.now();
  page.on('response', (response) => {
    const url = response.url();
    if (!isCode(url)) return;
    lastResponse = Date.now();
    if (!armed) before.add(url);
    else if (!before.has(url) && !after.has(url)) {
      after.set(
        url,
        response.body().catch(() => null)
      );
    }
  });
  try {
    await page.goto(`${baseURL}/`);
    await waitForMapIdle(page);
    // What the page fetches on its own after its first idle lands before the feature is opened.
    const action = 'action' in feature.open ? await reachAction(page, feature.open.action) : null;
    await settled(page, () => lastResponse, 1500);
    armed = true;
    const opened = feature.opened(page);
    if ('address' in feature.open) await follow(page, feature.open.address);
    else await action!.click();
    await opened;
    await settled(page, () => lastResponse, 1000);
    const files: string[] = [];
    let gzip = 0;
    for (const [url, body] of after) {
      const bytes = await body;
      if (!bytes) continue;
      files.push(new URL(url).pathname.split('/').pop()!);
      gzip += gzipSync(bytes).length;
    }
    return { gzip, files };
  } finally {
    await context.close();
  }
}

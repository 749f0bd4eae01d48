// What the built atlas downloads until its map's first idle, by kind, raw and gzip.
// Shared by the size budgets (tests/e2e/budgets.test.ts) and `npm run bench`.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { waitForMapIdle } from './chromium';

/** Kinds of download; 'lazy' is anything asked for after the map's first idle. */
export type Kind = 'js' | 'css' | 'geodata' | 'font' | 'other' | 'lazy';

/** Bytes of one kind of download. */
export interface Total {
  raw: number;
  gzip: number;
  files: number;
}

/** The budgets the atlas must hold at first load, in KB (1024 bytes) of gzip. */
export const BUDGET_KB = { jsAndCss: 500, geodata: 250 } as const;

function kindOf(url: string): Kind {
  const path = new URL(url).pathname;
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.startsWith('/data/')) return 'geodata';
  if (/\.(woff2?|ttf)$/.test(path)) return 'font';
  return 'other';
}

/** Loads the atlas in a fresh context (no HTTP cache) at `viewport` and totals what it downloads. */
export async function firstLoadBytes(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 800 }
): Promise<{ totals: Record<Kind, Total>; mapSize: string }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer | null>>();
  // Downloads with no resource-timing entry (the service worker script) are placed by when
  // their response arrived: after the first idle is seen, they are lazy.
  const afterIdle = new Set<string>();
  let idleSeen = false;
  page.on('response', (response) => {
    if (bodies.has(response.url())) return;
    bodies.set(
      response.url(),
      response.body().catch(() => null)
    );
    if (idleSeen) afterIdle.add(response.url());
  });
  await page.goto(`${baseURL}/`);
  await waitForMapIdle(page);
  idleSeen = true;
  // What the page asks for after its first idle (the commune list) is counted as lazy.
  await page.waitForTimeout(1500);
  const { firstIdle, starts } = await page.evaluate(() => ({
    firstIdle: performance.getEntriesByName('atlas:first-idle')[0]?.startTime ?? Infinity,
    starts: Object.fromEntries(performance.getEntriesByType('resource').map((r) => [r.name, r.startTime]))
  }));
  const mapSize = await page.evaluate(() => {
    const map = document.querySelector<HTMLElement>('.map')!;
    return `${map.clientWidth}x${map.clientHeight}`;
  });
  const totals = Object.fromEntries(
    (['js', 'css', 'geodata', 'font', 'other', 'lazy'] as const).map((k) => [
      k,
      { raw: 0, gzip: 0, files: 0 }
    ])
  ) as Record<Kind, Total>;
  for (const [url, body] of bodies) {
    const bytes = await body;
    if (!bytes) continue;
    const start = starts[url];
    const lazy = start === undefined ? afterIdle.has(url) : start > firstIdle;
    const total = totals[lazy ? 'lazy' : kindOf(url)];
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes).length;
    total.files += 1;
  }
  await context.close();
  return { totals, mapSize };
}

// What the built atlas downloads until its map's first idle, by kind, raw and gzip, its JS and
// CSS split between MapLibre's and the app's own.
// Shared by the size budgets (tests/e2e/budgets.test.ts) and `npm run bench`.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { MAPLIBRE_CHUNK } from '../../src/lib/app/chunk-groups';
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

/**
 * The app's own JS and CSS at first load (everything but MapLibre and its worker) may not grow
 * beyond what it weighed on 5 Dec 2026 (commit b55aec0 with MapLibre in a chunk of its own: 74.69 KB
 * gzip, 20 files). New features load when asked for; what the first picture needs stays this size.
 */
export const APP_CODE_KB = 74.7;

/** Whose code a JS or CSS file is: the map engine's (MapLibre and its worker) or the app's own. */
export type Owner = 'maplibre' | 'app';

/**
 * MapLibre's files, told by the names the build gives them (src/lib/app/chunk-groups.ts): its
 * main chunk and stylesheet `maplibre.<hash>.js|css`, its worker `maplibre-gl-worker.<hash>.mjs`.
 */
export function ownerOf(url: string): Owner {
  const file = new URL(url).pathname.split('/').pop() ?? '';
  return file.startsWith(`${MAPLIBRE_CHUNK}.`) || file.startsWith('maplibre-gl-worker.') ? 'maplibre' : 'app';
}

/** Whether a download is JavaScript or CSS (the code the JS+CSS budgets count). */
export function isCode(url: string): boolean {
  const kind = kindOf(url);
  return kind === 'js' || kind === 'css';
}

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
): Promise<{ totals: Record<Kind, Total>; code: Record<Owner, Total>; mapSize: string }> {
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
  const code: Record<Owner, Total> = {
    maplibre: { raw: 0, gzip: 0, files: 0 },
    app: { raw: 0, gzip: 0, files: 0 }
  };
  for (const [url, body] of bodies) {
    const bytes = await body;
    if (!bytes) continue;
    const start = starts[url];
    const lazy = start === undefined ? afterIdle.has(url) : start > firstIdle;
    const gzip = gzipSync(bytes).length;
    // The first load's JS and CSS, split by whose code it is.
    for (const total of [
      totals[lazy ? 'lazy' : kindOf(url)],
      ...(!lazy && isCode(url) ? [code[ownerOf(url)]] : [])
    ]) {
      total.raw += bytes.length;
      total.gzip += gzip;
      total.files += 1;
    }
  }
  await context.close();
  return { totals, code, mapSize };
}

// `npm run bench`: figures for the built site, printed, never asserted.
// First-load bytes by kind (raw and gzip), the median time from navigation
// to the map's first idle, and the median latency of three interactions
// (filter click → map idle, search Enter → sheet shown, scene step → map
// idle), each over five runs. Interactions are timed inside the page.
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForMapIdle } from '../e2e/chromium';
import { startPreview } from '../e2e/server';

const RUNS = 5;

type Kind = 'js' | 'css' | 'geodata' | 'font' | 'other' | 'lazy';

function kindOf(url: string): Kind {
  const path = new URL(url).pathname;
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.startsWith('/data/')) return 'geodata';
  if (/\.(woff2?|ttf)$/.test(path)) return 'font';
  return 'other';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Resource start times and the first-idle mark, on the page's own clock. */
async function pageTimeline(page: Page): Promise<{ firstIdle: number; starts: Record<string, number> }> {
  return page.evaluate(() => ({
    firstIdle: performance.getEntriesByName('atlas:first-idle')[0]?.startTime ?? Infinity,
    starts: Object.fromEntries(performance.getEntriesByType('resource').map((r) => [r.name, r.startTime]))
  }));
}

async function firstLoadBytes(browser: Browser, baseURL: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const bodies = new Map<string, Promise<Buffer | null>>();
  page.on('response', (response) => {
    if (!bodies.has(response.url()))
      bodies.set(
        response.url(),
        response.body().catch(() => null)
      );
  });
  await page.goto(`${baseURL}/`);
  await waitForMapIdle(page);
  // What the page asks for after its first idle (the commune list) is counted as lazy.
  await page.waitForTimeout(1500);
  const { firstIdle, starts } = await pageTimeline(page);
  const totals = Object.fromEntries(
    (['js', 'css', 'geodata', 'font', 'other', 'lazy'] as const).map((k) => [
      k,
      { raw: 0, gzip: 0, files: 0 }
    ])
  ) as Record<Kind, { raw: number; gzip: number; files: number }>;
  for (const [url, body] of bodies) {
    const bytes = await body;
    if (!bytes) continue;
    const total = totals[(starts[url] ?? 0) > firstIdle ? 'lazy' : kindOf(url)];
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes).length;
    total.files += 1;
  }
  await page.close();
  return totals;
}

/** Navigation start → the map's first idle, read from the page's User Timing mark. */
async function timeToIdle(browser: Browser, baseURL: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${baseURL}/`);
  await waitForMapIdle(page);
  const { firstIdle } = await pageTimeline(page);
  await page.close();
  return firstIdle;
}

/** In-page: time from `act()` to the map's next busy → idle transition (data-idle). */
function untilNextIdle(act: () => void): Promise<number> {
  return new Promise((resolve) => {
    const map = document.querySelector<HTMLElement>('.map')!;
    let busy = false;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (map.dataset.idle !== 'true') busy = true;
      else if (busy) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    });
    observer.observe(map, { attributes: true, attributeFilter: ['data-idle'] });
    act();
  });
}

async function filterToIdle(browser: Browser, baseURL: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${baseURL}/?panel=filters`);
  await waitForMapIdle(page);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    times.push(
      await page.evaluate(
        `(${untilNextIdle.toString()})(() => document.querySelector('#panel input[type=checkbox]').click())`
      )
    );
  }
  await page.close();
  return times;
}

async function searchToSheet(browser: Browser, baseURL: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${baseURL}/`);
  await waitForMapIdle(page);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const search = page.getByRole('combobox', { name: /Rechercher/ });
    await search.fill('lievin');
    await page.getByRole('option').first().waitFor();
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector('aside[aria-label="Fiche de la zone"] h2')) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            const input = document.querySelector<HTMLInputElement>('input[role=combobox]')!;
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          })
      )
    );
    await page.getByRole('button', { name: 'Fermer la fiche' }).click();
    await page.locator('aside[aria-label="Fiche de la zone"]').waitFor({ state: 'detached' });
  }
  await page.close();
  return times;
}

async function sceneToIdle(browser: Browser, baseURL: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${baseURL}/?present=1&scene=1`);
  await waitForMapIdle(page);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    times.push(
      await page.evaluate(
        `(${untilNextIdle.toString()})(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' })))`
      )
    );
  }
  await page.close();
  return times;
}

function report(label: string, times: number[], budget: string) {
  console.log(
    `${label}: median ${median(times).toFixed(0)} ms over ${times.length} runs (${budget}; runs: ${times.map((t) => t.toFixed(0)).join(', ')})`
  );
}

/** Runs one interaction benchmark; a failure is printed with its cause instead of ending the run. */
async function measure(label: string, budget: string, run: () => Promise<number[]>) {
  try {
    report(label, await run(), budget);
  } catch (error) {
    console.log(`${label}: FAILED (${(error as Error).message.split('\n')[0]})`);
  }
}

const server = await startPreview();
const browser = await launchBrowser();
try {
  const totals = await firstLoadBytes(browser, server.baseURL);
  console.log('First load until the map is idle ("lazy": what loads in the 1.5 s after):');
  for (const [kind, total] of Object.entries(totals)) {
    console.log(
      `  ${kind.padEnd(8)} ${String(total.files).padStart(3)} files  ${kb(total.raw).padStart(10)} raw  ${kb(total.gzip).padStart(10)} gzip`
    );
  }
  console.log(`  geodata at start gzip: ${kb(totals.geodata.gzip)} (budget 250 KB)`);
  console.log(`  JS + CSS gzip: ${kb(totals.js.gzip + totals.css.gzip)} (budget 500 KB)`);
  const idle: number[] = [];
  for (let run = 0; run < RUNS; run++) idle.push(await timeToIdle(browser, server.baseURL));
  report('Navigation → first map idle', idle, 'budget 1500 ms; software WebGL here');
  const marks = await (async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.baseURL}/`);
    await waitForMapIdle(page);
    const entries = await page.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)} ms`)
    );
    await page.close();
    return entries;
  })();
  console.log(`  one load's marks: ${marks.join(', ')}`);
  await measure('Filter click → map idle', 'aim 100 ms', () => filterToIdle(browser, server.baseURL));
  await measure('Search Enter → sheet shown', 'aim 100 ms', () => searchToSheet(browser, server.baseURL));
  await measure('Scene step → map idle', 'includes the 900 ms camera flight', () =>
    sceneToIdle(browser, server.baseURL)
  );
} finally {
  await browser.close();
  server.stop();
}

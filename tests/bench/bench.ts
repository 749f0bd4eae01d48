// `npm run bench`: figures for the built site, printed, never asserted.
// First-load bytes by kind (raw and gzip) and the median time from
// navigation to the map's first idle over five fresh page loads.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
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

async function firstLoadBytes(browser: Browser, baseURL: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const totals: Record<Kind, { raw: number; gzip: number; files: number }> = {
    js: { raw: 0, gzip: 0, files: 0 },
    css: { raw: 0, gzip: 0, files: 0 },
    geodata: { raw: 0, gzip: 0, files: 0 },
    font: { raw: 0, gzip: 0, files: 0 },
    other: { raw: 0, gzip: 0, files: 0 },
    lazy: { raw: 0, gzip: 0, files: 0 }
  };
  const pending: Promise<void>[] = [];
  let idle = false;
  page.on('response', (response) => {
    const kind = idle ? 'lazy' : kindOf(response.url());
    pending.push(
      response.body().then(
        (body) => {
          const total = totals[kind];
          total.raw += body.length;
          total.gzip += gzipSync(body).length;
          total.files += 1;
        },
        () => undefined
      )
    );
  });
  await page.goto(`${baseURL}/`);
  await waitForMapIdle(page);
  // Lazy layers (communes) load after the first idle; they are counted apart.
  idle = true;
  await page.waitForTimeout(1500);
  await Promise.all(pending);
  await page.close();
  return totals;
}

async function timeToIdle(browser: Browser, baseURL: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const start = performance.now();
  await page.goto(`${baseURL}/`);
  await waitForMapIdle(page);
  const elapsed = performance.now() - start;
  await page.close();
  return elapsed;
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
  console.log(
    `Navigation → first map idle: median ${median(idle).toFixed(0)} ms over ${RUNS} runs (budget 1500 ms; runs: ${idle.map((t) => t.toFixed(0)).join(', ')})`
  );
} finally {
  await browser.close();
  server.stop();
}

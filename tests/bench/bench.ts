// `npm run bench`: figures for the built site, printed. The size budgets are also failing
// tests (tests/e2e/budgets.test.ts); timings are only printed here.
//
// - First-load bytes by kind (raw and gzip), MapLibre's apart from the app's own code, and what
//   each lazy feature downloads when opened.
// - First picture (navigation → the map's first idle) of the atlas and of a bare MapLibre page
//   drawing the same picture (tests/bench/bare/: the atlas's own style, taken from the atlas once
//   drawn, so the same files, layers, labels and font, at the same camera), measured in the same
//   run, alternating, cold (a fresh browser context: no HTTP cache) and warm (a second visit in
//   the same context), at 1280×800 and 1920×1080, and on the national synthetic data set.
// - Interactions, timed inside the page: filter click → map idle, search Enter → sheet shown
//   (and the camera flight it starts), scene step → map idle (and its camera flight).
// - A table of the goals, each "met" or "MISSED".
// The machine is shared and its WebGL is software: read the ratios first.
// BENCH_RUNS sets the number of runs (7); BENCH_BASELINE=<build folder> times another build
// of the atlas side by side with this one (copy build/ aside before a change, then rebuild);
// BENCH_NATIONAL=0 skips the national-scale measures.
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForMapIdle } from '../e2e/chromium';
import { APP_CODE_KB, BUDGET_KB, firstLoadBytes } from '../e2e/first-load';
import { LAZY_FEATURES, lazyFeatureBytes } from '../e2e/lazy-features';
import { idleAfter } from './idle';
import { startBenchServer, type BenchServer } from './server';
import { benchNational, withNationalServer } from './national';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const VIEWPORT = { width: 1280, height: 800 };
/** The screen sizes the first picture is timed at. */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 }
];
/** Goals: first idle within this ratio of the bare page's; interactions within this many ms. */
const GOAL = { ratio: 1.2, interactionMs: 100, sceneMs: 1000 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Start time of a User Timing mark on the page's clock (navigation start = 0). */
async function markTime(page: Page, name: string): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, {
    timeout: 60_000
  });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, name);
}

/** A page to time: its address and the User Timing marks it sets. */
interface Subject {
  url: string;
  created: string;
  idle: string;
}

/** One load's times: map created, first idle (ms after navigation start). */
interface LoadTimes {
  created: number;
  idle: number;
}

/** Cold: a fresh context (empty HTTP cache). Warm: the second visit in one context. */
async function timeLoad(
  browser: Browser,
  subject: Subject,
  warm: boolean,
  viewport: { width: number; height: number }
): Promise<LoadTimes> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (warm) {
    await page.goto(subject.url);
    await markTime(page, subject.idle);
    // Let what the page fetches after its first idle land in the cache too.
    await page.waitForTimeout(1000);
  }
  await page.goto(subject.url);
  const idle = await markTime(page, subject.idle);
  const created = await markTime(page, subject.created);
  await context.close();
  return { created, idle };
}

async function filterToIdle(browser: Browser, baseURL: string) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${baseURL}/?panel=filters`);
  await waitForMapIdle(page);
  const idle: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    idle.push((await idleAfter(page, `document.querySelector('#panel input[type=checkbox]').click()`)).idle);
  }
  await page.close();
  return { 'filter click → map idle': idle };
}

/** Quarters searched in turn, so that every search moves the camera. */
const QUERIES = ['baudimont', 'degroote', 'bourgogne', 'oliveaux', 'liebaut', 'chasse royale', 'lievin'];

async function searchToSheet(browser: Browser, baseURL: string) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${baseURL}/`);
  await waitForMapIdle(page);
  const sheet: number[] = [];
  const flight: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const search = page.getByRole('combobox', { name: /Rechercher/ });
    await search.fill(QUERIES[run % QUERIES.length]!);
    await page.getByRole('option').first().waitFor();
    await page.evaluate(() => performance.clearMarks('atlas:sheet-shown'));
    const result = await idleAfter(
      page,
      `window.__searchStart = performance.now();
       const observer = new MutationObserver(() => {
         if (document.querySelector('aside[aria-label="Fiche de la zone"] h2')) {
           observer.disconnect();
           performance.mark('atlas:sheet-shown');
         }
       });
       observer.observe(document.body, { childList: true, subtree: true });
       document.querySelector('input[role=combobox]').dispatchEvent(
         new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));`
    );
    sheet.push(
      await page.evaluate(
        () =>
          performance.getEntriesByName('atlas:sheet-shown')[0]!.startTime -
          (window as unknown as { __searchStart: number }).__searchStart
      )
    );
    if (result.flight !== null) flight.push(result.flight);
    await page.getByRole('button', { name: 'Fermer la fiche' }).click();
    await page.locator('aside[aria-label="Fiche de la zone"]').waitFor({ state: 'detached' });
  }
  await page.close();
  return { 'search Enter → sheet shown': sheet, 'search camera flight': flight };
}

async function sceneToIdle(browser: Browser, baseURL: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const start = async () => {
    await page.goto(`${baseURL}/?present=1&scene=1`);
    await waitForMapIdle(page);
  };
  await start();
  const idle: number[] = [];
  const flight: number[] = [];
  while (idle.length < RUNS) {
    // A scene shown in parts steps through them first, without moving the map: those steps
    // are taken untimed. Every timed step is a new scene, so a new flight; at the last scene
    // the deck starts again.
    // Read at once: a locator would wait for a part line that a scene in one piece has not.
    const { part, counter } = await page.evaluate(() => ({
      part: document.querySelector('.presenter .part')?.textContent ?? '',
      counter: document.querySelector('.presenter .counter')?.textContent ?? ''
    }));
    const [at = 0, count = 0] = /(\d+) \/ (\d+)/.exec(counter)?.slice(1).map(Number) ?? [];
    if (part.includes('suite')) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(200);
      continue;
    }
    if (at >= count) {
      await start();
      continue;
    }
    const result = await idleAfter(
      page,
      `window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' }))`
    );
    idle.push(result.idle);
    if (result.flight !== null) flight.push(result.flight);
  }
  await page.close();
  return { 'scene step → map idle': idle, 'scene camera flight (given 900 ms)': flight };
}

/** Runs one interaction benchmark, printing each median; a failure is printed with its cause instead of ending the run. */
async function measure(run: () => Promise<Record<string, number[]>>): Promise<Record<string, number>> {
  try {
    const medians: Record<string, number> = {};
    for (const [label, times] of Object.entries(await run())) {
      medians[label] = median(times);
      console.log(
        `  ${label}: median ${ms(median(times))} (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`
      );
    }
    return medians;
  } catch (error) {
    console.log(`  FAILED (${(error as Error).message.split('\n')[0]})`);
    return {};
  }
}

/** The atlas's start-up picture as the bare page draws it: its style and camera, at a map size. */
interface Picture {
  style: string;
  center: [number, number];
  zoom: number;
  size: string;
}

/**
 * Takes the picture the atlas draws at start, at `viewport`, from its map once idle: the style
 * (every source, layer, label and the `font-faces`, with addresses made absolute) and the camera.
 */
async function atlasPicture(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number }
): Promise<Picture> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${baseURL}/`);
  await waitForMapIdle(page);
  const taken = await page.evaluate(() => {
    const element = document.querySelector('.map') as HTMLElement & {
      maplibre: {
        getStyle: () => Record<string, unknown>;
        getCenter: () => { lng: number; lat: number };
        getZoom: () => number;
      };
    };
    const { lng, lat } = element.maplibre.getCenter();
    return {
      style: element.maplibre.getStyle(),
      center: [lng, lat] as [number, number],
      zoom: element.maplibre.getZoom(),
      size: `${element.clientWidth}x${element.clientHeight}`,
      href: location.href
    };
  });
  // The font's address is relative to the atlas's page; the bare page lives elsewhere.
  const absolute = (value: unknown, key = ''): unknown =>
    typeof value === 'string' && key !== 'unicode-range'
      ? new URL(value, taken.href).href
      : Array.isArray(value)
        ? value.map((item) => absolute(item))
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, absolute(v, k)]))
          : value;
  const style = { ...taken.style, 'font-faces': absolute(taken.style['font-faces']) };
  const picture = { style: JSON.stringify(style), center: taken.center, zoom: taken.zoom, size: taken.size };
  await page.close();
  return picture;
}

/** First-idle medians of one page, cold and warm. */
interface Medians {
  cold: number;
  warm: number;
}

/**
 * Times the atlas against the bare page drawing its picture, alternating, cold and warm, at
 * `viewport`, on `server` (its own data, or the national set); prints and returns the medians.
 */
async function samePicture(
  browser: Browser,
  server: BenchServer,
  viewport: { width: number; height: number },
  label: string,
  baseline?: BenchServer
): Promise<Record<string, Medians>> {
  const picture = await atlasPicture(browser, server.baseURL, viewport);
  const stylePath = `/bench-bare/style-${viewport.width}x${viewport.height}.json`;
  server.files[stylePath] = picture.style;
  const subjects: Record<string, Subject> = {
    atlas: { url: `${server.baseURL}/`, created: 'atlas:map-created', idle: 'atlas:first-idle' },
    ...(baseline
      ? {
          baseline: { url: `${baseline.baseURL}/`, created: 'atlas:map-created', idle: 'atlas:first-idle' }
        }
      : {}),
    bare: {
      url:
        `${server.baseURL}/bench-bare/?style=${encodeURIComponent(`${server.baseURL}${stylePath}`)}` +
        `&center=${picture.center.join(',')}&zoom=${picture.zoom}&size=${picture.size}`,
      created: 'bare:map-created',
      idle: 'bare:first-idle'
    }
  };
  const names = Object.keys(subjects);
  const times = {
    cold: Object.fromEntries(names.map((name) => [name, [] as LoadTimes[]])),
    warm: Object.fromEntries(names.map((name) => [name, [] as LoadTimes[]]))
  };
  for (let run = 0; run < RUNS; run++) {
    // Each page goes first in turn.
    const order = names.map((_, i) => names[(i + run) % names.length]!);
    for (const temperature of ['cold', 'warm'] as const) {
      for (const name of order) {
        times[temperature][name]!.push(
          await timeLoad(browser, subjects[name]!, temperature === 'warm', viewport)
        );
      }
    }
  }
  console.log(
    `\nFirst picture, ${label}: navigation → first map idle, median of ${RUNS} alternating runs, map ${picture.size} px` +
      ` (the bare page draws the atlas's own style at its camera: same files, layers, labels and font)`
  );
  const result: Record<string, Medians> = {};
  for (const name of names) result[name] = { cold: 0, warm: 0 };
  for (const temperature of ['cold', 'warm'] as const) {
    const idle = (name: string) => median(times[temperature][name]!.map((t) => t.idle));
    const created = (name: string) => median(times[temperature][name]!.map((t) => t.created));
    for (const name of names) result[name]![temperature] = idle(name);
    for (const name of names.filter((n) => n !== 'bare')) {
      console.log(
        `  ${temperature}: ${name} ${ms(idle(name))}, bare ${ms(idle('bare'))}, ratio ${(idle(name) / idle('bare')).toFixed(2)}×` +
          ` (goal ≤ ${GOAL.ratio.toFixed(2)}×); map created at ${ms(created(name))} vs ${ms(created('bare'))}`
      );
    }
    for (const name of names) {
      console.log(`    ${name} runs: ${times[temperature][name]!.map((t) => t.idle.toFixed(0)).join(', ')}`);
    }
  }
  return result;
}

/** When (UTC) and under what load average (1, 5, 15 min): the figures mean little without them. */
const load = () =>
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(', ')}`;

const server = await startBenchServer();
// BENCH_BASELINE=<a build folder>: that build is timed too, in the same run, alternating with
// this one, so that a change is judged side by side on a noisy machine.
const baselineDir = process.env.BENCH_BASELINE;
const baselineServer = baselineDir ? await startBenchServer({ buildDir: baselineDir }) : null;
const browser = await launchBrowser();
console.log(`At start: ${load()}`);
/** The goals, in the order printed at the end: what, measured, goal, met. */
const goals: [string, string, string, boolean][] = [];
const ratioGoal = (what: string, atlas: number, bare: number) =>
  goals.push([
    what,
    `${ms(atlas)} / ${ms(bare)} = ${(atlas / bare).toFixed(2)}×`,
    `≤ ${GOAL.ratio.toFixed(1)}×`,
    atlas / bare <= GOAL.ratio
  ]);
try {
  const { totals, code } = await firstLoadBytes(browser, server.baseURL, VIEWPORT);
  console.log('First load until the map is idle ("lazy": what loads in the 1.5 s after):');
  for (const [kind, total] of Object.entries(totals)) {
    console.log(
      `  ${kind.padEnd(8)} ${String(total.files).padStart(3)} files  ${kb(total.raw).padStart(10)} raw  ${kb(total.gzip).padStart(10)} gzip`
    );
  }
  console.log(`  geodata at start gzip: ${kb(totals.geodata.gzip)} (budget ${BUDGET_KB.geodata} KB)`);
  console.log(`  JS + CSS gzip: ${kb(totals.js.gzip + totals.css.gzip)} (budget ${BUDGET_KB.jsAndCss} KB)`);
  console.log(
    `    of which MapLibre and its worker ${kb(code.maplibre.gzip)} (${code.maplibre.files} files),` +
      ` the app's own code ${kb(code.app.gzip)} (${code.app.files} files; budget ${APP_CODE_KB} KB)`
  );
  console.log('Lazy features: JS + CSS downloaded when opened after the first idle (gzip):');
  for (const feature of LAZY_FEATURES) {
    try {
      const { gzip, files } = await lazyFeatureBytes(browser, server.baseURL, feature);
      console.log(
        `  ${feature.name.padEnd(14)} ${kb(gzip).padStart(9)} (budget ${feature.budgetKB} KB; ${files.length} files)`
      );
    } catch (error) {
      console.log(`  ${feature.name.padEnd(14)} FAILED (${(error as Error).message.split('\n')[0]})`);
    }
  }

  for (const viewport of SIZES) {
    const size = `${viewport.width}×${viewport.height}`;
    const medians = await samePicture(browser, server, viewport, size, baselineServer ?? undefined);
    for (const temperature of ['cold', 'warm'] as const) {
      ratioGoal(
        `first idle ${temperature}, ${size}: atlas / bare`,
        medians.atlas![temperature],
        medians.bare![temperature]
      );
    }
  }

  const sites: [string, BenchServer][] = [
    ['atlas', server],
    ...(baselineServer ? [['baseline', baselineServer] as [string, BenchServer]] : [])
  ];
  for (const [name, site] of sites) {
    console.log(`\nInteractions, ${name} (median of ${RUNS}; aims: 100 ms, flights keep their 900 ms):`);
    const filter = await measure(() => filterToIdle(browser, site.baseURL));
    const search = await measure(() => searchToSheet(browser, site.baseURL));
    const scene = await measure(() => sceneToIdle(browser, site.baseURL));
    if (name !== 'atlas') continue;
    const interaction = (what: string, value: number | undefined, goal: number) =>
      goals.push([
        what,
        value === undefined ? 'failed' : ms(value),
        `≤ ${goal} ms`,
        value !== undefined && value <= goal
      ]);
    interaction('filter click → map idle', filter['filter click → map idle'], GOAL.interactionMs);
    interaction('search Enter → sheet shown', search['search Enter → sheet shown'], GOAL.interactionMs);
    interaction('scene step → map idle (readable)', scene['scene step → map idle'], GOAL.sceneMs);
  }

  // BENCH_NATIONAL=0 leaves the national-scale measures out (a quicker run while comparing builds).
  if (process.env.BENCH_NATIONAL !== '0') {
    await withNationalServer(async (national) => {
      const medians = await samePicture(browser, national, VIEWPORT, 'national synthetic data, 1280×800');
      for (const temperature of ['cold', 'warm'] as const) {
        ratioGoal(
          `first idle ${temperature}, national, 1280×800: atlas / bare`,
          medians.atlas![temperature],
          medians.bare![temperature]
        );
      }
      await benchNational(browser, server.baseURL, national.baseURL, RUNS);
    });
  }

  console.log('\nGoals:');
  const width = Math.max(...goals.map(([what]) => what.length));
  const measuredWidth = Math.max(...goals.map(([, measured]) => measured.length));
  for (const [what, measured, goal, met] of goals) {
    console.log(
      `  ${what.padEnd(width)}  ${measured.padStart(measuredWidth)}  ${goal.padEnd(9)} ${met ? 'met' : 'MISSED'}`
    );
  }
  console.log(`\nAt the end: ${load()}`);
} finally {
  await browser.close();
  await server.stop();
  await baselineServer?.stop();
}

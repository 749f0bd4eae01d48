// National scale in `npm run bench`: the built site served twice in the same
// run, once with its own data (regional) and once with a national-size synthetic data set
// (national-data.ts: ~35,000 communes and 1,296 QPVs, cut into tiles by the build's own tiling
// step, the QPV list written by the build's own step), the same measures taken on both, side by side.
// The synthetic set lives in a temporary folder removed at the end.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { SIMPLIFICATION } from '../../geodata/build/build';
import { qpvCoverage, qpvLayer, qpvList, qpvTileLayer, tileBounds } from '../../geodata/build/areas';
import { HOME_REGION } from '../../geodata/build/outputs';
import { sharedSimplify } from '../../geodata/build/topology';
import { cutTiles } from '../../geodata/build/tiles';
import { writeOutputDir, type ManifestEntry, type OutputFile } from '../../geodata/build/write';
import { COMMUNE_TILES, QPV_TILES } from '../../src/lib/map/tiles';
import type { AtlasData, ZoneProperties } from '../../src/lib/types';
import { waitForMapIdle } from '../e2e/chromium';
import { idleAfter } from './idle';
import { nationalData, NATIONAL_COUNTS } from './national-data';
import { startBenchServer, type BenchServer } from './server';

const BUILT_DATA = new URL('../../build/data/', import.meta.url).pathname;
const VIEWPORT = { width: 1280, height: 800 };
/** Zoom 9 over the Lille metropolis: commune tiles, QPVs and quarters all drawn. */
const DENSE = '?layers=quarters,territories,qpv,communes,departements,region#9/50.6/3.05';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Average vertex count per feature of a built layer. */
function verticesPerFeature(collection: FeatureCollection<Geometry>): number {
  const count = (coordinates: unknown): number =>
    Array.isArray(coordinates) && Array.isArray(coordinates[0])
      ? coordinates.reduce<number>((n, c) => n + count(c), 0)
      : 1;
  const total = collection.features.reduce(
    (n, f: Feature<Geometry>) => n + ('coordinates' in f.geometry ? count(f.geometry.coordinates) : 0),
    0
  );
  return Math.round(total / collection.features.length);
}

/** Writes the national data folder: the regional files, the synthetic communes and QPVs in tiles, the QPV list. */
export async function writeNationalData(dir: string) {
  const built = async (name: string) => readFile(join(BUILT_DATA, name), 'utf8');
  // QPV contours are only in tiles once built: their shape is read from the quarters drawn on one.
  const zones = JSON.parse(await built('zones.geojson')) as FeatureCollection<Geometry, ZoneProperties>;
  const shape = {
    communeVertices: verticesPerFeature(JSON.parse(await built('communes.geojson'))),
    qpvVertices: verticesPerFeature({
      ...zones,
      features: zones.features.filter((f) => f.properties.perimeter === 'qpv')
    }),
    seed: 11
  };
  const synthetic = nationalData(shape);
  // Through the build's own simplification and rounding, as the real layers are.
  const communes = {
    type: 'FeatureCollection' as const,
    features: await sharedSimplify(synthetic.communes.features, SIMPLIFICATION.topology.communes)
  };
  const qpvs = await sharedSimplify(synthetic.qpvs, SIMPLIFICATION.topology.qpv);
  // About one QPV in four is on the NPNRU list (450 of ~1,500 in France).
  const npnru = new Set(qpvs.filter((_, i) => i % 4 === 0).map((q) => q.properties.CODE_QP));
  const layer = qpvLayer(qpvs, npnru, []);
  const started = performance.now();
  const tiles = cutTiles(communes, COMMUNE_TILES);
  const tilingMs = performance.now() - started;
  const qpvTiles = cutTiles(qpvTileLayer(layer), QPV_TILES);
  const files: OutputFile[] = [];
  const replaced = ['manifest.json', 'atlas.json', 'qpvs.json'];
  for (const name of await readdir(BUILT_DATA)) {
    if (!/\.(geo)?json$/.test(name) || replaced.includes(name)) continue;
    files.push({ name, content: await built(name), features: null });
  }
  // atlas.json says what the national QPV data holds and where the tiles lie, as the build would.
  const atlas = JSON.parse(await built('atlas.json')) as AtlasData;
  const coverage = qpvCoverage(
    layer.features.map((f) => f.properties),
    atlas.regionDepartements[HOME_REGION] ?? []
  );
  atlas.qpvCoverage = coverage;
  atlas.qpvSource = {
    ...atlas.qpvSource,
    features: coverage.count,
    drawn: coverage.count - coverage.outsideRegion
  };
  atlas.tileBounds = { communes: tileBounds(communes), qpv: tileBounds(layer) };
  files.push({ name: 'qpvs.json', content: JSON.stringify(qpvList(layer)), features: null });
  files.push({ name: 'atlas.json', content: JSON.stringify(atlas), features: null });
  const manifest = await writeOutputDir(join(dir, 'data'), files, new Date().toISOString(), {
    tileSets: [
      { spec: COMMUNE_TILES, features: communes.features.length, tiles },
      { spec: QPV_TILES, features: layer.features.length, tiles: qpvTiles }
    ]
  });
  return { shape, communes: communes.features.length, qpvs: qpvs.length, tilingMs, manifest };
}

/** Geodata bytes (gzip) the page fetched before its first idle (QPV tiles included), and those of commune tiles. */
async function startupBytes(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  // Each file once: the page and the map's worker may both fetch one (the second from the HTTP cache).
  const bodies = new Map<string, Promise<Buffer | null>>();
  page.on('response', (response) => {
    const address = response.url();
    if (!new URL(address).pathname.startsWith('/data/') || bodies.has(address)) return;
    bodies.set(
      address,
      response.body().catch(() => null)
    );
  });
  await page.goto(url);
  await waitForMapIdle(page);
  const firstIdle = await page.evaluate(
    () => performance.getEntriesByName('atlas:first-idle')[0]?.startTime ?? Infinity
  );
  const starts = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('resource').map((r) => [r.name, r.startTime]))
  );
  let geodata = 0;
  let qpv = 0;
  let tiles = 0;
  for (const [address, body] of bodies) {
    const bytes = await body;
    if (!bytes || (starts[address] ?? 0) > firstIdle) continue;
    const gzip = gzipSync(bytes).length;
    if (address.includes(`/data/${COMMUNE_TILES.dir}/`)) tiles += gzip;
    else geodata += gzip;
    if (address.includes(`/data/${QPV_TILES.dir}/`)) qpv += gzip;
  }
  await context.close();
  return { geodata, qpv, tiles };
}

/** Navigation → first idle, in a fresh context (cold: no HTTP cache). */
async function coldFirstIdle(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:first-idle').length > 0, null, {
    timeout: 60_000
  });
  const idle = await page.evaluate(() => performance.getEntriesByName('atlas:first-idle')[0]!.startTime);
  await context.close();
  return idle;
}

/** Filter checkbox click → the map's next busy → idle transition, timed in the page. */
async function filterToIdle(page: Page): Promise<number> {
  return (await idleAfter(page, `document.querySelector('#panel input[type=checkbox]').click()`)).idle;
}

/** A real mouse click on the n-th quarter marker drawn → the zone sheet's title shown. */
async function clickToSheet(page: Page, n: number): Promise<number> {
  const points = await page.evaluate(() => {
    const element = document.querySelector('.map') as HTMLElement & {
      maplibre: {
        queryRenderedFeatures: (o: object) => { geometry: { coordinates: [number, number] } }[];
        project: (c: [number, number]) => { x: number; y: number };
      };
    };
    const box = element.getBoundingClientRect();
    return (
      element.maplibre
        .queryRenderedFeatures({ layers: ['quarters-marker'] })
        .map((f) => element.maplibre.project(f.geometry.coordinates))
        .map(({ x, y }) => ({ x: x + box.left, y: y + box.top }))
        // Only markers the pointer can reach: not under the legend or a panel.
        .filter(({ x, y }) => document.elementFromPoint(x, y)?.tagName === 'CANVAS')
    );
  });
  if (points.length === 0) throw new Error('no quarter marker drawn');
  // Both ends are stamped in the page: the press of the button, and the sheet's title appearing.
  await page.evaluate(() => {
    const clock = window as unknown as { __clickStart?: number; __sheetShown?: number };
    delete clock.__clickStart;
    delete clock.__sheetShown;
    window.addEventListener('mousedown', () => (clock.__clickStart = performance.now()), {
      capture: true,
      once: true
    });
    const observer = new MutationObserver(() => {
      if (document.querySelector('aside[aria-label="Fiche de la zone"] h2')) {
        observer.disconnect();
        clock.__sheetShown = performance.now();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  const { x, y } = points[n % points.length]!;
  await page.mouse.click(x, y);
  await page.locator('aside[aria-label="Fiche de la zone"] h2').waitFor({ timeout: 60_000 });
  return page.evaluate(() => {
    const clock = window as unknown as { __clickStart: number; __sheetShown: number };
    return clock.__sheetShown - clock.__clickStart;
  });
}

/** Median of `runs` fresh page visits, each timed by `time`. */
async function medianOfVisits(
  browser: Browser,
  url: string,
  runs: number,
  time: (page: Page, run: number) => Promise<number>
) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    // A fresh view each time: a click frames its zone, a filter click changes the next one.
    await page.goto('about:blank');
    await page.goto(url);
    await waitForMapIdle(page);
    times.push(await time(page, run));
  }
  await page.close();
  return median(times);
}

/** The measures taken on both data sets, by label: each gets a base URL and gives a number. */
function measures(browser: Browser, runs: number): [string, (baseURL: string) => Promise<number>][] {
  const cold = async (url: string) => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(await coldFirstIdle(browser, url));
    return median(times);
  };
  return [
    [
      'start-up geodata gzip (KB; budget 250)',
      async (b) => (await startupBytes(browser, `${b}/`)).geodata / 1024
    ],
    ['  of which QPV tiles (KB)', async (b) => (await startupBytes(browser, `${b}/`)).qpv / 1024],
    [
      'commune tiles at zoom 9, gzip (KB)',
      async (b) => (await startupBytes(browser, `${b}/${DENSE}`)).tiles / 1024
    ],
    ['first idle, start view, cold (ms)', (b) => cold(`${b}/`)],
    ['first idle, zoom 9 with communes, cold (ms)', (b) => cold(`${b}/${DENSE}`)],
    [
      'filter click → map idle, zoom 9 (ms)',
      (b) => medianOfVisits(browser, `${b}/${DENSE.replace('?', '?panel=filters&')}`, runs, filterToIdle)
    ],
    [
      'click on a quarter → sheet, zoom 9 (ms)',
      (b) => medianOfVisits(browser, `${b}/${DENSE}`, runs, clickToSheet)
    ]
  ];
}

/**
 * Builds the national data set into a temporary folder, serves the built site with it, runs `use`
 * with that server, then stops it and removes the folder.
 */
export async function withNationalServer(use: (server: BenchServer) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-bench-national-'));
  try {
    const data = await writeNationalData(dir);
    const tileSet = data.manifest.files.find((f: ManifestEntry) => f.name === `${COMMUNE_TILES.dir}/`)!;
    const qpv = data.manifest.files.find((f: ManifestEntry) => f.name === `${QPV_TILES.dir}/`)!;
    console.log(
      `\nNational scale (synthetic, seeded: ${data.communes} communes of ~${data.shape.communeVertices} vertices` +
        ` cut into ${tileSet.tiles} tiles z${COMMUNE_TILES.minZoom}–${COMMUNE_TILES.maxZoom}` +
        ` (${(tileSet.gzipBytes / 1024).toFixed(0)} KB gzip in all, cut in ${(data.tilingMs / 1000).toFixed(1)} s);` +
        ` ${data.qpvs} QPVs of ~${data.shape.qpvVertices} vertices cut into ${qpv.tiles} tiles z${QPV_TILES.minZoom}–${QPV_TILES.maxZoom}` +
        ` (${(qpv.gzipBytes / 1024).toFixed(0)} KB gzip in all);` +
        ` real counts ${NATIONAL_COUNTS.communes} and ${NATIONAL_COUNTS.qpvs})`
    );
    const server = await startBenchServer({ dataDir: join(dir, 'data') });
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints national-scale figures beside the regional ones, measured in the same run, alternating. */
export async function benchNational(
  browser: Browser,
  regionalURL: string,
  nationalURL: string,
  runs: number
): Promise<void> {
  console.log(
    `\nNational beside regional: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}; median of ${runs} runs each`
  );
  // Each measure on both data sets in turn, printed as it comes: both see the same machine load.
  console.log(`  ${''.padEnd(44)} ${'regional'.padStart(9)} ${'national'.padStart(9)}  ratio`);
  for (const [label, measure] of measures(browser, runs)) {
    const regional = await measure(regionalURL);
    const national = await measure(nationalURL);
    console.log(
      `  ${label.padEnd(44)} ${regional.toFixed(0).padStart(9)} ${national.toFixed(0).padStart(9)}  ${regional > 0 ? `${(national / regional).toFixed(2)}×` : '—'}`
    );
  }
}

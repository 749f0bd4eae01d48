// The layers drawn from vector tiles (communes, QPVs) on the built data: tiles are asked for and
// served, none is asked outside the data's box, the features are drawn and a QPV is picked.
// Inside the box, a tile the build left out (empty: sea, land without a QPV) answers 404, which
// MapLibre loads as an empty tile by design (VectorTileSource: "a missing tile loads empty").
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { COMMUNE_TILES, QPV_TILES, type TileSetSpec } from '../../src/lib/map/tiles';
import { launchBrowser, waitForMapIdle } from './browser';
import { atlas, places, qpvs } from './built-data';
import { DATA_DIR } from './site';
/** A QPV of the built data drawn with no zone of the atlas: a click on it opens its own sheet. */
const outside = qpvs.find((q) => q.zoneId === '');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** A tile request: the tile's path under the data folder, its box in degrees, the answer's status. */
interface TileRequest {
  path: string;
  box: [number, number, number, number];
  status: number;
}

/** West, south, east, north of a Web Mercator tile. */
function tileBox(z: number, x: number, y: number): [number, number, number, number] {
  const lon = (x: number) => (x / 2 ** z) * 360 - 180;
  const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** Opens `path` and records every tile request of `spec` until the first idle. */
async function openWatchingTiles(
  path: string,
  spec: TileSetSpec
): Promise<{ page: Page; tiles: TileRequest[] }> {
  const baseURL = inject('baseURL');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const tiles: TileRequest[] = [];
  const pattern = new RegExp(`/data/(${spec.dir}/(\\d+)/(\\d+)/(\\d+)\\.pbf)$`);
  const record = (url: string, status: number) => {
    const match = pattern.exec(url);
    if (match) tiles.push({ path: match[1]!, box: tileBox(+match[2]!, +match[3]!, +match[4]!), status });
  };
  page.on('requestfinished', async (request) =>
    record(request.url(), (await request.response())?.status() ?? 0)
  );
  page.on('requestfailed', (request) => record(request.url(), 0));
  await page.goto(`${baseURL}${path}`);
  await waitForMapIdle(page);
  return { page, tiles };
}

/** Every tile asked for touches the data's box; those the build wrote are served, the others are 404s. */
function expectTilesWithin(
  tiles: TileRequest[],
  [west, south, east, north]: [number, number, number, number]
) {
  expect(tiles.length).toBeGreaterThan(0);
  for (const { path, box, status } of tiles) {
    expect(box[0] <= east && box[2] >= west && box[1] <= north && box[3] >= south, path).toBe(true);
    expect(status, path).toBe(existsSync(join(DATA_DIR, path)) ? 200 : 404);
  }
}

/** The `code` of each feature the map draws on a layer. */
function drawnCodes(page: Page, layer: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      (
        document.querySelector('.map') as unknown as {
          maplibre: { queryRenderedFeatures: (o: object) => { properties: { code?: string } }[] };
        }
      ).maplibre
        .queryRenderedFeatures({ layers: [id] })
        .map((feature) => feature.properties.code ?? ''),
    layer
  );
}

/** Number of features the map draws on a layer. */
async function drawn(page: Page, layer: string): Promise<number> {
  return (await drawnCodes(page, layer)).length;
}

describe('layers drawn from vector tiles', { timeout: 60_000 }, () => {
  test('the communes layer asks for its tiles inside the data only, they are served and drawn', async () => {
    // Zoom 9 over the region's western edge: the view reaches half a degree west of the data's box.
    const bounds = atlas.tileBounds.communes!;
    const { page, tiles } = await openWatchingTiles(
      `/?layers=communes,departements,region#9/50.9/${bounds[0] + 0.3}`,
      COMMUNE_TILES
    );
    await expect.poll(() => drawn(page, 'communes-line')).toBeGreaterThan(0);
    expectTilesWithin(tiles, bounds);
    expect(tiles.some((tile) => tile.status === 200)).toBe(true);
    // Communes are context: a click on one opens no sheet (only zones and QPVs are picked).
    await page.close();
  });

  test('a commune sheet outlines that commune alone, with the communes layer off; without one no commune tile is asked for', async () => {
    const home = atlas.regionDepartements[atlas.region.code] ?? [];
    const commune = places.communes.find((c) => home.includes(c.departement))!;
    const [west, south, east, north] = commune.bbox;
    const idle = await openWatchingTiles(
      `/?layers=departements,region#10/${(south + north) / 2}/${(west + east) / 2}`,
      COMMUNE_TILES
    );
    expect(idle.tiles).toEqual([]);
    await idle.page.close();

    const { page } = await openWatchingTiles(`/?commune=${commune.code}`, COMMUNE_TILES);
    await expect.poll(() => drawnCodes(page, 'communes-selected')).toContain(commune.code);
    expect(new Set(await drawnCodes(page, 'communes-selected'))).toEqual(new Set([commune.code]));
    expect(await drawn(page, 'communes-line')).toBe(0);
    await page.close();
  });

  test.runIf(outside)(
    'the QPV layer asks for its tiles inside the data only, draws the QPV, and a click on it opens its sheet outlined',
    async () => {
      const [west, south, east, north] = outside!.bbox;
      const { page, tiles } = await openWatchingTiles(
        `/?layers=qpv,departements,region#14/${(south + north) / 2}/${(west + east) / 2}`,
        QPV_TILES
      );
      await expect.poll(() => drawn(page, 'qpv-fill')).toBeGreaterThan(0);
      expectTilesWithin(tiles, atlas.tileBounds.qpv!);
      expect(tiles.some((tile) => tile.status === 200)).toBe(true);
      // A pixel of the map where the QPV is drawn (its outline may be any shape).
      const pixel = await page.evaluate((code) => {
        const map = (
          document.querySelector('.map') as unknown as {
            maplibre: {
              queryRenderedFeatures: (p: [number, number], o: object) => { properties: { code: string } }[];
              getCanvas: () => HTMLCanvasElement;
            };
          }
        ).maplibre;
        const { clientWidth: width, clientHeight: height } = map.getCanvas();
        for (let y = 20; y < height; y += 10)
          for (let x = 20; x < width; x += 10)
            if (
              map
                .queryRenderedFeatures([x, y], { layers: ['qpv-fill'] })
                .some((f) => f.properties.code === code)
            )
              return [x, y];
        return null;
      }, outside!.code);
      expect(pixel).not.toBeNull();
      const box = (await page.locator('.map canvas').boundingBox())!;
      const [x, y] = pixel as [number, number];
      await page.mouse.click(box.x + x, box.y + y);
      const sheet = page.getByRole('complementary', { name: 'Fiche du quartier prioritaire' });
      await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(outside!.name);
      expect(page.url()).toContain(`qpv=${outside!.code}`);
      await expect.poll(() => drawn(page, 'qpv-selected')).toBeGreaterThan(0);
      await page.close();
    }
  );
});

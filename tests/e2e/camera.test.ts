// Where the camera goes, checked on the rendered page: the framed zone lies in the part of
// the map no panel covers, at each screen size; a request made before the map is ready is
// honoured; the link holds the destination while the camera flies; a filter that empties
// the view reframes and says so; presentation scenes are framed clear of the caption card.
// Expected places are read from the built data, never from today's editorial content.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { AtlasData, Places, QpvPlace, ZoneProperties } from '../../src/lib/types';
import { VIEW_BOUNDS } from '../../src/lib/map/views';
import { launchBrowser, openAtlas, stepToScene, waitForMapIdle } from './browser';

let browser: Browser;
let atlas: AtlasData;
let zones: FeatureCollection<Geometry, ZoneProperties>;
beforeAll(async () => {
  browser = await launchBrowser();
  const baseURL = inject('baseURL');
  atlas = (await (await fetch(`${baseURL}/data/atlas.json`)).json()) as AtlasData;
  zones = (await (await fetch(`${baseURL}/data/zones.geojson`)).json()) as FeatureCollection<
    Geometry,
    ZoneProperties
  >;
});
afterAll(async () => {
  await browser.close();
});

type Box = { left: number; top: number; right: number; bottom: number };
type Bounds = [[number, number], [number, number]];

function positions(geometry: Geometry): Position[] {
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  throw new Error(`unexpected geometry ${geometry.type}`);
}

function boundsOf(feature: Feature<Geometry>): Bounds {
  const points = positions(feature.geometry);
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)]
  ];
}

/** Web Mercator, 512-px tiles: the projection the map draws with. */
function mercator([lng, lat]: [number, number]): [number, number] {
  const phi = (lat * Math.PI) / 180;
  return [(lng + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

/** Page-pixel box of bounds on the rendered map, from the camera the map wrote in the hash. */
async function pageBoxOf(page: Page, bounds: Bounds): Promise<Box> {
  const [zoom, lat, lng] = new URL(page.url()).hash.slice(1).split('/').map(Number) as [
    number,
    number,
    number
  ];
  const map = (await page.locator('.map').boundingBox())!;
  const scale = 512 * 2 ** zoom;
  const [cx, cy] = mercator([lng, lat]);
  const pixel = (point: [number, number]) => {
    const [x, y] = mercator(point);
    return [map.x + map.width / 2 + (x - cx) * scale, map.y + map.height / 2 + (y - cy) * scale] as const;
  };
  const [left, top] = pixel([bounds[0][0], bounds[1][1]]);
  const [right, bottom] = pixel([bounds[1][0], bounds[0][1]]);
  return { left, top, right, bottom };
}

/** Page-pixel boxes of the map and of everything drawn over it or beside it. */
async function layout(page: Page): Promise<{ map: Box; covers: (Box & { what: string })[] }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const covers = [...document.querySelectorAll('.sheet, #panel, .caption, .legend-slot, .presenter .card')]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => ({ ...box(el), what: el.className }));
    return { map: box(document.querySelector('.map')!), covers };
  });
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * Fails unless the box lies inside the map and clear of every panel, card and legend. On a
 * phone the sheet and caption cover most of the map, so there only the box's centre must be
 * clear of them (a quarter bigger than the strip left would otherwise be shown tiny).
 */
async function expectInFreePartOfMap(page: Page, box: Box, { centreOnly = false } = {}) {
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  const target = centreOnly ? { left: x - 1, right: x + 1, top: y - 1, bottom: y + 1 } : box;
  const { map, covers } = await layout(page);
  const tolerance = 2;
  expect(target.left, 'left edge inside the map').toBeGreaterThanOrEqual(map.left - tolerance);
  expect(target.right, 'right edge inside the map').toBeLessThanOrEqual(map.right + tolerance);
  expect(target.top, 'top edge inside the map').toBeGreaterThanOrEqual(map.top - tolerance);
  expect(target.bottom, 'bottom edge inside the map').toBeLessThanOrEqual(map.bottom + tolerance);
  const area = (target.right - target.left) * (target.bottom - target.top);
  for (const cover of covers) {
    expect(overlap(target, cover) / area, `share of the target under ${cover.what}`).toBeLessThan(0.02);
  }
}

/**
 * Fails unless `bounds` are framed: spanning a quarter of the map or more (the region view
 * shows a place too, but small), in the part of the map left visible.
 */
async function expectFramed(page: Page, bounds: Bounds, name: string, { centreOnly = false } = {}) {
  await waitForMapIdle(page);
  const box = await pageBoxOf(page, bounds);
  const { map } = await layout(page);
  const share = Math.max(
    (box.right - box.left) / (map.right - map.left),
    (box.bottom - box.top) / (map.bottom - map.top)
  );
  expect(share, `${name} framed`).toBeGreaterThan(0.25);
  await expectInFreePartOfMap(page, box, { centreOnly });
}

const quarter = () => zones.features.find((f) => f.properties.kind === 'quarter')!;

async function searchAndEnter(page: Page, name: string) {
  const search = page.getByRole('combobox', { name: /Rechercher/ });
  await search.fill(name);
  await page.getByRole('option').first().waitFor();
  await search.press('Enter');
}

describe('framing a selected zone', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 820, height: 1180 },
    { width: 390, height: 844 }
  ]) {
    test(`at ${viewport.width}×${viewport.height}, a zone chosen with a panel open lies in the visible part of the map`, async () => {
      const zone = quarter();
      const { page, errors } = await openAtlas(browser, '/?panel=filters', viewport);
      await searchAndEnter(page, zone.properties.name);
      await page.getByRole('heading', { level: 2, name: zone.properties.name }).waitFor();
      await waitForMapIdle(page);
      await expectInFreePartOfMap(page, await pageBoxOf(page, boundsOf(zone)), {
        centreOnly: viewport.width < 768
      });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  test('a zone chosen while the map is still loading is framed once it is ready', async () => {
    const zone = quarter();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Hold the map engine's worker back so the search box is usable long before the map.
    await page.route('**/maplibre-gl-worker*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await page.goto(`${inject('baseURL')}/`);
    await searchAndEnter(page, zone.properties.name);
    await expect.poll(() => page.locator('.map').getAttribute('data-status')).toBe('loading');
    await waitForMapIdle(page);
    await expectInFreePartOfMap(page, await pageBoxOf(page, boundsOf(zone)));
    await page.close();
  });

  test('the link holds the destination as soon as the camera starts flying', async () => {
    const zone = quarter();
    const { page } = await openAtlas(browser, '/');
    // Every frame, note the link and whether the map is still moving.
    await page.evaluate(() => {
      const seen: { hash: string; idle: string | null }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const note = () => {
        seen.push({ hash: location.hash, idle: document.querySelector('.map')!.getAttribute('data-idle') });
        requestAnimationFrame(note);
      };
      note();
    });
    const before = new URL(page.url()).hash;
    await searchAndEnter(page, zone.properties.name);
    await page.getByRole('heading', { level: 2, name: zone.properties.name }).waitFor();
    await waitForMapIdle(page);
    const final = new URL(page.url()).hash;
    const seen = await page.evaluate(
      () => (window as unknown as { seen: { hash: string; idle: string | null }[] }).seen
    );
    const firstChange = seen.find((frame) => frame.hash !== before);
    expect(final).not.toBe(before);
    // The link changed while the map was still moving, and straight to the destination.
    expect(firstChange?.idle).toBe('false');
    expect(seen.filter((frame) => frame.hash !== before && frame.hash !== final)).toEqual([]);
    await page.close();
  });
});

describe('a linked commune or intercommunality', () => {
  // The EPCI holding the first quarter, and that quarter's first commune, from the built data.
  async function linkedPlaces() {
    const places = (await (await fetch(`${inject('baseURL')}/data/places.json`)).json()) as Places;
    const zone = quarter();
    const epci = places.epcis.find((e) => atlas.zoneEpcis[zone.properties.id]?.includes(e.code))!;
    const commune = places.communes.find((c) => c.code === epci.communes[0])!;
    const bounds = (bbox: readonly number[]): Bounds => [
      [bbox[0]!, bbox[1]!],
      [bbox[2]!, bbox[3]!]
    ];
    return [
      ['epci', epci.code, epci.name, bounds(epci.bbox)],
      ['commune', commune.code, commune.name, bounds(commune.bbox)]
    ] as const;
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 }
  ]) {
    test(`at ${viewport.width}×${viewport.height}, a cold link to an EPCI or a commune frames it in the visible part of the map`, async () => {
      for (const [param, code, name, bounds] of await linkedPlaces()) {
        const { page, errors } = await openAtlas(browser, `/?${param}=${code}`, viewport);
        await page.getByRole('heading', { level: 2, name }).waitFor();
        // The place list loads after the first picture; its frame follows.
        await vi.waitFor(() => expectFramed(page, bounds, name, { centreOnly: viewport.width < 768 }), {
          timeout: 30_000,
          interval: 500
        });
        expect(errors).toEqual([]);
        await page.close();
      }
    }, 180_000);
  }
});

describe('a linked QPV', () => {
  /** The share of a box lying outside the map or under a panel, sheet, caption or legend (the worst). */
  async function hiddenShare(page: Page, box: Box): Promise<number> {
    const { map, covers } = await layout(page);
    const area = (box.right - box.left) * (box.bottom - box.top);
    const outside = 1 - overlap(box, map) / area;
    return Math.max(outside, ...covers.map((cover) => overlap(box, cover) / area));
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 820, height: 1180 },
    { width: 390, height: 844 }
  ]) {
    test(`at ${viewport.width}×${viewport.height}, a link to a QPV frames its whole contour clear of its sheet`, async () => {
      const qpv = ((await (await fetch(`${inject('baseURL')}/data/qpvs.json`)).json()) as QpvPlace[])[0]!;
      const [west, south, east, north] = qpv.bbox;
      const { page, errors } = await openAtlas(browser, `/?qpv=${qpv.code}`, viewport);
      await page.getByRole('heading', { level: 2, name: qpv.name }).waitFor();
      // The QPV list loads after the first picture; its frame follows.
      await expect
        .poll(async () => {
          await waitForMapIdle(page);
          return hiddenShare(
            page,
            await pageBoxOf(page, [
              [west, south],
              [east, north]
            ])
          );
        })
        .toBeLessThan(0.02);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('a filter that empties the view', () => {
  test('reframes on the zones it keeps and says so', async () => {
    // A quarter, and a département holding zones none of which lies in that quarter's view.
    const zone = quarter();
    const zoneBox = boundsOf(zone);
    const elsewhere = Object.keys(atlas.departements).find((code) => {
      const inDep = zones.features.filter((f) => f.properties.departement === code);
      return (
        inDep.length > 0 &&
        code !== zone.properties.departement &&
        inDep.every((f) => {
          const b = boundsOf(f);
          return (
            b[1][0] < zoneBox[0][0] - 0.3 ||
            b[0][0] > zoneBox[1][0] + 0.3 ||
            b[1][1] < zoneBox[0][1] - 0.3 ||
            b[0][1] > zoneBox[1][1] + 0.3
          );
        })
      );
    })!;
    const { page } = await openAtlas(browser, `/?zone=${zone.properties.id}&panel=filters`);
    // The link opens the sheet over the panel; the panel's button brings the filters forward.
    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    await page.getByRole('checkbox', { name: new RegExp(`^${atlas.departements[elsewhere]}`) }).check();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /recadrée/ })
          .textContent()
      )
      .toMatch(/carte recadrée sur le résultat/);
    await waitForMapIdle(page);
    const kept = zones.features.filter((f) => f.properties.departement === elsewhere);
    const { map } = await layout(page);
    const boxes = await Promise.all(kept.map((f) => pageBoxOf(page, boundsOf(f))));
    expect(boxes.some((box) => overlap(box, map) > 0)).toBe(true);
    await page.close();
  });
});

describe('presentation scenes on a projector and a phone', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 390, height: 844 }
  ]) {
    test(`at ${viewport.width}×${viewport.height}, each scene's subject lies clear of the caption card and legend`, async () => {
      const { page } = await openAtlas(browser, '/?present=1&scene=1', viewport);
      for (const [index, scene] of atlas.scenes.entries()) {
        if (index > 0) {
          await stepToScene(page, 'ArrowRight', String(index + 1));
          await page.getByRole('heading', { level: 2, name: scene.title }).waitFor();
        }
        await waitForMapIdle(page);
        const target: Bounds =
          'bounds' in scene.camera
            ? (scene.camera.bounds as Bounds)
            : [
                [scene.camera.center[0] - 0.001, scene.camera.center[1] - 0.001],
                [scene.camera.center[0] + 0.001, scene.camera.center[1] + 0.001]
              ];
        // On a phone the caption card takes much of the height: as for sheets, the centre must be clear.
        await expectInFreePartOfMap(page, await pageBoxOf(page, target), {
          centreOnly: viewport.width < 768
        });
        // A summary panel is never under the caption card.
        const { covers } = await layout(page);
        const panel = covers.find((c) => c.what.includes('panel'));
        const card = covers.find((c) => c.what.includes('card'));
        if (panel && card) expect(overlap(panel, card), `scene ${index + 1}: summary under the card`).toBe(0);
      }
      await page.close();
    }, 180_000);
  }

  test('Escape from the last scene returns to a view of the region', async () => {
    const { page } = await openAtlas(browser, `/?present=1&scene=${atlas.scenes.length}`, {
      width: 1280,
      height: 800
    });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Présenter' }).waitFor();
    await waitForMapIdle(page);
    await expectInFreePartOfMap(page, await pageBoxOf(page, VIEW_BOUNDS.hdf as Bounds));
    await page.close();
  });
});

describe('an intercommunality chosen in the filters', () => {
  const boxOf = (bbox: readonly number[]): Bounds => [
    [bbox[0]!, bbox[1]!],
    [bbox[2]!, bbox[3]!]
  ];
  /** EPCIs holding a zone, from the built data: the first holds the first quarter. */
  async function epcisWithZones() {
    const places = (await (await fetch(`${inject('baseURL')}/data/places.json`)).json()) as Places;
    const zone = quarter();
    const held = new Set(Object.values(atlas.zoneEpcis).flat());
    const first = places.epcis.find((e) => atlas.zoneEpcis[zone.properties.id]?.includes(e.code))!;
    const other = places.epcis.find((e) => e.code !== first.code && held.has(e.code))!;
    return { zone, first, other };
  }

  test('is framed clear of the panel, outlined on the map and named in the legend', async () => {
    const { first } = await epcisWithZones();
    const { page, errors } = await openAtlas(browser, '/?panel=filters');
    await page.getByRole('combobox', { name: /Intercommunalité/ }).selectOption(first.code);
    await vi.waitFor(
      async () => {
        await expectFramed(page, boxOf(first.bbox), first.name);
        const outlined = await page.evaluate(() => {
          const map = (
            document.querySelector('.map') as HTMLElement & {
              maplibre: { queryRenderedFeatures: (o: object) => { properties: { code: string } }[] };
            }
          ).maplibre;
          return [
            ...new Set(map.queryRenderedFeatures({ layers: ['epci-filtered'] }).map((f) => f.properties.code))
          ];
        });
        expect(outlined).toEqual([first.code]);
      },
      { timeout: 30_000, interval: 500 }
    );
    await expect
      .poll(() => page.locator('.legend-slot').textContent())
      .toContain(`Filtre : ${atlas.epcis[first.code]}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a cold link with the filter frames the intercommunality', async () => {
    const { first } = await epcisWithZones();
    const { page, errors } = await openAtlas(browser, `/?interco=${first.code}`);
    // The place list loads after the first picture; its frame follows.
    await vi.waitFor(() => expectFramed(page, boxOf(first.bbox), first.name), {
      timeout: 30_000,
      interval: 500
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a sheet outside it says so, and clearing the filters ends the disagreement', async () => {
    const { zone, first, other } = await epcisWithZones();
    const kept = new Set(
      Object.entries(atlas.zoneEpcis)
        .filter(([, codes]) => codes.includes(other.code))
        .map(([id]) => id)
    );
    expect(kept.has(zone.properties.id), 'the quarter lies outside the other EPCI').toBe(false);
    for (const [link, expected] of [
      [`/?epci=${first.code}&interco=${other.code}`, `${first.name} est hors du territoire filtré`],
      [
        `/?zone=${zone.properties.id}&interco=${other.code}`,
        `Les filtres ne retiennent pas ${zone.properties.name}`
      ]
    ] as const) {
      const { page, errors } = await openAtlas(browser, link);
      const notice = page.getByRole('status').filter({ hasText: expected });
      await notice.waitFor();
      await notice.getByRole('button', { name: 'Effacer les filtres' }).click();
      await notice.waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.has('interco')).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);
});

// The « Données » panel, from the user's side: every file of the site's own datapackage.json is
// listed with the size of the file actually served and a link that downloads exactly its bytes;
// the citation gives the data's date from the data; « Télécharger la sélection » gives the zones
// the filters keep (CSV and GeoJSON), the same as the list; the panel's state is in the address;
// a failed load says what to do; it passes axe and fits a phone. Expected values come from the
// served package and the built data, never from today's content.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, openAtlas, waitForMapIdle } from './browser';
import { atlas, programmesByZone } from './built-data';
import { formatBytes, type DataPackage } from '../../src/lib/opendata/package';
import { ZONES_SCHEMA } from '../../src/lib/opendata/zones';
import { formatDate } from '../../src/lib/format/date';
import { PROGRAMME_LABELS } from '../../src/lib/labels';
import { PROGRAMMES, type Programme } from '../../src/lib/types';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let descriptor: DataPackage;
/** The bytes the site serves for each file of the package, by file name. */
const served = new Map<string, Buffer>();

beforeAll(async () => {
  browser = await launchBrowser();
  const get = async (name: string) => {
    const response = await fetch(`${inject('baseURL')}/donnees/${name}`);
    expect(response.ok, `${name} is served`).toBe(true);
    return Buffer.from(await response.arrayBuffer());
  };
  const self = await get('datapackage.json');
  served.set('datapackage.json', self);
  descriptor = JSON.parse(self.toString('utf8')) as DataPackage;
  for (const resource of descriptor.resources) served.set(resource.path, await get(resource.path));
});
afterAll(async () => {
  await browser.close();
});

const panel = (page: Page) => page.getByRole('region', { name: 'Données', exact: true });
/** The entry of one file in the panel's list, found by its download link. */
const entry = (page: Page, path: string): Locator =>
  panel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: path, exact: true }) });

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

/** A programme that keeps some zones but not all, from the built data. */
function partialProgramme(): { programme: Programme; kept: string[] } {
  for (const programme of PROGRAMMES) {
    const kept = atlas.zones.filter((z) => programmesByZone[z.id]?.includes(programme)).map((z) => z.id);
    if (kept.length > 0 && kept.length < atlas.zones.length) return { programme, kept };
  }
  throw new Error('the built data has no programme keeping some zones but not all');
}

describe('the « Données » panel', () => {
  test('lists every file of the site’s datapackage.json with its title, format, size as served, description and licence', async () => {
    const { page, errors } = await openAtlas(browser, '/', DESKTOP);
    await page.getByRole('button', { name: 'Données', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('panel')).toBe('data');
    const paths = ['datapackage.json', ...descriptor.resources.map((r) => r.path)];
    await expect
      .poll(() =>
        panel(page)
          .getByRole('list')
          .first()
          .getByRole('link')
          .evaluateAll((links) => links.length)
      )
      .toBeGreaterThan(0);
    await expect
      .poll(() =>
        panel(page)
          .locator('.data-files > li a[download]')
          .evaluateAll((links) => links.map((a) => a.textContent!.trim()))
      )
      .toEqual(paths);
    for (const path of paths) {
      const item = entry(page, path);
      expect(await item.locator('.data-size').textContent()).toBe(formatBytes(served.get(path)!.length));
    }
    for (const resource of descriptor.resources) {
      const text = (await entry(page, resource.path).textContent())!;
      expect(text).toContain(resource.title);
      expect(text).toContain(resource.format.toUpperCase());
      expect(text).toContain(resource.description);
      for (const licence of resource.licenses) expect(text).toContain(licence.title);
      // The descriptor states what the file holds: the size listed is the size served.
      expect(served.get(resource.path)!.length).toBe(resource.bytes);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  test('each link downloads the file’s exact bytes, under its own name', async () => {
    const { page } = await openAtlas(browser, '/?panel=data', DESKTOP);
    for (const [path, bytes] of served) {
      const link = entry(page, path).getByRole('link', { name: path, exact: true });
      await link.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(path);
      const got = await bytesOf(download);
      expect(got.equals(bytes), `${path}: downloaded bytes equal the served file`).toBe(true);
      const resource = descriptor.resources.find((r) => r.path === path);
      if (resource)
        expect(`sha256:${createHash('sha256').update(got).digest('hex')}`, `${path}: hash`).toBe(
          resource.hash
        );
    }
    await page.close();
  });

  test('the citation gives the data’s date, as the data states it', async () => {
    expect(atlas.dataDate, 'the built data has a date').toBeTruthy();
    expect(descriptor.dataDate).toBe(atlas.dataDate);
    const { page } = await openAtlas(browser, '/?panel=data', DESKTOP);
    const cite = panel(page).getByRole('region', { name: "Citer l'atlas" });
    await expect.poll(() => cite.textContent()).toContain(`données au ${formatDate(atlas.dataDate!)}`);
    expect(await cite.textContent()).toContain(descriptor.title);
    await page.close();
  });

  test('« Télécharger la sélection » gives, as CSV and GeoJSON, the zones the filter keeps, as the list shows them', async () => {
    const { programme, kept } = partialProgramme();
    const { page } = await openAtlas(browser, '/', DESKTOP);
    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    const literal = PROGRAMME_LABELS[programme].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page.getByRole('checkbox', { name: new RegExp(`^${literal} \\(`) }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('prog')).toBe(programme);

    await page.getByRole('button', { name: 'Liste', exact: true }).click();
    const listed = () =>
      page
        .getByRole('region', { name: 'Liste', exact: true })
        .locator('tbody tr[data-zone-id]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-zone-id')!));
    await expect.poll(async () => (await listed()).sort()).toEqual([...kept].sort());
    const shown = await listed();
    const names = new Map(atlas.zones.map((z) => [z.id, z.name]));

    // From the list panel: the CSV.
    const group = page.getByRole('group', { name: 'Télécharger la sélection' });
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      group.getByRole('button', { name: 'CSV', exact: true }).click()
    ]);
    expect(csvDownload.suggestedFilename()).toBe(`zones_${programme}.csv`);
    const csv = await bytesOf(csvDownload);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(ZONES_SCHEMA.fields.map((f) => f.name));
    expect(rows.map((r) => r.id).sort()).toEqual([...shown].sort());
    expect(rows.map((r) => r.nom)).toEqual(rows.map((r) => names.get(r.id!)));
    // The same rows as the package's own zones table.
    const packaged = parse(served.get('zones.csv')!, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toEqual(packaged.filter((r) => shown.includes(r.id!)));

    // From the « Données » panel: the GeoJSON of the same zones.
    await page.getByRole('button', { name: 'Données', exact: true }).click();
    const [geoDownload] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: 'GeoJSON', exact: true }).click()
    ]);
    expect(geoDownload.suggestedFilename()).toBe(`zones_${programme}.geojson`);
    const collection = JSON.parse((await bytesOf(geoDownload)).toString('utf8')) as GeoJSON.FeatureCollection;
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => String(f.id)).sort()).toEqual([...shown].sort());
    for (const feature of collection.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      expect(feature.properties?.nom).toBe(names.get(String(feature.id)));
    }
    await page.close();
  });

  test('the open panel is in the address and survives a reload', async () => {
    const { page } = await openAtlas(browser, '/', DESKTOP);
    await page.getByRole('button', { name: 'Données', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('panel')).toBe('data');
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: 'Données', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect.poll(() => entry(page, descriptor.resources[0]!.path).isVisible()).toBe(true);
    await page.close();
  });

  test('when the package cannot be fetched (no network), a French message says what to do, and « Réessayer » loads it', async () => {
    // Without the service worker, so that the page's own request is the one cut off.
    const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/donnees/datapackage.json', (route) => route.abort('internetdisconnected'));
    await page.goto(`${inject('baseURL')}/`);
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Données', exact: true }).click();
    const alert = panel(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/copie hors ligne.*reconnectez-vous puis réessayez/);
    await page.unroute('**/donnees/datapackage.json');
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await expect.poll(() => entry(page, 'datapackage.json').isVisible()).toBe(true);
    await context.close();
  });

  test.each([
    ['desktop', DESKTOP],
    ['phone', PHONE]
  ])('passes axe-core and fits the screen without sideways scrolling (%s)', async (_, viewport) => {
    const { page } = await openAtlas(browser, '/?panel=data', viewport);
    await expect.poll(() => entry(page, 'datapackage.json').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width
    );
    const overflow = await panel(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

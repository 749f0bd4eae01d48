// The embeddable map, from the user's side: `embed=1` shows the map, its legend and the
// sheet a click opens, without header, search or panels, filling its frame from 300×250 up;
// « Ouvrir dans l'atlas » leads to the same view outside the frame. Framed by a page of
// another origin, it draws, opens a sheet, is reached by keyboard, and asks nothing of any
// other host. « Intégrer cette carte » gives the iframe code.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, openAtlas, waitForMapIdle } from './browser';
import { findableQuarter, hashOn } from './built-data';
import { chooseFromHeaderMenu } from './header-menu';

const quarter = findableQuarter();

let browser: Browser;
let host: Server;
let hostURL: string;
let framedSrc = '';

beforeAll(async () => {
  browser = await launchBrowser();
  // A host page of another origin (its own loopback port) holding the atlas in an iframe.
  host = createServer((request, response) => {
    const [width, height] = (new URL(request.url ?? '/', 'http://host').searchParams.get('size') ?? '800x600')
      .split('x')
      .map(Number);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="fr"><head><title>Hôte</title><style>body{margin:0}</style></head><body>` +
        `<iframe src="${framedSrc}" title="Carte de l'atlas" width="${width}" height="${height}" style="border:0"></iframe>` +
        `</body></html>`
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostURL = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => host.close(resolve));
});

/** Opens the host page with the atlas's `path` framed at `size`; returns the page and the frame. */
async function framed(
  path: string,
  size: { width: number; height: number }
): Promise<{ page: Page; frame: Frame; foreign: string[]; errors: string[] }> {
  framedSrc = `${inject('baseURL')}${path}`;
  const page = await browser.newPage({ viewport: { width: size.width + 40, height: size.height + 40 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (
      request.frame() !== page.mainFrame() &&
      !url.startsWith(inject('baseURL')) &&
      !/^(data|blob):/.test(url)
    )
      foreign.push(url);
  });
  await page.goto(`${hostURL}/?size=${size.width}x${size.height}`);
  const element = await page.waitForSelector('iframe');
  const frame = (await element.contentFrame())!;
  await waitForMapIdle(frame as unknown as Page);
  return { page, frame, foreign, errors };
}

describe('the embedded map', () => {
  test.each([
    [300, 250],
    [1200, 800]
  ])('fills a %i×%i frame with the map, without header, search or panels', async (width, height) => {
    const { page, frame, errors } = await framed('/?embed=1', { width, height });
    expect(await frame.locator('header.top').count()).toBe(0);
    expect(await frame.getByRole('combobox', { name: /Rechercher/ }).count()).toBe(0);
    expect(await frame.getByRole('navigation', { name: 'Panneaux' }).count()).toBe(0);
    await expect.poll(() => frame.getByRole('link', { name: "Ouvrir dans l'atlas" }).isVisible()).toBe(true);
    await expect.poll(() => frame.locator('.legend-slot').isVisible()).toBe(true);
    const box = (await frame.locator('.map canvas').boundingBox())!;
    // The map takes the frame's width and all its height but the link's bar.
    expect(box.width).toBeGreaterThanOrEqual(width - 1);
    expect(box.height).toBeGreaterThanOrEqual(height - 40);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('in a frame of another origin it draws, a click opens a sheet, a few Tabs reach the link, and no other host is asked', async () => {
    const { page, frame, foreign, errors } = await framed(`/?embed=1${hashOn(quarter.id, 14)}`, {
      width: 800,
      height: 600
    });
    const box = (await frame.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const sheet = frame.getByRole('complementary', { name: 'Fiche de la zone' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(quarter.name);
    await expect.poll(() => new URL(frame.url()).searchParams.get('embed')).toBe('1');
    // The sheet takes focus on its heading; « Ouvrir dans l'atlas » comes within a few Tabs,
    // before the sheet's source links (a real sheet cites dozens), not after them.
    await expect.poll(() => frame.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    let reached = false;
    for (let i = 0; i < 3 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await frame.evaluate(
        () => document.activeElement?.textContent?.trim() === "Ouvrir dans l'atlas"
      );
    }
    expect(reached).toBe(true);
    // One way out at a time: the bar's copy is hidden while the sheet shows its own.
    expect(await frame.getByRole('link', { name: "Ouvrir dans l'atlas" }).count()).toBe(1);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("« Ouvrir dans l'atlas » leads outside the frame to the same view without embed=1", async () => {
    const { page } = await openAtlas(
      browser,
      `/?embed=1&zone=${quarter.id}&panel=list${hashOn(quarter.id, 12)}`,
      {
        width: 800,
        height: 600
      }
    );
    const link = page.getByRole('link', { name: "Ouvrir dans l'atlas" });
    await expect.poll(() => link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await waitForMapIdle(page);
    await link.focus();
    const href = new URL((await link.getAttribute('href'))!);
    const here = new URL(page.url());
    expect(href.origin + href.pathname).toBe(here.origin + here.pathname);
    expect(href.searchParams.get('embed')).toBeNull();
    expect(href.searchParams.get('zone')).toBe(quarter.id);
    expect(href.searchParams.get('panel')).toBe('list');
    expect(href.hash).toBe(here.hash);
    const opened = page.waitForEvent('popup');
    await link.click();
    const full = await opened;
    await full.waitForLoadState();
    await expect.poll(() => full.getByRole('combobox', { name: /Rechercher/ }).isVisible()).toBe(true);
    await page.close();
  });

  test('the site sends nothing that forbids framing', async () => {
    const response = await fetch(`${inject('baseURL')}/?embed=1`);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('content-security-policy') ?? '').not.toMatch(/frame-ancestors/);
    const html = await response.text();
    expect(html).not.toMatch(/frame-ancestors/);
  });

  test('« Intégrer cette carte » gives iframe code for the current view at the chosen size', async () => {
    const { page } = await openAtlas(browser, `/?zone=${quarter.id}`, { width: 1280, height: 800 });
    await chooseFromHeaderMenu(page, 'Intégrer cette carte');
    const dialog = page.getByRole('dialog', { name: 'Intégrer cette carte' });
    await dialog.getByRole('spinbutton', { name: 'Largeur (px)' }).fill('640');
    await dialog.getByRole('spinbutton', { name: 'Hauteur (px)' }).fill('480');
    const code = dialog.getByRole('textbox', { name: 'Code à coller' });
    await expect.poll(() => code.inputValue()).toMatch(/width="640" height="480"/);
    const html = await code.inputValue();
    expect(html).toMatch(/^<iframe src="[^"]+" title="Carte : [^"]+"/);
    const src = new URL(/src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('zone')).toBe(quarter.id);
    expect(src.hash).toBe(new URL(page.url()).hash);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await dialog.getByRole('button', { name: 'Copier le code' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).not.toBe('');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.close();
  });

  test.each([
    [300, 250],
    [800, 600]
  ])(
    'axe-core finds no critical or serious violation in the embedded view at %i×%i',
    async (width, height) => {
      const { page } = await openAtlas(browser, `/?embed=1&zone=${quarter.id}`, { width, height });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  );
});

// Opens the built atlas in Debian's Chromium through playwright-core, and
// records page errors and every request that leaves the local server.
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { waitForMapIdle } from './chromium';
export { launchBrowser, waitForMapIdle } from './chromium';

/** A page and what it did wrong: uncaught errors, requests to other hosts, dialogs it opened. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  foreignRequests: string[];
  /** Messages of the alert, confirm and prompt dialogs the page opened (each dismissed). */
  dialogs: string[];
}

/** Opens `path` of the served site at the given viewport and waits for the map's first idle. */
export async function openAtlas(
  browser: Browser,
  path = '/',
  viewport = { width: 1280, height: 800 },
  baseURL = inject('baseURL')
): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  await page.goto(`${baseURL}${path}`);
  await waitForMapIdle(page);
  return { page, errors, foreignRequests, dialogs };
}

/**
 * RGB of the map canvas's pixels in a square of `half` device pixels around a point given as
 * fractions of its width and height (one pixel when `half` is 0).
 */
export async function mapPatch(
  page: Page,
  fx = 0.5,
  fy = 0.5,
  half = 0
): Promise<[number, number, number][]> {
  return page.evaluate(
    ([x, y, half]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.map canvas')!;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const side = 2 * half! + 1;
      const data = ctx.getImageData(
        Math.floor(canvas.width * x!) - half!,
        Math.floor(canvas.height * y!) - half!,
        side,
        side
      ).data;
      const pixels: [number, number, number][] = [];
      for (let i = 0; i < data.length; i += 4) pixels.push([data[i]!, data[i + 1]!, data[i + 2]!]);
      return pixels;
    },
    [fx, fy, half]
  );
}

/** RGB of the map canvas at a point given as fractions of its width and height. */
export async function mapPixel(page: Page, fx = 0.5, fy = 0.5): Promise<[number, number, number]> {
  return (await mapPatch(page, fx, fy))[0]!;
}

/**
 * Presses `key` until the deck shows scene `scene`: a scene whose numbered key or panel comes
 * in parts takes one press per part before the next scene (a phone may show dozens). Each press
 * waits for the scene or the caption card to change. Fails after `presses` presses.
 */
export async function stepToScene(page: Page, key: string, scene: string, presses = 64) {
  const sceneNow = () => new URL(page.url()).searchParams.get('scene');
  const cardText = () => page.evaluate(() => document.querySelector('.presenter .card')?.textContent ?? '');
  for (let i = 0; i < presses && sceneNow() !== scene; i++) {
    const before = await cardText();
    await page.keyboard.press(key);
    await expect
      .poll(async () => sceneNow() === scene || (await cardText()) !== before, { timeout: 5000 })
      .toBe(true);
  }
  expect(sceneNow(), `scene after ${presses} presses of ${key}`).toBe(scene);
}

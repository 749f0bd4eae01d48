// Presentation mode and image export, from the presenter's side: keys step the
// scenes (URL, camera and caption change), Escape leaves, a link opens a scene,
// and the exported PNG is a real 1920×1080 slide with its caption area.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openAtlas, waitForMapIdle } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const sceneParam = (url: string) => new URL(url).searchParams.get('scene');
const hashOf = (url: string) => new URL(url).hash;

describe('presenting the regional picture', () => {
  test('"Présenter" enters the deck; keys step the scenes, changing URL, camera and caption', async () => {
    const { page } = await openAtlas(browser, '/', { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Présenter' }).click();
    const deck = page.getByRole('region', { name: 'Présentation' });
    await deck.waitFor();
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
    const firstTitle = await deck.getByRole('heading', { level: 2 }).textContent();
    await waitForMapIdle(page);
    const firstHash = hashOf(page.url());

    // Clickers send PageDown / PageUp.
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => sceneParam(page.url())).toBe('3');
    await expect.poll(() => deck.getByRole('heading', { level: 2 }).textContent()).not.toBe(firstTitle);
    await expect.poll(() => hashOf(page.url()), { timeout: 5000 }).not.toBe(firstHash);
    await page.keyboard.press('PageUp');
    await expect.poll(() => sceneParam(page.url())).toBe('2');
    await page.keyboard.press('End');
    await expect.poll(() => deck.getByText(/^\d+ \/ \d+$/).textContent()).toMatch(/^(\d+) \/ \1$/);

    await page.keyboard.press('Escape');
    await deck.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('present')).toBeNull();
    await page.close();
  });

  test('a scene link opens that scene with its caption', async () => {
    const { page } = await openAtlas(browser, '/?present=1&scene=3', { width: 1280, height: 720 });
    const deck = page.getByRole('region', { name: 'Présentation' });
    await expect.poll(() => deck.getByText(/^3 \/ \d+$/).isVisible()).toBe(true);
    await expect.poll(() => deck.getByRole('heading', { level: 2 }).textContent()).toMatch(/Nord/);
    await page.close();
  });

  test('the funding scene shows the summary by scope, national envelopes apart', async () => {
    const { page } = await openAtlas(browser, '/?present=1&scene=10', { width: 1280, height: 720 });
    const summary = page.getByRole('region', { name: 'Synthèse régionale' });
    const national = summary.getByRole('region', { name: /Enveloppes nationales/ });
    await expect.poll(() => national.getByText('plus de 13 Md€').isVisible()).toBe(true);
    // The sources give no zone's own money: that block says so instead of sharing out envelopes.
    const own = summary.getByRole('region', { name: /Montants propres aux zones/ });
    await expect.poll(() => own.textContent()).toContain('Aucun montant de ce niveau dans les sources.');
    await expect.poll(() => own.getByText(/Md€|M€/).count()).toBe(0);
    await page.close();
  });

  test('the exported PNG is a 1920×1080 slide that is not blank and carries text beside the map', async () => {
    const { page } = await openAtlas(browser, '/?prog=npnru');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: "Exporter l'image" }).click();
    const file = await (await download).path();
    const png = await readFile(file);
    // PNG header: width and height are big-endian at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(1080);

    const stats = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const variance = (x: number, y: number, w: number, h: number) => {
        const data = ctx.getImageData(x, y, w, h).data;
        let sum = 0;
        let sumSq = 0;
        for (let i = 0; i < data.length; i += 4) {
          const v = data[i]! + data[i + 1]! + data[i + 2]!;
          sum += v;
          sumSq += v * v;
        }
        const n = data.length / 4;
        return sumSq / n - (sum / n) ** 2;
      };
      return {
        whole: variance(0, 0, canvas.width, canvas.height),
        // The right column (legend, caption, sources) and the title band hold text.
        side: variance(Math.round(canvas.width * 0.75), 200, Math.round(canvas.width * 0.2), 600),
        title: variance(0, 0, canvas.width, 90)
      };
    }, png.toString('base64'));
    expect(stats.whole).toBeGreaterThan(200);
    expect(stats.side).toBeGreaterThan(50);
    expect(stats.title).toBeGreaterThan(50);
    await page.close();
  });
});

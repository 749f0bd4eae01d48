// Offline use, as in a meeting room with no network: after one visit the atlas
// reopens from its offline copy, says so, and still opens sheets, steps scenes
// and exports an image. The site gets its own server here, stopped after the
// first visit, so nothing can come from the network afterwards.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { launchBrowser, waitForMapIdle } from './browser';
import { formatDate } from '../../src/lib/format/date';
import { atlas, findableQuarter } from './built-data';
import { startPreview, type PreviewServer } from './server';
import { chooseFromHeaderMenu } from './header-menu';

let browser: Browser;
let server: PreviewServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await startPreview();
});
afterAll(async () => {
  await browser.close();
  server.stop();
});

describe('with no network after one visit', () => {
  test(
    'the atlas reopens from its copy, says it is offline, opens a sheet, steps a scene and exports',
    { timeout: 180_000 },
    async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        acceptDownloads: true
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.baseURL}/`);
      await waitForMapIdle(page);
      // The copy is made once the map is drawn; the worker then controls the page.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 30_000
      });
      await expect.poll(() => page.getByText(/^Hors ligne/).count()).toBe(0);

      server.stop();
      await context.setOffline(true);
      await page.reload();
      await waitForMapIdle(page);
      const note = page.getByRole('status').filter({ hasText: /^Hors ligne/ });
      // The note dates the data as the build did: by the newest text they are drawn from.
      expect(atlas.dataDate, 'the built data are dated').toMatch(/^\d{4}-\d{2}/);
      await expect
        .poll(() => note.textContent())
        .toMatch(
          new RegExp(
            `^Hors ligne — données du ${formatDate(atlas.dataDate!)}\\s+\\(copie enregistrée le \\d{1,2}(er)? \\p{L}+ \\d{4}\\)$`,
            'u'
          )
        );

      const search = page.getByRole('combobox', { name: /Rechercher/ });
      const quarter = findableQuarter();
      await search.fill(quarter.name);
      await page.getByRole('option').first().waitFor();
      await search.press('Enter');
      const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
      await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(quarter.name);

      const download = page.waitForEvent('download');
      await chooseFromHeaderMenu(page, "Exporter l'image");
      const png = await readFile(await (await download).path());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(1920);

      await page.getByRole('button', { name: 'Présenter' }).click();
      const deck = page.getByRole('region', { name: 'Présentation' });
      await deck.waitFor();
      await page.keyboard.press('PageDown');
      await expect.poll(() => new URL(page.url()).searchParams.get('scene')).toBe('2');
      await expect.poll(() => deck.getByText(/^2 \/ \d+$/).isVisible()).toBe(true);
      await waitForMapIdle(page);

      expect(errors).toEqual([]);
      await context.close();
    }
  );
});

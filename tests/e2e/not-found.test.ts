// An address the atlas does not have: a French page that says so and leads back to the map.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, waitForMapIdle } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('an unknown address', () => {
  test('says in French that the page does not exist and leads back to the map', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject('baseURL')}/une-adresse-qui-n-existe-pas`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Page introuvable' }).count())
      .toBe(1);
    expect(await page.getByText('Not Found').count()).toBe(0);
    await page.getByRole('link', { name: "Retour à la carte de l'atlas" }).click();
    await waitForMapIdle(page);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });
});

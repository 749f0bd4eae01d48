// Only the site's own code runs: the built page carries a strict
// Content-Security-Policy, and walking the main journeys (panels, filter,
// search and sheet, export, presentation) triggers no violation of it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, waitForMapIdle } from './browser';
import { findableQuarter } from './built-data';
import { chooseFromHeaderMenu } from './header-menu';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** A context whose pages record every CSP violation (the event and the console line). */
async function watchedContext(): Promise<{ context: BrowserContext; violations: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const violations: string[] = [];
  await context.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`
      );
    });
  });
  context.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return { context, violations };
}

describe('content security policy', () => {
  test('the built page declares a policy that allows only the site itself, with no unsafe-inline or eval', async () => {
    const { context } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${inject('baseURL')}/`);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(policy).toMatch(/style-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    // 'unsafe-hashes' only with the hash of SvelteKit's route announcer style attribute.
    expect(policy).toMatch(/style-src-attr 'unsafe-hashes' 'sha256-[^']+'(;|$)/);
    await context.close();
  });

  test('walking the main journeys reports no violation', { timeout: 180_000 }, async () => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${inject('baseURL')}/`);
    await waitForMapIdle(page);

    for (const panel of ['Filtres', 'Couches', 'Liste', 'Synthèse']) {
      await page.getByRole('button', { name: panel, exact: true }).click();
      await page.locator('#panel').waitFor();
    }
    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    await page.locator('#panel input[type=checkbox]').first().click();
    await waitForMapIdle(page);

    const search = page.getByRole('combobox', { name: /Rechercher/ });
    await search.fill(findableQuarter().name);
    await page.getByRole('option').first().waitFor();
    await search.press('Enter');
    await page.getByRole('complementary', { name: 'Fiche de la zone' }).waitFor();

    const download = page.waitForEvent('download');
    await chooseFromHeaderMenu(page, "Exporter l'image");
    await download;

    await page.getByRole('button', { name: 'Présenter' }).click();
    await page.getByRole('region', { name: 'Présentation' }).waitFor();
    await page.keyboard.press('End');
    await waitForMapIdle(page);
    // The service worker is registered after the first picture: let it install too.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

    expect(violations).toEqual([]);
    await context.close();
  });
});

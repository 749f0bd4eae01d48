// Size budgets of the built site, as failing tests (the bench only prints them): what the
// first screen downloads until the map's first idle, gzip, measured in Chromium.
// Real data only: the budgets are those of the atlas as shipped. The fixture site runs the same
// code, whose JS and CSS the real run measures, on a smaller data set whose size proves nothing.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { APP_CODE_KB, BUDGET_KB, firstLoadBytes, type Kind, type Owner, type Total } from './first-load';
import { LAZY_FEATURES, lazyFeatureBytes, type Opening } from './lazy-features';
import { FIXTURE_RUN } from './site';

const kb = (bytes: number) => bytes / 1024;

describe.skipIf(FIXTURE_RUN)('first-load budgets (real data only)', () => {
  let browser: Browser;
  let totals: Record<Kind, Total>;
  let code: Record<Owner, Total>;
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ totals, code } = await firstLoadBytes(browser, inject('baseURL')));
  });
  afterAll(async () => {
    await browser.close();
  });

  it(`JS and CSS at first load stay within ${BUDGET_KB.jsAndCss} KB gzip`, () => {
    expect(totals.js.files).toBeGreaterThan(0);
    expect(kb(totals.js.gzip + totals.css.gzip)).toBeLessThanOrEqual(BUDGET_KB.jsAndCss);
  });

  it(`the app's own code at first load (all but MapLibre and its worker) stays within ${APP_CODE_KB} KB gzip`, () => {
    // MapLibre's chunk, stylesheet and worker are told by their file names: if the build stopped
    // naming them, the engine would count as the app's code, or nothing as the engine's.
    expect(code.maplibre.files).toBe(3);
    expect(code.app.files).toBeGreaterThan(0);
    expect(kb(code.app.gzip)).toBeLessThanOrEqual(APP_CODE_KB);
  });

  it(`start-up geodata stays within ${BUDGET_KB.geodata} KB gzip`, () => {
    expect(totals.geodata.files).toBeGreaterThan(0);
    expect(kb(totals.geodata.gzip)).toBeLessThanOrEqual(BUDGET_KB.geodata);
  });
});

/** How a feature is opened, for the test's name. */
const how = (open: Opening) => ('address' in open ? open.address : `« ${open.action} »`);

describe.skipIf(FIXTURE_RUN)('lazy features: what each downloads when opened (real data only)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const feature of LAZY_FEATURES) {
    it(`${feature.name} (${how(feature.open)}) downloads at most ${feature.budgetKB} KB gzip of JS and CSS`, async () => {
      const { gzip, files } = await lazyFeatureBytes(browser, inject('baseURL'), feature);
      // Nothing downloaded would mean its code came with the first load, which it must not.
      expect(files.length, 'files of its own, loaded when opened').toBeGreaterThan(0);
      expect(kb(gzip), files.join(', ')).toBeLessThanOrEqual(feature.budgetKB);
    });
  }
});

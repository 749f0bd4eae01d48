// Debian's Chromium through playwright-core, kept off the network.
// Shared by the browser tests and the benchmark (no vitest import here).
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium off the (closed) network; see STACK-NOTES.md. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

/** Starts Chromium; fails with a message saying how to install it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install it with "apt-get install chromium" (or set CHROMIUM_PATH).`
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Resolves once the map has loaded its style and finished rendering. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForSelector('.map[data-status="ready"]', { timeout: 20_000 });
  await page.waitForFunction(
    () => document.querySelector('.map')?.getAttribute('data-idle') === 'true',
    null,
    {
      timeout: 20_000
    }
  );
}

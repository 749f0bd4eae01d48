// Headless Chromium through playwright-core, kept off the network.
// Shared by the browser tests and the benchmark (no vitest import here).
//
// Which browser: CHROMIUM_PATH when set, else a system Chromium or Chrome,
// else the Chromium build that `npm install` brings inside @sparticuz/chromium
// (no root, no vendor download). ATLAS_BROWSER=bundled skips the system
// browsers, so CI can prove that a bare machine passes.
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

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

/** WebGL through SwiftShader for the bundled build, which has no system GL to fall back on. */
const BUNDLED_GL_ARGS = [
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist'
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable'
];

/** Where the browser comes from, with the flags it needs. */
export interface BrowserChoice {
  executablePath: string;
  args: string[];
  origin: 'CHROMIUM_PATH' | 'system' | 'bundled';
}

/** Picks the browser as described at the top of this file. */
export async function chooseBrowser(env = process.env): Promise<BrowserChoice> {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist.`);
    }
    return { executablePath: env.CHROMIUM_PATH, args: ARGS, origin: 'CHROMIUM_PATH' };
  }
  if (env.ATLAS_BROWSER !== 'bundled') {
    const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
    if (system) return { executablePath: system, args: ARGS, origin: 'system' };
  }
  const bundled = (await import('@sparticuz/chromium')).default;
  return {
    executablePath: await bundled.executablePath(),
    args: [...ARGS, ...BUNDLED_GL_ARGS],
    origin: 'bundled'
  };
}

/** Starts headless Chromium (see chooseBrowser for which one). */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await chooseBrowser();
  return chromium.launch({ executablePath, args });
}

/** Resolves once the map has loaded its style and finished rendering. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForSelector('.map[data-status="ready"]', { timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelector('.map')?.getAttribute('data-idle') === 'true',
    null,
    {
      timeout: 60_000
    }
  );
}

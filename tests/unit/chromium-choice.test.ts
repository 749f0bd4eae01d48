// Which browser the browser tests and the bench start (tests/e2e/chromium.ts).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseBrowser } from '../e2e/chromium';

describe('choosing the browser for the browser tests', () => {
  it('uses CHROMIUM_PATH when it is set', async () => {
    const choice = await chooseBrowser({ CHROMIUM_PATH: process.execPath });
    expect(choice).toMatchObject({ executablePath: process.execPath, origin: 'CHROMIUM_PATH' });
  });

  it('names the variable when CHROMIUM_PATH points nowhere', async () => {
    await expect(chooseBrowser({ CHROMIUM_PATH: '/nowhere/chromium' })).rejects.toThrow(
      'CHROMIUM_PATH=/nowhere/chromium does not exist.'
    );
  });

  it('falls back to the Chromium that npm install brings, with software WebGL flags', async () => {
    const choice = await chooseBrowser({ ATLAS_BROWSER: 'bundled' });
    expect(choice.origin).toBe('bundled');
    expect(existsSync(choice.executablePath)).toBe(true);
    expect(choice.args).toContain('--use-angle=swiftshader');
    expect(choice.args).toContain('--disable-background-networking');
  });
});

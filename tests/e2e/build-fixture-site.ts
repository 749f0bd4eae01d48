// `npm run build:fixture`: builds the atlas a second time, from the fixture project
// (tests/e2e/fixture/geodata/*.json) instead of geodata/*.json, into test-results/fixture-site/,
// so that the browser tests can run on data that differs from the editorial content
// (`ATLAS_SITE_DIR=test-results/fixture-site npx vitest run --project e2e`; npm test does both
// runs). The project's own build (static/data/, build/, .svelte-kit/) is left untouched.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as buildGeodata, REPO_ROOT } from '../../geodata/build/cli';
import { FIXTURE_SITE_DIR } from './site';

/** The fixture project root: its geodata/ holds zones, measures, scenes and sources. */
export const FIXTURE_ROOT = resolve(REPO_ROOT, 'tests/e2e/fixture');

/** Builds the fixture data, then the site from it; returns the exit code of the step that failed, or 0. */
export async function buildFixtureSite(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const site = resolve(REPO_ROOT, FIXTURE_SITE_DIR);
  rmSync(site, { recursive: true, force: true });
  // The site's own static files (styles, icon), then the fixture's data beside them.
  cpSync(join(REPO_ROOT, 'static'), join(site, 'static'), {
    recursive: true,
    filter: (path) => path !== join(REPO_ROOT, 'static/data')
  });
  // The raw sources and their download cache are the project's (see buildOptionsFrom).
  const geodata = await buildGeodata(['--root', FIXTURE_ROOT, '--out', join(site, 'static/data')], env);
  if (geodata !== 0) return geodata;
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...env, ATLAS_SITE_DIR: site }
  });
  return result.status ?? 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await buildFixtureSite();
}

// Which built site the browser tests run against. By default the atlas built from the project's
// data (`npm run build`: data in static/data/, the site in build/). When ATLAS_SITE_DIR names a
// folder, the same code built there from other data: the fixture run (build-fixture-site.ts,
// tests/run.ts). svelte.config.js reads the same variable to build and preview that site.
import { join } from 'node:path';

/** The folder of a site built from other data, or undefined for the project's own build. */
export const SITE_DIR = process.env.ATLAS_SITE_DIR || undefined;

/** True when the tests run on the fixture site rather than on the project's data. */
export const FIXTURE_RUN = SITE_DIR !== undefined;

/** The data folder the site under test serves as /data/. */
export const DATA_DIR = SITE_DIR ? join(SITE_DIR, 'static/data') : 'static/data';

/** The static site the adapter wrote; its presence says the site was built. */
export const BUILD_DIR = SITE_DIR ? join(SITE_DIR, 'build') : 'build';

/** Where `npm run build:fixture` builds the fixture site (git-ignored): the ATLAS_SITE_DIR of the fixture run. */
export const FIXTURE_SITE_DIR = 'test-results/fixture-site';

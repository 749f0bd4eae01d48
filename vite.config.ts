import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { chunkGroupsPlugin } from './src/lib/app/chunk-groups.ts';
import { trimMaplibreCssPlugin } from './src/lib/map/trim-maplibre-css.ts';

export default defineConfig({
  plugins: [trimMaplibreCssPlugin(), chunkGroupsPlugin(), sveltekit()],
  build: {
    // MapLibre's chunk (chunkGroupsPlugin) is about 1.1 MB minified: more than Vite's 500 kB rule
    // of thumb by design. What first load may weigh is the gzip budget that tests/e2e/budgets.test.ts holds.
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
      // On a shared 2-core machine every build is "slow"; the timing report would print each time.
      checks: { bundlerTimings: false }
    }
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/geodata/**/*.test.ts']
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One browser and one preview server are shared; run files one by one.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // A loaded machine can take seconds to settle after a click; vitest's 1 s default is too short.
          expect: { poll: { timeout: 15_000, interval: 100 } }
        }
      }
    ]
  }
});

// Build-time: MapLibre in a chunk of its own, named so. The app's own first-load code is then
// measured apart from the engine's (tests/e2e/first-load.ts tells them by file name), and a
// change to the app no longer changes the hash of the engine's 800 KB, so a returning visitor
// keeps it from the HTTP cache.
import type { Plugin } from 'vite';

/** The file-name mark of MapLibre's chunks: its main chunk `maplibre.<hash>.js`, its worker `maplibre-gl-worker.<hash>.mjs`. */
export const MAPLIBRE_CHUNK = 'maplibre';

/** MapLibre's own modules (its stylesheet stays with the app's CSS, trimmed at build time). */
const MAPLIBRE_MODULE = /node_modules[\\/]maplibre-gl[\\/]/;

/** Vite plugin putting MapLibre's modules in one chunk whose file name starts with `maplibre.`. */
export function maplibreChunkPlugin(): Plugin {
  return {
    name: 'atlas:maplibre-chunk',
    apply: 'build',
    outputOptions(options) {
      const groups = typeof options.codeSplitting === 'object' ? (options.codeSplitting.groups ?? []) : [];
      const chunkFileNames = options.chunkFileNames;
      return {
        ...options,
        codeSplitting: {
          ...(typeof options.codeSplitting === 'object' ? options.codeSplitting : {}),
          groups: [...groups, { name: MAPLIBRE_CHUNK, test: MAPLIBRE_MODULE }]
        },
        // SvelteKit names client chunks by hash alone; this one keeps its name in front.
        chunkFileNames: (chunk) => {
          const pattern =
            typeof chunkFileNames === 'function'
              ? chunkFileNames(chunk)
              : (chunkFileNames ?? '[name]-[hash].js');
          return chunk.name === MAPLIBRE_CHUNK && !pattern.includes('[name]')
            ? pattern.replace('[hash]', `${MAPLIBRE_CHUNK}.[hash]`)
            : pattern;
        }
      };
    }
  };
}

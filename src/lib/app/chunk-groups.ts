// Build-time chunk groups of the client bundle (Rolldown's `codeSplitting.groups`):
// - MapLibre in a chunk of its own, named so. The app's own first-load code is then measured
//   apart from the engine's (tests/e2e/first-load.ts tells them by file name), and a change to
//   the app no longer changes the hash of the engine's 800 KB, so a returning visitor keeps it
//   from the HTTP cache.
// - The components' styles in one stylesheet. SvelteKit links the styles of every component the
//   page may import, lazy or not, with the first picture; without this group each lazily loaded
//   component (sheets, panels) brought a stylesheet of its own: more requests at start, and
//   worse compression of the same rules.
import type { Plugin } from 'vite';

/** The file-name mark of MapLibre's chunks: its main chunk `maplibre.<hash>.js`, its worker `maplibre-gl-worker.<hash>.mjs`. */
export const MAPLIBRE_CHUNK = 'maplibre';

/** The name of the one stylesheet holding the components' styles. */
const STYLES_CHUNK = 'styles';

/** MapLibre's own modules, its stylesheet included (trimmed at build time). */
const MAPLIBRE_MODULE = /node_modules[\\/]maplibre-gl[\\/]/;

/** The style block of a Svelte component, as vite-plugin-svelte names it. */
const COMPONENT_STYLE = /\.svelte\?svelte&type=style/;

/** Vite plugin adding the two groups; MapLibre's chunk file name starts with `maplibre.`. */
export function chunkGroupsPlugin(): Plugin {
  return {
    name: 'atlas:chunk-groups',
    apply: 'build',
    outputOptions(options) {
      const splitting = typeof options.codeSplitting === 'object' ? options.codeSplitting : {};
      const chunkFileNames = options.chunkFileNames;
      return {
        ...options,
        codeSplitting: {
          ...splitting,
          groups: [
            ...(splitting.groups ?? []),
            { name: MAPLIBRE_CHUNK, test: MAPLIBRE_MODULE },
            { name: STYLES_CHUNK, test: COMPONENT_STYLE }
          ]
        },
        // SvelteKit names client chunks by hash alone; MapLibre's keeps its name in front.
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

import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// ATLAS_SITE_DIR builds the same site from other data into another folder (the fixture run of
// the browser tests, tests/e2e/build-fixture-site.ts): static files and data from <dir>/static,
// SvelteKit's working files (what `vite preview` serves) in <dir>/.svelte-kit, the site in <dir>/build.
const siteDir = process.env.ATLAS_SITE_DIR;

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Plain files that any web server or CDN can host.
    adapter: adapter({ fallback: '404.html', ...(siteDir && { pages: `${siteDir}/build` }) }),
    ...(siteDir && { outDir: `${siteDir}/.svelte-kit`, files: { assets: `${siteDir}/static` } }),
    // Registered by the layout once the map is drawn (src/lib/offline/offline.ts).
    serviceWorker: { register: false },
    // Only the site's own code runs. The prerendered page carries this policy in a
    // <meta> tag, with hashes of the inline bootstrap script. blob: and data: only
    // where MapLibre needs them (images it decodes, its workers' fallbacks) and for
    // the exported PNG.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // The one style attribute in the page: SvelteKit's route announcer
        // (.svelte-kit/generated/root.svelte). The CSP test fails if it changes.
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self', 'blob:'],
        'child-src': ['self', 'blob:'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['none']
      }
    }
  }
};

export default config;

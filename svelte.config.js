import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Plain files that any web server or CDN can host.
    adapter: adapter({ fallback: '404.html' })
  }
};

export default config;

/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline use: after one visit the atlas opens and works with no network.
// The install step stores the whole built app and its data (static/data) in a
// cache named after the build, so a new deployment brings a new cache and the
// old one is deleted once the new worker takes over. The app's files are served
// from that cache; the page itself is asked from the network first, so a
// connected visitor always gets the current build.
import { base, build, files, prerendered, version } from '$service-worker';
import { CACHE_PREFIX, CACHED_AT_FILE } from '$lib/offline/names';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `${CACHE_PREFIX}${version}`;
/**
 * Vector tiles (src/lib/map/tiles.ts): for all of France they are thousands of files, too many to
 * copy at install. Each is kept in the build's cache once the map has asked for it.
 */
const TILES = `${base}/data/tiles/`;
/** The open-data package is for re-users to download, not something the map needs offline. */
const OPEN_DATA = `${base}/donnees/`;
/** Everything else the app needs: hashed bundles, static files (fonts, data) and the prerendered page. */
const PRECACHE = [
  ...build,
  ...files.filter((file) => !file.startsWith(TILES) && !file.startsWith(OPEN_DATA)),
  ...prerendered
];
const precached = new Set(PRECACHE);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE);
      // When the copy was made, shown by the offline note.
      await cache.put(`${base}/${CACHED_AT_FILE}`, Response.json({ cachedAt: new Date().toISOString() }));
      await worker.skipWaiting();
    })()
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await worker.clients.claim();
    })()
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const tile = url.pathname.startsWith(TILES);
      if (precached.has(url.pathname) || tile) {
        const cached = await cache.match(url.pathname);
        if (cached) return cached;
      }
      try {
        const response = await fetch(request);
        if (tile && response.ok) await cache.put(url.pathname, response.clone());
        return response;
      } catch (error) {
        // No network: a page address (whatever its query) gets the cached app shell.
        const fallback =
          request.mode === 'navigate'
            ? await cache.match(url.pathname, { ignoreSearch: true })
            : await cache.match(request);
        if (fallback) return fallback;
        throw error;
      }
    })()
  );
});

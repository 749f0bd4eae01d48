// Names the page and the service worker share about the offline copy
// (no `$app` import: the service worker cannot have one).

/** Every cache of the atlas starts with this; the rest is the build version. */
export const CACHE_PREFIX = 'atlas-';

/** File name, under the site's base path, of the `{ cachedAt }` record written with the copy. */
export const CACHED_AT_FILE = '__offline-copy.json';

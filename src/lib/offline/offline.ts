// The page's side of offline use: registering the service worker and reading
// when the offline copy was made.
import { dev } from '$app/environment';
import { base } from '$app/paths';
import { CACHED_AT_FILE } from './names';

/**
 * True when the site's own server answers. `navigator.onLine` alone is not enough:
 * a room's Wi-Fi can be connected with no way out. HEAD requests pass through the
 * service worker untouched, so this asks the network itself.
 */
export async function siteReachable(): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    await fetch(`${base}/`, { method: 'HEAD', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/** When the offline copy in use was made, or null when there is none (or no Cache API). */
export async function offlineCopyDate(): Promise<Date | null> {
  if (typeof caches === 'undefined') return null;
  const record = await caches.match(`${base}/${CACHED_AT_FILE}`);
  if (!record) return null;
  const { cachedAt } = (await record.json()) as { cachedAt?: string };
  const date = cachedAt ? new Date(cachedAt) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * Registers the service worker once the map has drawn its first picture
 * (the `atlas:first-idle` User Timing mark), so that copying the app for
 * offline use never competes with the first load. Returns a cleanup.
 */
export function registerWhenMapIsDrawn(): () => void {
  if (!('serviceWorker' in navigator)) return () => {};
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('atlas:first-idle').length === 0) return;
    observer.disconnect();
    // Kit builds a classic worker, but serves an ES module in development.
    void navigator.serviceWorker.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' });
  });
  observer.observe({ type: 'mark', buffered: true });
  return () => observer.disconnect();
}

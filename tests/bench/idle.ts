// In-page timing shared by the regional and national benches: from an action to the
// map's next busy → idle transition (the map element's data-idle attribute).
import type { Page } from 'playwright-core';

/**
 * In-page: time from `act()` to the map's next busy → idle transition
 * (data-idle), and the camera flight it started (atlas:movestart → moveend marks).
 */
function untilNextIdle(act: () => void): Promise<{ idle: number; flight: number | null }> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('the map did not go busy then idle within 30 s')), 30_000);
    const map = document.querySelector<HTMLElement>('.map')!;
    let busy = false;
    const start = performance.now();
    // A short busy spell may begin and end between two callbacks: the records' old values
    // still show it.
    const observer = new MutationObserver((records) => {
      if (map.dataset.idle !== 'true' || records.some((record) => record.oldValue === 'false')) busy = true;
      if (busy && map.dataset.idle === 'true') {
        observer.disconnect();
        const end = performance.now();
        // No inner named functions: tsx would wrap them in a helper the page does not have.
        const [moveStarts, moveEnds] = ['atlas:movestart', 'atlas:moveend'].map((name) =>
          performance
            .getEntriesByName(name)
            .filter((mark) => mark.startTime >= start)
            .map((mark) => mark.startTime)
        );
        // map.resize() before a flight also fires movestart → moveend at once: the flight is the
        // longest start → end pair.
        const moves = moveStarts!.flatMap((moveStart, i) =>
          moveEnds![i] === undefined ? [] : [moveEnds![i]! - moveStart]
        );
        resolve({ idle: end - start, flight: moves.length > 0 ? Math.max(...moves) : null });
      }
    });
    observer.observe(map, { attributes: true, attributeFilter: ['data-idle'], attributeOldValue: true });
    act();
  });
}

/** Runs `untilNextIdle` in the page with the given act (source of a function body). */
export function idleAfter(page: Page, act: string) {
  return page.evaluate(`(${untilNextIdle.toString()})(() => { ${act} })`) as Promise<{
    idle: number;
    flight: number | null;
  }>;
}

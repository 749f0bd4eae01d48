// Addresses and code for the embeddable map: the same view with or without `embed=1`, and
// the <iframe> a host page pastes. Pure: the dialog and the frame's link only call these.
import type { AppState } from '$lib/types';
import { serialiseState } from '$lib/url/state';

/** Smallest frame the embedded map is laid out for. */
export const MIN_FRAME = { width: 300, height: 250 } as const;

/**
 * Absolute address of a view of the atlas: `page` gives its origin and path, `state` the
 * query (written with `embed` as asked), `hash` the camera in MapLibre's `#zoom/lat/lng` form.
 */
export function viewAddress(page: URL, state: AppState, embed: boolean, hash: string): string {
  const query = serialiseState({ ...state, embed });
  return `${page.origin}${page.pathname}${query ? `?${query}` : ''}${hash}`;
}

// Attribute values are written between double quotes: these characters must be escaped there.
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The <iframe> code of an embedded view, `title` naming the frame for screen readers. */
export function iframeCode(src: string, title: string, width: number, height: number): string {
  const w = Math.max(MIN_FRAME.width, Math.round(width));
  const h = Math.max(MIN_FRAME.height, Math.round(height));
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="${w}" height="${h}" style="border:0" loading="lazy"></iframe>`;
}

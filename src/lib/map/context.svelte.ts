// The map instance lives in a typed Svelte context, created once by the page
// and filled by <AtlasMap> when MapLibre is ready. Never a module global.
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SelectionFrame } from './reframe';

const KEY = Symbol('atlas-map');

/** Holder of the page's MapLibre map; `map` is null until the style has loaded. */
export class MapHolder {
  map = $state.raw<MapLibreMap | null>(null);
  /** How the map frames the current selection (null: none), for pictures of it at another size. */
  selection: () => SelectionFrame | null = () => null;
}

/** Creates the page's map holder and makes it available to descendants. */
export function provideMap(): MapHolder {
  return setContext(KEY, new MapHolder());
}

/** The page's map holder; throws when used outside a page that provides one. */
export function useMap(): MapHolder {
  const holder = getContext<MapHolder | undefined>(KEY);
  if (!holder) throw new Error('useMap() needs provideMap() in an ancestor component');
  return holder;
}

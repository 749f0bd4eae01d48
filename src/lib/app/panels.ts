// The explorer's option panels that start closed (filters, layers, list): the first picture does
// not need their code, which loads when a panel is first opened, or once that picture is drawn so
// that a click finds it ready.

/** The filters panel's component. */
export const loadFilterPanel = () => import('$lib/filters/FilterPanel.svelte');
/** The layers panel's component. */
export const loadLayerPanel = () => import('$lib/layer-panel/LayerPanel.svelte');
/** The zone list's component. */
export const loadZoneList = () => import('$lib/zones/ZoneList.svelte');

/** Fetches the panels' code ahead of a click; a failure waits for the panel's own request. */
export function preloadPanels(): void {
  Promise.all([loadFilterPanel(), loadLayerPanel(), loadZoneList()]).catch(() => undefined);
}

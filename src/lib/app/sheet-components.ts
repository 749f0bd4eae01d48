// The zone, commune, EPCI and QPV sheets, bundled into one chunk that the page loads when a
// sheet is first needed or once the first picture is drawn (sheets.svelte.ts).
export { default as ZoneSheet } from '$lib/zones/ZoneSheet.svelte';
export { default as CommuneSheet } from '$lib/communes/CommuneSheet.svelte';
export { default as EpciSheet } from '$lib/epci/EpciSheet.svelte';
export { default as QpvSheet } from '$lib/qpv/QpvSheet.svelte';

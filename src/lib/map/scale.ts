// The scale bar's length and wording, from the map's zoom and latitude. Pure, so it is tested in node.

/** Earth's circumference at the equator in metres (the Web Mercator sphere MapLibre draws on). */
const EARTH_CIRCUMFERENCE = 40_075_016.686;

/** Side in CSS px of a MapLibre tile at zoom 0. */
const TILE_SIZE = 512;

/** Metres shown by one CSS pixel at `zoom`, at latitude `lat` (degrees). */
export function metresPerPixel(zoom: number, lat: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (TILE_SIZE * 2 ** zoom);
}

/** A scale bar: its width in CSS px and its French label. */
export interface ScaleBar {
  width: number;
  label: string;
}

/**
 * The longest round distance (1, 2, 3 or 5 times a power of ten) that fits in `maxWidth` px,
 * labelled in metres below a kilometre and in kilometres above, as MapLibre's own scale does.
 */
export function scaleBar(metresPerPx: number, maxWidth: number): ScaleBar {
  const most = metresPerPx * maxWidth;
  const power = 10 ** Math.floor(Math.log10(most));
  const step = [5, 3, 2, 1].find((d) => d * power <= most) ?? 1;
  const metres = step * power;
  const label = metres >= 1000 ? `${(metres / 1000).toLocaleString('fr-FR')} km` : `${metres} m`;
  return { width: Math.round(metres / metresPerPx), label };
}

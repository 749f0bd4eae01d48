// Colours and widths of the map, in one place. Components and layer specs read
// them from here; nothing else hard-codes a colour of the map.

/**
 * A hatch of opaque diagonal lines on a transparent ground, as one square tile: the pixel at
 * (x, y) is drawn when (x + y) mod `size` < `width`. Opaque pixels on the same grid: hatches that
 * overlap draw the same pixels, so they never add up to a darker fill.
 */
export interface Hatch {
  /** Side of the tile, in CSS px: the lines' spacing along a row. */
  size: number;
  /** Pixels drawn along a row in each period. */
  width: number;
}

/** A hatch in a colour: what the map's pattern image and the legend's swatch are drawn from. */
export interface ColoredHatch extends Hatch {
  color: string;
}

/** A theme: the map's palette and line widths. */
export interface MapTheme {
  background: string;
  land: string;
  /** Neighbouring countries: quiet land under the French layers. */
  neighbour: string;
  epci: { line: string; dash: [number, number] };
  region: { fill: string; line: string };
  /** Départements: boundary, name colour and halo; size of the name in px. */
  departement: { line: string; label: string; halo: string; labelSize: number };
  commune: { line: string };
  /** Town names at quarter zoom: colour, halo, size in px (quieter than the quarters' names). */
  town: { label: string; halo: string; size: number };
  /**
   * QPV: fill opacity; outline widths. Those on the NPNRU list get a denser fill and a
   * thicker, darker outline.
   */
  qpv: {
    fill: string;
    line: string;
    npnruLine: string;
    fillOpacity: number;
    npnruFillOpacity: number;
    width: number;
    npnruWidth: number;
  };
  /**
   * Quarters: fill opacity of an official outline, at rest and under the pointer; outline width
   * and the approximate outline's dash (in line widths); label halo and marker ring colours;
   * size of the name in px and its distance from the quarter's point in ems (clear of a
   * numbered disc drawn there). An approximate outline (the union of the quarter's communes)
   * has no fill: it is hatched, so that however many overlap, or one is selected, it never
   * takes an official quarter's look.
   */
  quarter: {
    fill: string;
    line: string;
    label: string;
    labelSize: number;
    labelOffset: number;
    halo: string;
    markerRing: string;
    fillOpacity: { official: number; hover: number };
    width: number;
    approximateDash: [number, number];
    hatch: Hatch;
  };
  /**
   * Numbered quarter markers of a scene: disc colour, outline and number colour; smallest
   * radius, outline width and number size in px (together they set when crowded quarters share
   * a disc, see markers.ts).
   */
  numbered: {
    fill: string;
    line: string;
    text: string;
    radius: number;
    outline: number;
    textSize: number;
  };
  /**
   * Territories (whole départements): fill opacity at regional scale (zoom 8) and once zoomed
   * into their quarters (zoom 10), each at rest and under the pointer; outline width.
   */
  territory: {
    fill: string;
    line: string;
    fillOpacity: { regional: number; regionalHover: number; zoomed: number; zoomedHover: number };
    width: number;
  };
  hover: string;
  selected: string;
  spotlightDim: string;
  spotlightOpacity: number;
  /** Multiplies every line width (projector themes want thicker lines). */
  lineScale: number;
}

/** Default explorer theme: quiet context, warm quarters, teal territories. */
export const defaultTheme: MapTheme = {
  // The sea is clearly bluer than the neighbouring countries' land: on a projector a paler sea
  // (#dfe9ef, 20 apart in RGB from the neighbours) could not be told from the land.
  background: '#b9d0df',
  land: '#f6f3ec',
  neighbour: '#e4e2dd',
  epci: { line: '#8c6a3f', dash: [3, 2] },
  region: { fill: '#fbf8f1', line: '#5c4d3c' },
  departement: { line: '#9a9183', label: '#4a4338', halo: '#ffffff', labelSize: 13 },
  commune: { line: '#d2cabb' },
  town: { label: '#4f4a42', halo: '#ffffff', size: 12 },
  qpv: {
    fill: '#7b5ea7',
    line: '#5b3f86',
    npnruLine: '#3d2466',
    fillOpacity: 0.2,
    npnruFillOpacity: 0.4,
    width: 0.8,
    npnruWidth: 2
  },
  quarter: {
    fill: '#c0392b',
    line: '#7b1d14',
    label: '#5a140d',
    labelSize: 12,
    labelOffset: 0.6,
    halo: '#ffffff',
    markerRing: '#ffffff',
    fillOpacity: { official: 0.6, hover: 0.75 },
    width: 1.6,
    approximateDash: [2, 1.5],
    hatch: { size: 8, width: 3 }
  },
  numbered: {
    fill: '#7b1d14',
    line: '#ffffff',
    text: '#ffffff',
    radius: 11,
    outline: 2,
    textSize: 13
  },
  territory: {
    fill: '#1f8a70',
    line: '#0f5c4a',
    fillOpacity: { regional: 0.26, regionalHover: 0.42, zoomed: 0.08, zoomedHover: 0.2 },
    width: 2
  },
  hover: '#f39c12',
  selected: '#111111',
  spotlightDim: '#1b1b1b',
  spotlightOpacity: 0.45,
  lineScale: 1
};

/** Projector theme: higher contrast and thicker lines, for presentation mode. */
export const projectorTheme: MapTheme = {
  ...defaultTheme,
  background: '#a9c3d6',
  departement: { line: '#4d463b', label: '#1d1a15', halo: '#ffffff', labelSize: 17 },
  quarter: { ...defaultTheme.quarter, fill: '#b21f10', line: '#4a0c06', label: '#2a0803', labelSize: 16 },
  numbered: {
    fill: '#4a0c06',
    line: '#ffffff',
    text: '#ffffff',
    radius: 13,
    outline: 2,
    textSize: 16
  },
  territory: { ...defaultTheme.territory, fill: '#0f7a5f', line: '#063d30' },
  lineScale: 1.8
};

/**
 * The presentation's one text size on a window `width` px wide: 20 px at 1920 and the same
 * share of the width down to 15 px at 1280, never less (the back of the room reads the same at
 * every projector size). presenter.css writes the same rule for the card and the legend.
 */
export function presentTextSize(width: number): number {
  return Math.min(32, Math.max(15, width * 0.0078125 + 5));
}

/** The projector theme for a window `width` px wide: the map's names and numbers in the presentation's text size. */
export function projectorThemeAt(width: number): MapTheme {
  const text = presentTextSize(width);
  const radius = Math.ceil(text * 0.8);
  return {
    ...projectorTheme,
    departement: { ...projectorTheme.departement, labelSize: text },
    town: { ...projectorTheme.town, size: text },
    quarter: {
      ...projectorTheme.quarter,
      labelSize: text,
      labelOffset: (radius + projectorTheme.numbered.outline) / text + 0.25
    },
    numbered: { ...projectorTheme.numbered, textSize: text, radius }
  };
}

/**
 * `base` as it looks under the spotlight's dimming veil, as one opaque colour: a layer drawn with
 * it looks the same however many of its features overlap, where a translucent veil would darken
 * again at each overlap.
 */
export function spotlightDimmed(theme: MapTheme, base: string): string {
  const a = theme.spotlightOpacity;
  const dim = rgbOf(theme.spotlightDim);
  return (
    '#' +
    rgbOf(base)
      .map((v, i) => Math.round(v * (1 - a) + dim[i]! * a))
      .map((v) => v.toString(16).padStart(2, '0'))
      .join('')
  );
}

/** RGB channels of a `#rrggbb` colour. */
export function rgbOf(hex: string): [number, number, number] {
  return [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)) as [number, number, number];
}

/** The approximate quarters' hatch, in the quarters' colour. */
export function quarterHatch(theme: MapTheme): ColoredHatch {
  return { ...theme.quarter.hatch, color: theme.quarter.fill };
}

/**
 * The drawn pixels of one hatch tile as an SVG path: the band where (x + y) mod size < width,
 * for the legend's swatch and the exported image (which thus draw what the map's image draws).
 */
export function hatchTilePath({ size, width }: Hatch): string {
  return `M0 0H${width}L0 ${width}ZM0 ${size}L${size} 0V${width}L${width} ${size}Z`;
}

/** The RGBA pixels of one tile of `hatch`, `ratio` device pixels per CSS px. */
export function hatchPixels(
  hatch: ColoredHatch,
  ratio = 1
): { width: number; height: number; data: Uint8Array } {
  const side = hatch.size * ratio;
  const data = new Uint8Array(side * side * 4);
  const [r, g, b] = rgbOf(hatch.color);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if ((x + y) % side >= hatch.width * ratio) continue;
      data.set([r, g, b, 255], (y * side + x) * 4);
    }
  }
  return { width: side, height: side, data };
}

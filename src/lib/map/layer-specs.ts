// The map's layers as data: one pure function returns every layer spec from a
// theme, in draw order (first drawn first). Dynamic state (filters, hover,
// selection, spotlight) goes through feature-state and the style's global
// state, never by rebuilding GeoJSON.
//
// The filter hides a zone through its `hidden` feature-state, not through a layer filter:
// a filter reading global state makes MapLibre cut the source's tiles again in its worker,
// which kept a filter click a few hundred milliseconds from the next idle map.
import type { ExpressionSpecification, LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { LayerId } from '$lib/types';
import { spotlightDimmed, type MapTheme } from './theme';
import { COMMUNE_TILES, QPV_TILES, TOWN_LABEL_TILES } from './tiles';

/** Source ids, shared by the style builder and the layer specs. */
export const SOURCES = {
  zones: 'zones',
  zoneLabels: 'zone-labels',
  region: 'region',
  departements: 'departements',
  departementLabels: 'departement-labels',
  communes: 'communes',
  epci: 'epci',
  neighbours: 'neighbours',
  qpv: 'qpv',
  /** Town names (one point per commune), from zoom 10. */
  towns: 'towns',
  /** A scene's numbered discs, laid out by the map on each view (markers.ts). */
  numbers: 'numbers'
} as const;

/** Id of the approximate quarters' hatch image, drawn by the map at run time (theme.ts `hatchPixels`). */
export const HATCH_IMAGE = 'quarter-hatch';

/** Font name used by every label; the style maps it to a file served by the app. */
export const LABEL_FONT = 'Noto Sans Regular';

/** The town names' layer. */
export const TOWN_LABEL_LAYER = 'towns-label';

/** Layers whose features a click or hover can pick (the zones). */
export const ZONE_FILL_LAYERS = ['territories-fill', 'quarters-fill', 'quarters-marker'] as const;

/** Layer whose features a click can pick besides the zones (the QPVs). */
export const QPV_FILL_LAYER = 'qpv-fill';

/** Below this zoom a quarter is a few pixels wide: a marker keeps it visible and clickable. */
const MARKER_MAX_ZOOM = 10;

/** Feature-state of a zone the explorer's filter leaves out: every zone layer draws it transparent. */
export const HIDDEN = 'hidden';

/**
 * Paint of every fill: no antialiasing pass. MapLibre would otherwise draw each fill's edge again
 * with a shader program of its own, one per fill paint: a software renderer spends about 0.1 s
 * compiling each program on first use, which held the first picture back. The lines
 * drawn over the fills' edges smooth them instead; the one edge without a line, the neighbouring
 * countries' coast, is pale on pale and looks the same.
 */
const FILL = { 'fill-antialias': false } as const;

/**
 * Global-state keys the style reads (see the style's `state` defaults):
 * the départements the spotlight keeps bright (none: no dimming), the selected EPCI.
 */
export const STATE = {
  brightDepartements: 'brightDepartements',
  selectedEpci: 'selectedEpci',
  /** SIREN of the EPCI the filters keep, outlined so that the map shows what was chosen. */
  filteredEpci: 'filteredEpci',
  /** The département parts of QPV codes shown ("059"); none: every QPV of the data. */
  qpvDepartements: 'qpvDepartements',
  /** Code of the QPV whose sheet is open, outlined even when the QPV layer is off. */
  selectedQpv: 'selectedQpv',
  /** INSEE code of the commune whose sheet is open. */
  selectedCommune: 'selectedCommune'
} as const;

/**
 * The filtered EPCI's outline: width in px, dash in line widths. Dashed, so that it does not
 * read as a selection (whose sheet is open, drawn solid).
 */
export const FILTERED_OUTLINE: { width: number; dash: [number, number] } = { width: 2.5, dash: [2, 1.5] };

/** The selected commune's outline: shown only while a commune is selected, so that no commune tile is asked for otherwise. */
export const COMMUNE_SELECTED_LAYER = 'communes-selected';

/** A QPV of the départements shown (its code carries its département on three characters). */
const isShownQpv: ExpressionSpecification = [
  'any',
  ['==', ['length', ['global-state', STATE.qpvDepartements]], 0],
  ['in', ['slice', ['get', 'code'], 2, 5], ['global-state', STATE.qpvDepartements]]
];
/**
 * Whether a spotlight is on. The veils read it in their opacity, not in a filter: MapLibre lays
 * out a source's tiles again when a filter's global state changes, and a paint change is one
 * frame, so a scene step does not wait for the départements and neighbours to be re-cut.
 */
const spotlightOn: ExpressionSpecification = ['>', ['length', ['global-state', STATE.brightDepartements]], 0];
/** A département the spotlight keeps bright. */
const isBright: ExpressionSpecification = ['in', ['get', 'code'], ['global-state', STATE.brightDepartements]];
const isNpnruQpv: ExpressionSpecification = ['get', 'npnru'];
const isQuarter: ExpressionSpecification = ['==', ['get', 'kind'], 'quarter'];
const isTerritory: ExpressionSpecification = ['==', ['get', 'kind'], 'acceleration-territory'];
const isApproximate: ExpressionSpecification = ['==', ['get', 'approximate'], true];

/** `case` on a boolean feature-state, defaulting to false. */
function whenState(
  state: string,
  yes: number | string | ExpressionSpecification,
  no: number | string | ExpressionSpecification
): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', state], false], yes, no];
}

/** An opacity of a zone layer: zero for a zone the filter hides. */
function unlessHidden(opacity: number | ExpressionSpecification): ExpressionSpecification {
  return whenState(HIDDEN, 0, opacity);
}

/** Group (toggle) each layer belongs to; layers without a group are always shown. */
export function layerGroup(layer: LayerSpecification): LayerId | undefined {
  const meta = layer.metadata as { group?: LayerId } | undefined;
  return meta?.group;
}

/**
 * The numbers drawn on the discs the filter keeps, whose radius is about `radius` px: always
 * drawn, their collision box padded out to the disc so that names placed after them move
 * aside or give way instead of lying under a number.
 */
function numberLayer(
  theme: MapTheme,
  id: string,
  filter: ExpressionSpecification,
  radius: number
): SymbolLayerSpecification {
  const { textSize, outline, text } = theme.numbered;
  return {
    id,
    type: 'symbol',
    source: SOURCES.numbers,
    filter: ['all', ['==', ['geometry-type'], 'Point'], filter],
    metadata: { group: 'quarters' },
    layout: {
      'text-field': ['get', 'label'],
      'text-font': [LABEL_FONT],
      'text-size': textSize,
      'text-allow-overlap': true,
      'text-padding': Math.max(2, radius + outline - textSize / 2)
    },
    paint: { 'text-color': text, 'text-opacity': unlessHidden(1) }
  };
}

/** Every layer of the atlas, in draw order, styled by `theme`. */
export function atlasLayers(theme: MapTheme): LayerSpecification[] {
  const w = (width: number) => width * theme.lineScale;
  return [
    { id: 'background', type: 'background', paint: { 'background-color': theme.background } },
    // Neighbouring countries reach a few kilometres under France: French layers cover the seam.
    {
      id: 'neighbours-fill',
      type: 'fill',
      source: SOURCES.neighbours,
      paint: { ...FILL, 'fill-color': theme.neighbour }
    },
    // The spotlight dims the neighbours as it dims the départements outside it. The neighbours'
    // features overlap (Belgium lies in two), so a translucent veil would darken there twice:
    // the dimmed colour is drawn opaque instead. Under France the opaque départements hide it.
    {
      id: 'neighbours-spotlight',
      type: 'fill',
      source: SOURCES.neighbours,
      paint: {
        ...FILL,
        'fill-color': spotlightDimmed(theme, theme.neighbour),
        'fill-opacity': ['case', spotlightOn, 1, 0]
      }
    },
    {
      id: 'departements-fill',
      type: 'fill',
      source: SOURCES.departements,
      metadata: { group: 'departements' },
      paint: { ...FILL, 'fill-color': theme.land }
    },
    {
      id: 'region-fill',
      type: 'fill',
      source: SOURCES.region,
      metadata: { group: 'region' },
      paint: { ...FILL, 'fill-color': theme.region.fill }
    },
    {
      id: 'communes-line',
      type: 'line',
      source: SOURCES.communes,
      'source-layer': COMMUNE_TILES.layer,
      minzoom: COMMUNE_TILES.minZoom,
      metadata: { group: 'communes' },
      paint: { 'line-color': theme.commune.line, 'line-width': w(0.6) }
    },
    {
      id: 'epci-line',
      type: 'line',
      source: SOURCES.epci,
      metadata: { group: 'epci' },
      paint: { 'line-color': theme.epci.line, 'line-width': w(1.1), 'line-dasharray': theme.epci.dash }
    },
    {
      id: COMMUNE_SELECTED_LAYER,
      type: 'line',
      source: SOURCES.communes,
      'source-layer': COMMUNE_TILES.layer,
      minzoom: COMMUNE_TILES.minZoom,
      filter: ['==', ['get', 'code'], ['global-state', STATE.selectedCommune]],
      layout: { visibility: 'none' },
      paint: { 'line-color': theme.selected, 'line-width': w(3) }
    },
    {
      id: 'epci-filtered',
      type: 'line',
      source: SOURCES.epci,
      filter: ['==', ['get', 'code'], ['global-state', STATE.filteredEpci]],
      paint: {
        'line-color': theme.selected,
        'line-width': w(FILTERED_OUTLINE.width),
        'line-dasharray': FILTERED_OUTLINE.dash
      }
    },
    {
      id: 'epci-selected',
      type: 'line',
      source: SOURCES.epci,
      filter: ['==', ['get', 'code'], ['global-state', STATE.selectedEpci]],
      paint: { 'line-color': theme.selected, 'line-width': w(3) }
    },
    {
      id: 'departements-line',
      type: 'line',
      source: SOURCES.departements,
      metadata: { group: 'departements' },
      paint: { 'line-color': theme.departement.line, 'line-width': w(1) }
    },
    {
      id: 'region-line',
      type: 'line',
      source: SOURCES.region,
      metadata: { group: 'region' },
      paint: { 'line-color': theme.region.line, 'line-width': w(2) }
    },
    {
      id: 'territories-fill',
      type: 'fill',
      source: SOURCES.zones,
      filter: isTerritory,
      metadata: { group: 'territories' },
      paint: {
        ...FILL,
        'fill-color': theme.territory.fill,
        // A whole département: strong at regional scale, a light wash once zoomed into its quarters.
        'fill-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          8,
          unlessHidden(
            whenState(
              'hover',
              theme.territory.fillOpacity.regionalHover,
              theme.territory.fillOpacity.regional
            )
          ),
          10,
          unlessHidden(
            whenState('hover', theme.territory.fillOpacity.zoomedHover, theme.territory.fillOpacity.zoomed)
          )
        ]
      }
    },
    {
      id: 'territories-line',
      type: 'line',
      source: SOURCES.zones,
      filter: isTerritory,
      metadata: { group: 'territories' },
      paint: {
        'line-color': theme.territory.line,
        'line-width': w(theme.territory.width),
        'line-opacity': unlessHidden(1)
      }
    },
    {
      id: QPV_FILL_LAYER,
      type: 'fill',
      source: SOURCES.qpv,
      'source-layer': QPV_TILES.layer,
      filter: isShownQpv,
      metadata: { group: 'qpv' },
      paint: {
        ...FILL,
        'fill-color': theme.qpv.fill,
        'fill-opacity': ['case', isNpnruQpv, theme.qpv.npnruFillOpacity, theme.qpv.fillOpacity]
      }
    },
    // Two layers of constant paint rather than one reading `npnru`: they draw with the shader
    // program every constant line shares, where paint read from features needs one more (see FILL).
    {
      id: 'qpv-line',
      type: 'line',
      source: SOURCES.qpv,
      'source-layer': QPV_TILES.layer,
      filter: ['all', isShownQpv, ['!', isNpnruQpv]],
      metadata: { group: 'qpv' },
      paint: { 'line-color': theme.qpv.line, 'line-width': w(theme.qpv.width) }
    },
    {
      id: 'qpv-line-npnru',
      type: 'line',
      source: SOURCES.qpv,
      'source-layer': QPV_TILES.layer,
      filter: ['all', isShownQpv, isNpnruQpv],
      metadata: { group: 'qpv' },
      paint: { 'line-color': theme.qpv.npnruLine, 'line-width': w(theme.qpv.npnruWidth) }
    },
    {
      id: 'quarters-fill',
      type: 'fill',
      source: SOURCES.zones,
      filter: isQuarter,
      metadata: { group: 'quarters' },
      paint: {
        ...FILL,
        'fill-color': theme.quarter.fill,
        // An approximate (commune-union) outline has no fill, at rest or under the pointer: its
        // hatch says the real quarter is smaller. It stays in this layer, transparent, to be picked.
        'fill-opacity': unlessHidden([
          'case',
          isApproximate,
          0,
          ['boolean', ['feature-state', 'hover'], false],
          theme.quarter.fillOpacity.hover,
          theme.quarter.fillOpacity.official
        ])
      }
    },
    {
      id: 'quarters-hatch',
      type: 'fill',
      source: SOURCES.zones,
      filter: ['all', isQuarter, isApproximate],
      metadata: { group: 'quarters' },
      paint: { ...FILL, 'fill-pattern': HATCH_IMAGE, 'fill-opacity': unlessHidden(1) }
    },
    {
      id: 'quarters-line',
      type: 'line',
      source: SOURCES.zones,
      filter: ['all', isQuarter, ['!', isApproximate]],
      metadata: { group: 'quarters' },
      paint: {
        'line-color': theme.quarter.line,
        'line-width': w(theme.quarter.width),
        'line-opacity': unlessHidden(1)
      }
    },
    {
      id: 'quarters-line-approximate',
      type: 'line',
      source: SOURCES.zones,
      filter: ['all', isQuarter, isApproximate],
      metadata: { group: 'quarters' },
      paint: {
        'line-color': theme.quarter.line,
        'line-width': w(theme.quarter.width),
        'line-dasharray': theme.quarter.approximateDash,
        'line-opacity': unlessHidden(1)
      }
    },
    {
      id: 'quarters-marker',
      type: 'circle',
      source: SOURCES.zoneLabels,
      filter: isQuarter,
      maxzoom: MARKER_MAX_ZOOM,
      metadata: { group: 'quarters' },
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          5,
          3 * theme.lineScale,
          9,
          6 * theme.lineScale
        ],
        'circle-color': theme.quarter.fill,
        'circle-opacity': unlessHidden(['case', ['get', 'approximate'], 0.55, 0.9]),
        'circle-stroke-opacity': unlessHidden(1),
        'circle-stroke-color': [
          'case',
          ['boolean', ['feature-state', 'selected'], false],
          theme.selected,
          ['boolean', ['feature-state', 'hover'], false],
          theme.hover,
          theme.quarter.markerRing
        ],
        'circle-stroke-width': 1.5 * theme.lineScale
      }
    },
    // A scene's numbered quarters: a disc at every zoom carrying the number (layer
    // 'quarters-number'), keyed to the list on screen; crowded quarters share one disc, wide
    // enough for its numbers (markers.ts).
    {
      id: 'quarters-number-marker',
      type: 'circle',
      source: SOURCES.numbers,
      filter: ['==', ['geometry-type'], 'Point'],
      metadata: { group: 'quarters' },
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': theme.numbered.fill,
        'circle-stroke-color': theme.numbered.line,
        'circle-stroke-width': theme.numbered.outline
      }
    },
    {
      id: 'spotlight',
      type: 'fill',
      source: SOURCES.departements,
      paint: {
        ...FILL,
        'fill-color': theme.spotlightDim,
        'fill-opacity': ['case', ['all', spotlightOn, ['!', isBright]], theme.spotlightOpacity, 0]
      }
    },
    {
      id: 'zones-hover',
      type: 'line',
      source: SOURCES.zones,
      paint: {
        'line-color': theme.hover,
        'line-width': w(3),
        'line-opacity': unlessHidden(whenState('hover', 1, 0))
      }
    },
    // A selected zone is outlined, never filled darker; an approximate quarter's outline stays
    // dashed when selected, as in the legend.
    {
      id: 'zones-selected',
      type: 'line',
      source: SOURCES.zones,
      filter: ['!', isApproximate],
      paint: {
        'line-color': theme.selected,
        'line-width': w(3.5),
        'line-opacity': unlessHidden(whenState('selected', 1, 0))
      }
    },
    {
      id: 'zones-selected-approximate',
      type: 'line',
      source: SOURCES.zones,
      filter: isApproximate,
      paint: {
        'line-color': theme.selected,
        'line-width': w(3.5),
        'line-dasharray': theme.quarter.approximateDash,
        'line-opacity': unlessHidden(whenState('selected', 1, 0))
      }
    },
    {
      id: 'qpv-selected',
      type: 'line',
      source: SOURCES.qpv,
      'source-layer': QPV_TILES.layer,
      filter: ['==', ['get', 'code'], ['global-state', STATE.selectedQpv]],
      paint: { 'line-color': theme.selected, 'line-width': w(3.5) }
    },
    {
      id: 'departements-label',
      type: 'symbol',
      source: SOURCES.departementLabels,
      minzoom: 5.5,
      maxzoom: 10,
      metadata: { group: 'departements' },
      // Under a spotlight only the départements kept bright are named: the scene is about them,
      // and a dimmed neighbour's name at the screen's edge ends up half under the caption card.
      filter: ['any', ['!', spotlightOn], isBright],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': theme.departement.labelSize,
        // A name that would lie under a numbered disc moves to one side of its point.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08
      },
      paint: {
        'text-color': theme.departement.label,
        'text-halo-color': theme.departement.halo,
        'text-halo-width': 1.5
      }
    },
    // The territories' names at the scale of France, where the départements' names are not
    // drawn yet: the six territories far from the region are named there too.
    {
      id: 'territories-label',
      type: 'symbol',
      source: SOURCES.zoneLabels,
      filter: isTerritory,
      maxzoom: 5.5,
      metadata: { group: 'territories' },
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': theme.departement.labelSize,
        'text-max-width': 8,
        // The three around Paris lie close together: each may take the side left free.
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.8
      },
      paint: {
        'text-color': theme.territory.line,
        'text-halo-color': theme.departement.halo,
        'text-halo-width': 1.5,
        'text-opacity': unlessHidden(1)
      }
    },
    // Town names at quarter zoom, placed after the quarters' names (a layer lower in the stack
    // yields in collisions), the most populous first. Drawn whatever the layers: they say where
    // the map is.
    {
      id: TOWN_LABEL_LAYER,
      type: 'symbol',
      source: SOURCES.towns,
      'source-layer': TOWN_LABEL_TILES.layer,
      minzoom: TOWN_LABEL_TILES.minZoom,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': theme.town.size,
        'text-max-width': 8,
        'symbol-sort-key': ['-', ['get', 'population']],
        'text-padding': 4
      },
      paint: {
        'text-color': theme.town.label,
        'text-halo-color': theme.town.halo,
        'text-halo-width': 1.5
      }
    },
    {
      id: 'quarters-label',
      type: 'symbol',
      source: SOURCES.zoneLabels,
      filter: isQuarter,
      minzoom: 9,
      metadata: { group: 'quarters' },
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': theme.quarter.labelSize,
        'text-max-width': 9,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': theme.quarter.labelOffset
      },
      // A hidden quarter's label is transparent but keeps its place in the collision
      // pass: a neighbour's label may move to another anchor. Accepted: a filter change then
      // only repaints, where a changed filter would cut and place every label again.
      paint: {
        'text-color': theme.quarter.label,
        'text-halo-color': theme.quarter.halo,
        'text-halo-width': 1.5,
        'text-opacity': unlessHidden(1)
      }
    },
    // The number on each numbered quarter's disc, above every other label and always drawn.
    // A shared disc ("7–11") is wider than a lone one: its own layer, with its own padding
    // (text-padding is one value per layer).
    numberLayer(theme, 'quarters-number', ['<=', ['length', ['get', 'label']], 2], theme.numbered.radius),
    numberLayer(
      theme,
      'quarters-number-shared',
      ['>', ['length', ['get', 'label']], 2],
      1.9 * theme.numbered.textSize
    )
  ];
}

// The map's layers as data: one pure function returns every layer spec from a
// theme, in draw order (first drawn first). Dynamic state (filters, hover,
// selection, spotlight) goes through feature-state and the style's global
// state, never by rebuilding GeoJSON.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerId } from '$lib/types';
import type { MapTheme } from './theme';
import { COMMUNE_TILES } from './tiles';

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
  qpv: 'qpv'
} as const;

/** Font name used by every label; the style maps it to a file served by the app. */
export const LABEL_FONT = 'Noto Sans Regular';

/** Layers whose features a click or hover can pick (the zones). */
export const ZONE_FILL_LAYERS = ['territories-fill', 'quarters-fill', 'quarters-marker'] as const;

/** Below this zoom a quarter is a few pixels wide: a marker keeps it visible and clickable. */
const MARKER_MAX_ZOOM = 10;

/**
 * Global-state keys the style reads (see the style's `state` defaults):
 * the ids of the zones the explorer's filter keeps, and the focused départements
 * of the spotlight (none: no dimming).
 */
export const STATE = {
  visibleZones: 'visibleZones',
  spotlight: 'spotlight',
  selectedEpci: 'selectedEpci',
  /** Ids of a scene's numbered quarters, in number order (see present/numbering.ts). */
  numberedQuarters: 'numberedQuarters'
} as const;

const isVisible: ExpressionSpecification = ['in', ['get', 'id'], ['global-state', STATE.visibleZones]];
const isQuarter: ExpressionSpecification = ['all', ['==', ['get', 'kind'], 'quarter'], isVisible];
const isTerritory: ExpressionSpecification = [
  'all',
  ['==', ['get', 'kind'], 'acceleration-territory'],
  isVisible
];

/** Position of the zone in the numbered list: -1 when it carries no number. */
const numberIndex: ExpressionSpecification = [
  'index-of',
  ['get', 'id'],
  ['global-state', STATE.numberedQuarters]
];
const isNumbered: ExpressionSpecification = ['all', isQuarter, ['>=', numberIndex, 0]];

/** `case` on a boolean feature-state, defaulting to false. */
function whenState(state: string, yes: number | string, no: number | string): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', state], false], yes, no];
}

/** Group (toggle) each layer belongs to; layers without a group are always shown. */
export function layerGroup(layer: LayerSpecification): LayerId | undefined {
  const meta = layer.metadata as { group?: LayerId } | undefined;
  return meta?.group;
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
      paint: { 'fill-color': theme.neighbour }
    },
    // The spotlight dims the neighbours too; under France the opaque départements hide this layer,
    // so no strip is dimmed twice.
    {
      id: 'neighbours-spotlight',
      type: 'fill',
      source: SOURCES.neighbours,
      filter: ['>', ['length', ['global-state', STATE.spotlight]], 0],
      paint: { 'fill-color': theme.spotlightDim, 'fill-opacity': theme.spotlightOpacity }
    },
    {
      id: 'departements-fill',
      type: 'fill',
      source: SOURCES.departements,
      metadata: { group: 'departements' },
      paint: { 'fill-color': theme.land }
    },
    {
      id: 'region-fill',
      type: 'fill',
      source: SOURCES.region,
      metadata: { group: 'region' },
      paint: { 'fill-color': theme.region.fill }
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
        'fill-color': theme.territory.fill,
        // A whole département: strong at regional scale, a light wash once zoomed into its quarters.
        'fill-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          8,
          whenState('hover', theme.territory.fillOpacity.regionalHover, theme.territory.fillOpacity.regional),
          10,
          whenState('hover', theme.territory.fillOpacity.zoomedHover, theme.territory.fillOpacity.zoomed)
        ]
      }
    },
    {
      id: 'territories-line',
      type: 'line',
      source: SOURCES.zones,
      filter: isTerritory,
      metadata: { group: 'territories' },
      paint: { 'line-color': theme.territory.line, 'line-width': w(theme.territory.width) }
    },
    {
      id: 'qpv-fill',
      type: 'fill',
      source: SOURCES.qpv,
      metadata: { group: 'qpv' },
      paint: { 'fill-color': theme.qpv.fill, 'fill-opacity': theme.qpv.fillOpacity }
    },
    {
      id: 'qpv-line',
      type: 'line',
      source: SOURCES.qpv,
      metadata: { group: 'qpv' },
      paint: {
        'line-color': ['case', ['get', 'npnru'], theme.qpv.npnruLine, theme.qpv.line],
        'line-width': ['case', ['get', 'npnru'], w(theme.qpv.npnruWidth), w(theme.qpv.width)]
      }
    },
    {
      id: 'quarters-fill',
      type: 'fill',
      source: SOURCES.zones,
      filter: isQuarter,
      metadata: { group: 'quarters' },
      paint: {
        'fill-color': theme.quarter.fill,
        // Approximate (commune-union) outlines are paler: the real quarter is smaller.
        'fill-opacity': [
          'case',
          ['boolean', ['feature-state', 'hover'], false],
          theme.quarter.fillOpacity.hover,
          ['get', 'approximate'],
          theme.quarter.fillOpacity.approximate,
          theme.quarter.fillOpacity.official
        ]
      }
    },
    {
      id: 'quarters-line',
      type: 'line',
      source: SOURCES.zones,
      filter: ['all', isQuarter, ['!', ['get', 'approximate']]],
      metadata: { group: 'quarters' },
      paint: { 'line-color': theme.quarter.line, 'line-width': w(theme.quarter.width) }
    },
    {
      id: 'quarters-line-approximate',
      type: 'line',
      source: SOURCES.zones,
      filter: ['all', isQuarter, ['get', 'approximate']],
      metadata: { group: 'quarters' },
      paint: {
        'line-color': theme.quarter.line,
        'line-width': w(theme.quarter.width),
        'line-dasharray': theme.quarter.approximateDash
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
        'circle-opacity': ['case', ['get', 'approximate'], 0.55, 0.9],
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
    // 'quarters-number'), keyed to the list on screen.
    {
      id: 'quarters-number-marker',
      type: 'circle',
      source: SOURCES.zoneLabels,
      filter: isNumbered,
      metadata: { group: 'quarters' },
      paint: {
        'circle-radius': theme.numbered.radius,
        'circle-color': theme.numbered.fill,
        'circle-stroke-color': theme.numbered.line,
        'circle-stroke-width': 2
      }
    },
    {
      id: 'spotlight',
      type: 'fill',
      source: SOURCES.departements,
      filter: [
        'all',
        ['>', ['length', ['global-state', STATE.spotlight]], 0],
        ['!', ['in', ['get', 'code'], ['global-state', STATE.spotlight]]]
      ],
      paint: { 'fill-color': theme.spotlightDim, 'fill-opacity': theme.spotlightOpacity }
    },
    {
      id: 'zones-hover',
      type: 'line',
      source: SOURCES.zones,
      filter: isVisible,
      paint: {
        'line-color': theme.hover,
        'line-width': w(3),
        'line-opacity': whenState('hover', 1, 0)
      }
    },
    {
      id: 'zones-selected',
      type: 'line',
      source: SOURCES.zones,
      filter: isVisible,
      paint: {
        'line-color': theme.selected,
        'line-width': w(3.5),
        'line-opacity': whenState('selected', 1, 0)
      }
    },
    {
      id: 'departements-label',
      type: 'symbol',
      source: SOURCES.departementLabels,
      minzoom: 5.5,
      maxzoom: 10,
      metadata: { group: 'departements' },
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': 13 * theme.lineScale ** 0.5,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08
      },
      paint: {
        'text-color': theme.departement.label,
        'text-halo-color': theme.departement.halo,
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
        'text-size': 12 * theme.lineScale ** 0.5,
        'text-max-width': 9,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.6
      },
      paint: {
        'text-color': theme.quarter.label,
        'text-halo-color': theme.quarter.halo,
        'text-halo-width': 1.5
      }
    },
    // The number on each numbered quarter's disc, above every other label and never hidden by
    // collisions: each quarter keeps its number.
    {
      id: 'quarters-number',
      type: 'symbol',
      source: SOURCES.zoneLabels,
      filter: isNumbered,
      metadata: { group: 'quarters' },
      layout: {
        'text-field': ['to-string', ['+', numberIndex, 1]],
        'text-font': [LABEL_FONT],
        'text-size': theme.numbered.textSize,
        'text-allow-overlap': true,
        'text-ignore-placement': true
      },
      paint: { 'text-color': theme.numbered.text }
    }
  ];
}

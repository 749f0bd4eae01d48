// Legend entries as data, derived from the theme: the on-screen legend and the
// image export draw the same list.
import type { LayerId } from '$lib/types';
import type { MapTheme } from './theme';

/** How one legend symbol is drawn: a filled box or a line. */
export interface Swatch {
  shape: 'area' | 'line';
  stroke: string;
  strokeWidth: number;
  fill?: string;
  fillOpacity?: number;
  /** Dash pattern in px, for approximate outlines. */
  dash?: [number, number];
}

/** One legend line. */
export interface LegendEntry {
  layer: LayerId;
  label: string;
  swatch: Swatch;
}

/** Legend entries for the layers switched on, in the map's visual priority order. */
export function legendEntries(theme: MapTheme, layers: readonly LayerId[]): LegendEntry[] {
  const all: LegendEntry[] = [
    {
      layer: 'quarters',
      label: 'Quartier NPNRU validé (point de déc. 2018), contour officiel QPV',
      swatch: {
        shape: 'area',
        fill: theme.quarter.fill,
        fillOpacity: theme.quarter.fillOpacity.official,
        stroke: theme.quarter.line,
        strokeWidth: theme.quarter.width
      }
    },
    {
      layer: 'quarters',
      label: 'Quartier NPNRU, périmètre approché (communes entières)',
      swatch: {
        shape: 'area',
        fill: theme.quarter.fill,
        fillOpacity: theme.quarter.fillOpacity.approximate,
        stroke: theme.quarter.line,
        strokeWidth: theme.quarter.width,
        // The map's dash is in line widths; the swatch's in px.
        dash: [
          theme.quarter.approximateDash[0] * theme.quarter.width,
          theme.quarter.approximateDash[1] * theme.quarter.width
        ]
      }
    },
    {
      layer: 'territories',
      label: "Territoire d'accélération habitat indigne (janv. 2019)",
      swatch: {
        shape: 'area',
        fill: theme.territory.fill,
        fillOpacity: theme.territory.fillOpacity.regional,
        stroke: theme.territory.line,
        strokeWidth: theme.territory.width
      }
    },
    {
      layer: 'qpv',
      label: 'QPV 2015 de la métropole lilloise (trait épais : liste NPNRU)',
      swatch: {
        shape: 'area',
        fill: theme.qpv.fill,
        fillOpacity: theme.qpv.fillOpacity,
        stroke: theme.qpv.npnruLine,
        strokeWidth: theme.qpv.npnruWidth
      }
    },
    {
      layer: 'communes',
      label: 'Limite communale (visible en zoomant)',
      swatch: { shape: 'line', stroke: theme.commune.line, strokeWidth: 2 }
    },
    {
      layer: 'epci',
      label: 'Intercommunalité (EPCI au 1er janvier 2019)',
      swatch: { shape: 'line', stroke: theme.epci.line, strokeWidth: 1.5, dash: theme.epci.dash }
    },
    {
      layer: 'departements',
      label: 'Limite départementale',
      swatch: { shape: 'line', stroke: theme.departement.line, strokeWidth: 1.5 }
    },
    {
      layer: 'region',
      label: 'Région Hauts-de-France',
      swatch: { shape: 'line', stroke: theme.region.line, strokeWidth: 2.5 }
    }
  ];
  return all.filter((entry) => layers.includes(entry.layer));
}

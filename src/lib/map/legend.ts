// Legend entries as data, derived from the theme and the data's dates and names: the
// on-screen legend, the layer panel and the image export draw the same list.
import type { AtlasData, LayerId, ZoneKind } from '$lib/types';
import { formatDate } from '$lib/format/date';
import { hatchTilePath, quarterHatch, type MapTheme } from './theme';
import { FILTERED_OUTLINE } from './layer-specs';

/** A map line's dash, given in line widths, as the swatch's dash in px. */
function swatchDash([dash, gap]: [number, number], width: number): [number, number] {
  return [dash * width, gap * width];
}

/** How one legend symbol is drawn: a filled box or a line. */
export interface Swatch {
  shape: 'area' | 'line';
  stroke: string;
  strokeWidth: number;
  fill?: string;
  fillOpacity?: number;
  /** Diagonal hatch instead of a fill, as the map draws approximate quarters: one tile's side and drawn path. */
  hatch?: { color: string; size: number; path: string };
  /** Dash pattern in px, for approximate outlines. */
  dash?: [number, number];
}

/** One legend line. */
export interface LegendEntry {
  layer: LayerId;
  label: string;
  swatch: Swatch;
}

/** What the legend's wording takes from the data: dates and names are never typed in the code. */
export interface LegendFacts {
  /** Status date shared by every quarter (the update that lists them), or null when they differ. */
  quartersDate: string | null;
  /** Status date shared by every acceleration territory, or null when they differ. */
  territoriesDate: string | null;
  /** Vintage of the QPV contours, e.g. "liste QPV 2015". */
  qpvVintage: string;
  /** Date the EPCI perimeters are those of. */
  epciDate: string;
  regionName: string;
}

/** The legend's facts, read from the atlas data. */
export function legendFacts(
  atlas: Pick<AtlasData, 'zones' | 'qpvSource' | 'reference' | 'region'>
): LegendFacts {
  const sharedDate = (kind: ZoneKind): string | null => {
    const dates = new Set(atlas.zones.filter((zone) => zone.kind === kind).map((zone) => zone.statusDate));
    return dates.size === 1 ? ([...dates][0] ?? null) : null;
  };
  return {
    quartersDate: sharedDate('quarter'),
    territoriesDate: sharedDate('acceleration-territory'),
    qpvVintage: atlas.qpvSource.vintage,
    epciDate: atlas.reference.asOf,
    regionName: atlas.region.name
  };
}

/** " (prefix date)" in French, or nothing when there is no one date. */
function dated(date: string | null, prefix = ''): string {
  return date === null ? '' : ` (${prefix}${formatDate(date)})`;
}

/** Legend entries for the layers switched on, in the map's visual priority order. */
export function legendEntries(
  theme: MapTheme,
  layers: readonly LayerId[],
  facts: LegendFacts,
  /** Name of the EPCI the filters keep, outlined on the map whatever the layers shown. */
  filteredEpci: string | null = null
): LegendEntry[] {
  const all: LegendEntry[] = [
    {
      layer: 'quarters',
      label: `Quartier NPNRU validé${dated(facts.quartersDate, 'point de ')}, contour officiel QPV`,
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
        hatch: {
          color: quarterHatch(theme).color,
          size: theme.quarter.hatch.size,
          path: hatchTilePath(theme.quarter.hatch)
        },
        stroke: theme.quarter.line,
        strokeWidth: theme.quarter.width,
        dash: swatchDash(theme.quarter.approximateDash, theme.quarter.width)
      }
    },
    {
      layer: 'territories',
      label: `Territoire d'accélération habitat indigne${dated(facts.territoriesDate)}`,
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
      label: `Quartier prioritaire, ${facts.qpvVintage}`,
      swatch: {
        shape: 'area',
        fill: theme.qpv.fill,
        fillOpacity: theme.qpv.fillOpacity,
        stroke: theme.qpv.line,
        strokeWidth: theme.qpv.width
      }
    },
    {
      layer: 'qpv',
      label: 'QPV inscrit au NPNRU (liste ANRU)',
      swatch: {
        shape: 'area',
        fill: theme.qpv.fill,
        fillOpacity: theme.qpv.npnruFillOpacity,
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
      label: `Intercommunalité${dated(facts.epciDate, 'EPCI au ')}`,
      swatch: { shape: 'line', stroke: theme.epci.line, strokeWidth: 1.5, dash: theme.epci.dash }
    },
    {
      layer: 'departements',
      label: 'Limite départementale',
      swatch: { shape: 'line', stroke: theme.departement.line, strokeWidth: 1.5 }
    },
    {
      layer: 'region',
      label: `Région ${facts.regionName}`,
      swatch: { shape: 'line', stroke: theme.region.line, strokeWidth: 2.5 }
    }
  ];
  const shown = all.filter((entry) => layers.includes(entry.layer));
  if (filteredEpci === null) return shown;
  return [
    ...shown,
    {
      layer: 'epci',
      label: `Filtre : ${filteredEpci}`,
      swatch: {
        shape: 'line',
        stroke: theme.selected,
        strokeWidth: FILTERED_OUTLINE.width,
        dash: swatchDash(FILTERED_OUTLINE.dash, FILTERED_OUTLINE.width)
      }
    }
  ];
}

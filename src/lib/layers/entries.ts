// The layers offered in the layer panel: label, symbol and where the data comes from.
import { LAYER_IDS, type LayerId } from '$lib/types';
import { legendEntries, type Swatch } from '$lib/map/legend';
import type { MapTheme } from '$lib/map/theme';

/** One layer offered in the layer panel. */
export interface LayerEntry {
  id: LayerId;
  /** French name of the layer. */
  label: string;
  /** Publisher and vintage of its data, e.g. "IGN Admin Express 2018". */
  source: string;
  /** Symbol drawn for it, as in the legend. */
  swatch: Swatch;
  /** What the data of the layer holds, when it varies with the data (e.g. the QPVs' extent). */
  holds?: string;
}

const LAYER_LABELS: Record<LayerId, string> = {
  quarters: 'Quartiers NPNRU validés (15)',
  territories: "Territoires d'accélération habitat indigne (6)",
  qpv: 'QPV 2015 (quartiers prioritaires)',
  communes: 'Communes',
  epci: 'Intercommunalités (EPCI)',
  departements: 'Départements',
  region: 'Région Hauts-de-France'
};

const LAYER_SOURCES: Record<LayerId, string> = {
  quarters:
    "Liste : lettre d'actualité du 25 janvier 2019 ; contours CGET/ANCT QPV 2015 ou IGN Admin Express 2018 (communes)",
  territories: 'Circulaire du 21 janvier 2019 ; contours IGN Admin Express 2018',
  qpv: 'CGET/ANCT, contours QPV (liste 2015) ; liste NPNRU ANRU',
  communes:
    'Contours IGN Admin Express 2018 ; noms, codes postaux et population (municipale 2016) : INSEE, COG 2019',
  epci: 'EPCI au 1er janvier 2019 (DGCL, COG 2019), contours réunis des communes IGN Admin Express 2018',
  departements: 'IGN Admin Express 2018',
  region: 'IGN Admin Express 2018'
};

/** One panel entry per layer, with the first legend symbol of that layer and what its data holds. */
export function layerEntries(theme: MapTheme, holds: Partial<Record<LayerId, string>> = {}): LayerEntry[] {
  const legend = legendEntries(theme, LAYER_IDS);
  return LAYER_IDS.flatMap((id) => {
    const swatch = legend.find((entry) => entry.layer === id)?.swatch;
    if (!swatch) return [];
    const entry: LayerEntry = { id, label: LAYER_LABELS[id], source: LAYER_SOURCES[id], swatch };
    return [holds[id] ? { ...entry, holds: holds[id] } : entry];
  });
}

// The layers offered in the layer panel: label, symbol and where the data comes from.
// Counts and credits come from the data (atlas.json and the geodata), never typed here.
import { LAYER_IDS, type AtlasData, type LayerId } from '$lib/types';
import { legendEntries, type Swatch } from '$lib/map/legend';
import type { MapTheme } from '$lib/map/theme';

/** One layer offered in the layer panel. */
export interface LayerEntry {
  id: LayerId;
  /** French name of the layer, with its number of shapes where it has a fixed count. */
  label: string;
  /** Credits of the texts and files it is drawn from, e.g. "IGN Admin Express 2018". */
  source: string;
  /** Symbol drawn for it, as in the legend. */
  swatch: Swatch;
}

const LAYER_NAMES: Record<LayerId, string> = {
  quarters: 'Quartiers NPNRU validés',
  territories: "Territoires d'accélération habitat indigne",
  qpv: 'QPV 2015 de la métropole lilloise',
  communes: 'Communes',
  epci: 'Intercommunalités (EPCI)',
  departements: 'Départements',
  region: 'Région Hauts-de-France'
};

/** Number of shapes of each layer that has a fixed count (the others are not counted). */
export type LayerCounts = Partial<Record<LayerId, number>>;

/** Credits of the documents, then the sources, that `id` is drawn from, each once. */
export function layerCredits(atlas: Pick<AtlasData, 'documents' | 'sources'>, id: LayerId): string {
  const credits = [...atlas.documents, ...atlas.sources]
    .filter((entry) => entry.layers.includes(id))
    .map((entry) => entry.credit);
  return [...new Set(credits)].join(' ; ');
}

/** One panel entry per layer, with the first legend symbol of that layer. */
export function layerEntries(
  theme: MapTheme,
  atlas: Pick<AtlasData, 'documents' | 'sources'>,
  counts: LayerCounts
): LayerEntry[] {
  const legend = legendEntries(theme, LAYER_IDS);
  return LAYER_IDS.flatMap((id) => {
    const swatch = legend.find((entry) => entry.layer === id)?.swatch;
    const count = counts[id];
    const label = count === undefined ? LAYER_NAMES[id] : `${LAYER_NAMES[id]} (${count})`;
    return swatch ? [{ id, label, source: layerCredits(atlas, id), swatch }] : [];
  });
}

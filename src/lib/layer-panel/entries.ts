// The layers offered in the layer panel: label, symbol and where the data comes from.
// Counts and credits come from the data (atlas.json and the geodata), never typed here.
import { LAYER_IDS, type AtlasData, type LayerId, type QpvSourceInfo } from '$lib/types';
import { formatPopulation } from '$lib/communes/population';
import type { LegendEntry, Swatch } from '$lib/map/legend';

/** One layer offered in the layer panel. */
export interface LayerEntry {
  id: LayerId;
  /** French name of the layer, with its number of shapes where it has a fixed count. */
  label: string;
  /** Credits of the texts and files it is drawn from, e.g. "IGN Admin Express 2018". */
  source: string;
  /** Symbol drawn for it, as in the legend. */
  swatch: Swatch;
  /** What the data of the layer holds, when it varies with the data (e.g. the QPVs' extent). */
  holds?: string;
}

const LAYER_NAMES: Record<Exclude<LayerId, 'region'>, string> = {
  quarters: 'Quartiers NPNRU validés',
  territories: "Territoires d'accélération habitat indigne",
  qpv: 'Quartiers prioritaires (QPV)',
  communes: 'Communes',
  epci: 'Intercommunalités (EPCI)',
  departements: 'Départements'
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

/** Which file the QPV contours come from: its name, layer, vintage, count and checksum, as the manifest records them. */
export function qpvFileLine(qpv: QpvSourceInfo): string {
  const layer = qpv.layer === null ? '' : `, couche ${qpv.layer}`;
  return `fichier ${qpv.file}${layer} — ${qpv.vintage}, ${formatPopulation(qpv.features)} QPV, sha256 ${qpv.sha256.slice(0, 12)}…`;
}

/** One panel entry per layer, with the first symbol of that layer in `legend` (every layer's entries) and what its data holds; the QPV entry names the file read. */
export function layerEntries(
  legend: readonly LegendEntry[],
  atlas: Pick<AtlasData, 'documents' | 'sources' | 'region'> & Partial<Pick<AtlasData, 'qpvSource'>>,
  counts: LayerCounts,
  holds: Partial<Record<LayerId, string>> = {}
): LayerEntry[] {
  return LAYER_IDS.flatMap((id) => {
    const swatch = legend.find((entry) => entry.layer === id)?.swatch;
    if (!swatch) return [];
    const name = id === 'region' ? `Région ${atlas.region.name}` : LAYER_NAMES[id];
    const count = counts[id];
    const label = count === undefined ? name : `${name} (${count})`;
    const credits = layerCredits(atlas, id);
    const source = id === 'qpv' && atlas.qpvSource ? `${credits} ; ${qpvFileLine(atlas.qpvSource)}` : credits;
    const entry: LayerEntry = { id, label, source, swatch };
    const held = holds[id];
    return [held ? { ...entry, holds: held } : entry];
  });
}

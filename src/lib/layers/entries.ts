// The layers offered in the layer panel: label, symbol and where the data comes from.
import { LAYER_IDS, type AtlasData, type LayerId, type QpvSourceInfo } from '$lib/types';
import { formatPopulation } from '$lib/communes/population';
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
}

const LAYER_LABELS: Record<Exclude<LayerId, 'qpv'>, string> = {
  quarters: 'Quartiers NPNRU validés (15)',
  territories: "Territoires d'accélération habitat indigne (6)",
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

/**
 * The QPV layer's label, from the file the build read: the national archive is drawn for the
 * home region, the MEL GeoPackage holds the Lille metropolis only (issue 11).
 */
function qpvLabel(qpv: QpvSourceInfo, regionName: string): string {
  return `QPV 2015 ${qpv.national ? `de la région ${regionName}` : 'de la métropole lilloise'} (${formatPopulation(qpv.drawn)})`;
}

/** Which file the QPV contours come from: its name, layer, vintage, count and checksum, as the manifest records them. */
function qpvFileLine(qpv: QpvSourceInfo): string {
  const layer = qpv.layer === null ? '' : `, couche ${qpv.layer}`;
  return `fichier ${qpv.file}${layer} — ${qpv.vintage}, ${formatPopulation(qpv.features)} QPV, sha256 ${qpv.sha256.slice(0, 12)}…`;
}

/** One panel entry per layer, with the first legend symbol of that layer; the QPV entry describes the file read. */
export function layerEntries(theme: MapTheme, atlas: Pick<AtlasData, 'qpvSource' | 'region'>): LayerEntry[] {
  const legend = legendEntries(theme, LAYER_IDS);
  return LAYER_IDS.flatMap((id): LayerEntry[] => {
    const swatch = legend.find((entry) => entry.layer === id)?.swatch;
    if (!swatch) return [];
    if (id !== 'qpv') return [{ id, label: LAYER_LABELS[id], source: LAYER_SOURCES[id], swatch }];
    const source = `${LAYER_SOURCES.qpv} ; ${qpvFileLine(atlas.qpvSource)}`;
    return [{ id, label: qpvLabel(atlas.qpvSource, atlas.region.name), source, swatch }];
  });
}

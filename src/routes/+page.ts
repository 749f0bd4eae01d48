// Loads the built geodata (see `npm run geodata`). The page only renders it.
import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import type { FeatureCollection, Geometry } from 'geojson';
import type { AtlasData, Places, QpvPlace, ZoneProperties } from '$lib/types';
import { departementLabelPoints, drawnFileUrls, zoneLabelPoints, type MapGeodata } from '$lib/map/style';
import { COMMUNE_TILES, QPV_TILES, TOWN_LABEL_TILES, tileUrlTemplate } from '$lib/map/tiles';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, untrack }) => {
  const get = async <T>(name: string): Promise<T> => {
    const response = await fetch(`${base}/data/${name}`);
    if (!response.ok) {
      error(
        503,
        `Données absentes (${name}, HTTP ${response.status}) : lancez « npm run geodata » puis rechargez la page.`
      );
    }
    return (await response.json()) as T;
  };
  const [atlas, zones] = await Promise.all([
    get<AtlasData>('atlas.json'),
    get<FeatureCollection<Geometry, ZoneProperties>>('zones.geojson')
  ]);
  // Untracked: reading the URL would make SvelteKit run this load again, fetching and parsing every
  // file anew, on each change of the query (a filter click, a selection).
  const dataUrl = untrack(() => new URL(`${base}/data`, url).href);
  const geodata: MapGeodata = {
    zones,
    departementLabels: departementLabelPoints(atlas),
    zoneLabels: zoneLabelPoints(zones, atlas.zoneLabels),
    // The map's worker asks for these itself; the zones, which the page also reads, come from the
    // HTTP cache.
    urls: drawnFileUrls(dataUrl),
    epciUrl: `${base}/data/epci.geojson`,
    communeTiles: { url: tileUrlTemplate(COMMUNE_TILES, dataUrl), bounds: atlas.tileBounds.communes },
    qpvTiles: { url: tileUrlTemplate(QPV_TILES, dataUrl), bounds: atlas.tileBounds.qpv },
    // Town names lie within the communes' box.
    townTiles: { url: tileUrlTemplate(TOWN_LABEL_TILES, dataUrl), bounds: atlas.tileBounds.communes }
  };
  // The commune and QPV lists (for search and sheets) are large: the page asks for them once the
  // map is drawn.
  const loadPlaces = () => get<Places>('places.json');
  const loadQpvs = () => get<QpvPlace[]>('qpvs.json');
  return { atlas, geodata, loadPlaces, loadQpvs };
};

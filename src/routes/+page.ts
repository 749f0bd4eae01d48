// Loads the built geodata (see `npm run geodata`). The page only renders it.
import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import type { FeatureCollection, Geometry } from 'geojson';
import type { AtlasData, PlaceProperties, Places, QpvProperties, ZoneProperties } from '$lib/types';
import { drawnFileUrls, type MapGeodata } from '$lib/map/style';
import { COMMUNE_TILES, tileUrlTemplate } from '$lib/map/tiles';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
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
  const [atlas, zones, departements, qpv] = await Promise.all([
    get<AtlasData>('atlas.json'),
    get<FeatureCollection<Geometry, ZoneProperties>>('zones.geojson'),
    get<FeatureCollection<Geometry, PlaceProperties>>('departements.geojson'),
    get<FeatureCollection<Geometry, QpvProperties>>('qpv.geojson')
  ]);
  const geodata: MapGeodata = {
    zones,
    departements,
    qpv,
    // The map's worker asks for these itself; those the page also read come from the HTTP cache.
    urls: drawnFileUrls(`${base}/data`),
    epciUrl: `${base}/data/epci.geojson`,
    communeTiles: tileUrlTemplate(COMMUNE_TILES, new URL(`${base}/data`, url).href)
  };
  // The commune list (for search) is large: the page asks for it once the map is drawn.
  const loadPlaces = () => get<Places>('places.json');
  return { atlas, geodata, loadPlaces };
};

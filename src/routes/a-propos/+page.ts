// The « À propos » page reads the same built data as the map (atlas.json): every figure it
// states comes from there.
import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import type { AtlasData } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  const response = await fetch(`${base}/data/atlas.json`);
  if (!response.ok) {
    error(
      503,
      `Données absentes (atlas.json, HTTP ${response.status}) : lancez « npm run geodata » puis rechargez la page.`
    );
  }
  return { atlas: (await response.json()) as AtlasData };
};

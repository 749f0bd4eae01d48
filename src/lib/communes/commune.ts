// What concerns one commune found by search: the zones that include it and the
// measures reaching it, either through those zones or by targeting its
// département, its region or the whole country.
import type { AtlasData, Measure, Target, Via, Zone } from '../types';
import { compareMeasures, VIA_RANK } from '../measures/link';

/** A commune as offered by search and shown on its sheet. */
export interface Commune {
  /** INSEE code (COG 2018). */
  code: string;
  name: string;
  /** INSEE code of its département. */
  departement: string;
}

/** A measure reaching a commune, with its most direct path. */
export interface CommuneMeasure {
  measure: Measure;
  via: Via;
  /** The zone the measure comes through, or null when it targets the commune's département, region or the nation. */
  zone: Zone | null;
}

/** The zones and measures that concern a commune. */
export interface CommuneConcerns {
  zones: Zone[];
  measures: CommuneMeasure[];
}

/** Départements of each region the atlas's measures target, by region INSEE code (COG 2018). */
export const REGION_DEPARTEMENTS: Readonly<Record<string, readonly string[]>> = {
  '32': ['02', '59', '60', '62', '80']
};

/** Zones listing the commune `code` plus its département's acceleration territory, and the measures reaching them or it. */
export function communeConcerns(code: string, departement: string, atlas: AtlasData): CommuneConcerns {
  const quarters = atlas.zones.filter((zone) => zone.communes.some((commune) => commune.insee === code));
  const territories = atlas.zones.filter(
    (zone) => zone.kind === 'acceleration-territory' && zone.departement === departement
  );
  const zones = [...quarters, ...territories.filter((zone) => !quarters.includes(zone))];

  const measuresById = new Map(atlas.measures.map((measure) => [measure.id, measure]));
  const best = new Map<string, CommuneMeasure>();
  const offer = (candidate: CommuneMeasure): void => {
    const current = best.get(candidate.measure.id);
    if (current === undefined || VIA_RANK[candidate.via] < VIA_RANK[current.via]) {
      best.set(candidate.measure.id, candidate);
    }
  };

  for (const zone of zones) {
    for (const link of atlas.links[zone.id] ?? []) {
      const measure = measuresById.get(link.measureId);
      if (measure) offer({ measure, via: link.via, zone });
    }
  }
  for (const measure of atlas.measures) {
    for (const target of measure.appliesTo) {
      const via = placeVia(target, departement);
      if (via !== null) offer({ measure, via, zone: null });
    }
  }

  // The same order as each zone's list of linked measures.
  const measures = [...best.values()].sort((a, b) => compareMeasures(a.measure, b.measure));
  return { zones, measures };
}

// Targets naming zones or a zone kind reach a commune only through its zones, handled above.
function placeVia(target: Target, departement: string): Via | null {
  if ('departements' in target) return target.departements.includes(departement) ? 'departement' : null;
  if ('region' in target)
    return (REGION_DEPARTEMENTS[target.region] ?? []).includes(departement) ? 'region' : null;
  if ('national' in target) return 'national';
  return null;
}

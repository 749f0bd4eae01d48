// What concerns one commune found by search: the zones that include it and the
// measures reaching it, either through those zones or by targeting its
// département, its region or the whole country.
import type { AtlasData, Measure, Via, Zone } from '../types';
import { compareMeasures, placeVia, VIA_RANK } from '../measures/link';

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
      // Targets naming zones or a zone kind reach a commune only through its zones, above.
      const via = placeVia(target, departement, atlas.regionDepartements);
      if (via !== null) offer({ measure, via, zone: null });
    }
  }

  // The same order as each zone's list of linked measures.
  const measures = [...best.values()].sort((a, b) => compareMeasures(a.measure, b.measure));
  return { zones, measures };
}

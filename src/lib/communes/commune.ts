// What concerns one commune found by search: the zones that include it and the
// measures reaching it, either through those zones or by targeting its
// département, its region or the whole country.
import type { AtlasData, Measure, Via, Zone } from '$lib/types';
import { placeVia, VIA_RANK } from '$lib/measures/link';
import { viaLabel } from '$lib/labels';

/** A commune as offered by search and shown on its sheet. */
export interface Commune {
  /** INSEE code (reference vintage, COG 2019). */
  code: string;
  /** Official name, with its article. */
  name: string;
  /** INSEE code of its département. */
  departement: string;
  /** Postal codes, sorted. */
  postalCodes?: string[];
  /** Population municipale of the reference's census vintage, or null. */
  population?: number | null;
  /** SIREN of its EPCI, or "" when none is drawn. */
  epci?: string;
  /** Names of the 2018 communes merged into it since. */
  formerNames?: string[];
}

/** A measure reaching a commune, with its most direct path. */
export interface CommuneMeasure {
  measure: Measure;
  via: Via;
  /** The zone the measure comes through, or null when it targets the commune's département, region or the nation. */
  zone: Zone | null;
  /** Without a zone: the département through which it reaches the place. */
  departement?: string;
}

/** The zones and measures that concern a commune. */
export interface CommuneConcerns {
  zones: Zone[];
  measures: CommuneMeasure[];
}

/** Zones listing the commune `code` plus its département's acceleration territory, and the measures reaching them or it. */
export function communeConcerns(code: string, departement: string, atlas: AtlasData): CommuneConcerns {
  return placeConcerns([code], [departement], atlas);
}

/**
 * What concerns a place made of communes (a commune, an EPCI): the quarters listing one of
 * its communes, the acceleration territories of its départements, and the measures reaching
 * them or targeting its départements, their regions or the nation, each by its most direct path.
 */
export function placeConcerns(
  communeCodes: readonly string[],
  departements: readonly string[],
  atlas: AtlasData
): CommuneConcerns {
  const quarters = atlas.zones.filter((zone) => zone.communes.some((c) => communeCodes.includes(c.insee)));
  const territories = atlas.zones.filter(
    (zone) => zone.kind === 'acceleration-territory' && departements.includes(zone.departement)
  );
  const zones = [...quarters, ...territories.filter((zone) => !quarters.includes(zone))];
  return { zones, measures: measuresReaching(zones, departements, atlas) };
}

/**
 * The measures reaching a place through `zones` (their linked measures) or by targeting one of
 * its `departements`, their regions or the nation, each once by its most direct path, in the
 * order of a zone's list.
 */
export function measuresReaching(
  zones: readonly Zone[],
  departements: readonly string[],
  atlas: AtlasData
): CommuneMeasure[] {
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
      // Targets naming zones or a zone kind reach a place only through its zones, above.
      for (const departement of departements) {
        const via = placeVia(target, departement, atlas.regionDepartements);
        if (via !== null) offer({ measure, via, zone: null, departement });
      }
    }
  }

  // atlas.measures is in the build's order (compareMeasures), as each zone's links are: keep it.
  return atlas.measures.flatMap((measure) => best.get(measure.id) ?? []);
}

/** How a measure reaches a place, in French, naming the quarter it comes through if any. */
export function placeViaLabel(item: CommuneMeasure, atlas: AtlasData): string {
  // A measure aimed at the place's département, region or the nation comes through no zone.
  const zone = item.zone ?? { kind: 'quarter' as const, departement: item.departement ?? '' };
  const label = viaLabel(item.via, zone, atlas.departements, atlas.region.name);
  return item.via === 'zone' && item.zone ? `${label} (${item.zone.name})` : label;
}

// Read-only indexes of the loaded data, built once per load by the state owner.
import type { Feature, Geometry } from 'geojson';
import type { AtlasData, CommunePlace, EpciPlace, Programme, Zone, ZoneProperties } from '$lib/types';
import type { KnownValues } from '$lib/url/state';
import type { ZoneProgrammes } from '$lib/filters/filter';
import { zoneProgrammes } from '$lib/measures/link';

/** Items by a key of theirs. */
export function indexBy<T, K>(items: readonly T[], key: (item: T) => K): ReadonlyMap<K, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** The zones, their features and the communes, by id or code. */
export interface Lookups {
  zones: ReadonlyMap<string, Zone>;
  features: ReadonlyMap<string, Feature<Geometry, ZoneProperties>>;
  communes: ReadonlyMap<string, CommunePlace>;
}

/** Programmes of every zone: its own and those its linked measures bring. */
export function programmesByZone(atlas: AtlasData): ZoneProgrammes {
  const measures = indexBy(atlas.measures, (m) => m.id);
  return Object.fromEntries(
    atlas.zones.map((zone): [string, Programme[]] => [
      zone.id,
      zoneProgrammes(zone, atlas.links[zone.id] ?? [], measures)
    ])
  );
}

/** The ids and codes a link may name. */
export function knownValues(
  atlas: AtlasData,
  communes: readonly CommunePlace[],
  epcis: readonly EpciPlace[] = [],
  qpvCodes: readonly string[] = []
): KnownValues {
  return {
    zoneIds: new Set(atlas.zones.map((zone) => zone.id)),
    communeCodes: new Set(communes.map((commune) => commune.code)),
    epciCodes: new Set(epcis.map((epci) => epci.code)),
    qpvCodes: new Set(qpvCodes),
    departementCodes: new Set(Object.keys(atlas.departements)),
    filterEpciCodes: new Set(Object.keys(atlas.epcis)),
    sceneCount: atlas.scenes.length
  };
}

/** Source credits with their vintages, once per publisher (the communes come in several files). */
export function sourceLines(atlas: AtlasData): string[] {
  return [
    ...atlas.documents.map((d) => d.credit),
    ...new Set(atlas.sources.map((s) => `${s.publisher} (${s.vintage}), ${s.licence}`))
  ];
}

/** The map's credit line: every geodata source's short credit, once each. */
export function mapAttribution(atlas: AtlasData): string {
  return [...new Set(atlas.sources.map((s) => s.credit))].join(' · ');
}

// The search box's entries built from the atlas data: its zones (found by their
// own name, their communes and the official names of their QPVs), the QPV contours, the
// communes and the départements.
import type { AtlasData, EpciPlace, QpvPlace, ZoneKind } from '$lib/types';
import type { Commune } from '$lib/communes/commune';
import { PROGRAMME_LABELS } from '$lib/labels';
import type { SearchEntry } from './search';
import { qpvCommuneNames } from '$lib/qpv/code';

/** A 2015 QPV as the search needs it; `communes` is the source's comma-separated list. */
export type QpvSearchPlace = Pick<QpvPlace, 'code' | 'name' | 'communes'>;

/** A zone's search entry, which also carries the zone kind so a result can say what it is. */
export interface ZoneSearchEntry extends SearchEntry {
  type: 'zone';
  kind: ZoneKind;
}

/** Every search entry of the atlas: zones, then QPV, communes and départements. */
export function searchEntries(
  atlas: AtlasData,
  communes: readonly Commune[],
  qpv: readonly QpvSearchPlace[],
  epcis: readonly EpciPlace[] = []
): SearchEntry[] {
  const departementName = (code: string): string => atlas.departements[code] ?? code;
  const regionDepartements = atlas.regionDepartements[atlas.region.code] ?? [];

  const qpvNames = new Map(qpv.map((place) => [place.code, place.name]));
  const zones = atlas.zones.map((zone): ZoneSearchEntry => {
    const communeNames = zone.communes.map((commune) => commune.name);
    const detail =
      zone.kind === 'quarter'
        ? `${communeNames.join(', ')} (${departementName(zone.departement)})`
        : zone.programmes.map((programme) => PROGRAMME_LABELS[programme]).join(', ');
    return {
      type: 'zone',
      kind: zone.kind,
      id: zone.id,
      label: zone.name,
      detail,
      // The official name of each of its QPVs, as the QPV list gives it.
      keywords: [...communeNames, ...zone.qpvs.flatMap((code) => qpvNames.get(code) ?? [])]
    };
  });

  const qpvEntries = qpv.map((place): SearchEntry => {
    const names = qpvCommuneNames(place.communes);
    return {
      type: 'qpv',
      id: place.code,
      label: place.name,
      detail: [place.code, names.join(', ')].join(' · '),
      keywords: [...names, place.code]
    };
  });

  // A commune answers to its postal codes and to the names of the communes merged into it.
  const communeEntries = communes.map((commune): SearchEntry => {
    const postalCodes = commune.postalCodes ?? [];
    return {
      type: 'commune',
      id: commune.code,
      label: commune.name,
      detail: [departementName(commune.departement), ...postalCodes].join(' · '),
      keywords: [...postalCodes, ...(commune.formerNames ?? [])]
    };
  });

  // An EPCI answers to its name with the kind spelled out ("CA de Lens - Liévin" to
  // "communauté d'agglomération de Lens - Liévin").
  const epciEntries = epcis.map((epci): SearchEntry => ({
    type: 'epci',
    id: epci.code,
    label: epci.name,
    detail: `${epci.communes.length} communes · ${epci.departements.map(departementName).join(', ')}`,
    keywords: spelledOutEpci(epci.name)
  }));

  const departementEntries = Object.entries(atlas.departements).map(([code, name]): SearchEntry => ({
    type: 'departement',
    id: code,
    label: name,
    detail: regionDepartements.includes(code) ? `${code} · ${atlas.region.name}` : code
  }));

  return [...zones, ...qpvEntries, ...communeEntries, ...epciEntries, ...departementEntries];
}

/** French name of what an entry is, shown next to each result (e.g. "Quartier NPNRU", "Commune"). */
export function entryTypeLabel(entry: SearchEntry): string {
  switch (entry.type) {
    case 'zone':
      // Entries built here carry the zone kind; a bare zone entry is most likely a quarter.
      return 'kind' in entry && entry.kind === 'acceleration-territory' ? 'Territoire' : 'Quartier NPNRU';
    case 'qpv':
      return 'QPV';
    case 'commune':
      return 'Commune';
    case 'epci':
      return 'Intercommunalité';
    case 'departement':
      return 'Département';
  }
}

// The abbreviations that open EPCI names in the COG.
const EPCI_KINDS: Readonly<Record<string, string>> = {
  CC: 'Communauté de communes',
  CA: "Communauté d'agglomération",
  CU: 'Communauté urbaine'
};

/** The EPCI's name with its abbreviated kind spelled out, or nothing when it has none. */
function spelledOutEpci(name: string): string[] {
  const [abbreviation, ...rest] = name.split(' ');
  const kind = abbreviation ? EPCI_KINDS[abbreviation] : undefined;
  return kind ? [`${kind} ${rest.join(' ')}`] : [];
}

// What a QPV's sheet shows, computed from the atlas data: its département, its communes
// (matched by name to the commune list), their intercommunalities, the quarter of the atlas
// drawn with it, and the measures reaching it. Pure: tested in node (tests/unit/qpv.test.ts).
import type { AtlasData, CommunePlace, EpciPlace, QpvProperties, Zone } from '$lib/types';
import { measuresReaching, type CommuneMeasure } from '$lib/communes/commune';
import { normalise } from '$lib/search/search';
import { qpvCommuneNames, type QpvLinkProblem } from './code';

/** One commune of a QPV: the name its source gives, and the commune it names when one is found. */
export interface QpvCommune {
  name: string;
  /** The commune of that name in the QPV's département; absent when none or several match. */
  place?: CommunePlace;
}

/** Everything a QPV sheet shows besides the QPV's own properties. */
export interface QpvSheet {
  qpv: QpvProperties;
  /** INSEE code of its département, read from its code. */
  departement: string;
  communes: QpvCommune[];
  /** Intercommunalities of its communes, in the order of the communes. */
  epcis: EpciPlace[];
  /** The quarter of the atlas drawn with this contour, if any. */
  quarter?: Zone;
  /**
   * Measures reaching the QPV: those of its quarter of the atlas, and those reaching its
   * département (directly or as an acceleration territory), its region or the nation. The
   * newsletter targets no commune and no EPCI: measures of other quarters of its communes do
   * not reach it and are not listed.
   */
  measures: CommuneMeasure[];
  /** True when an amount is its quarter's own money (scope "zone"); the sources give none so far. */
  hasOwnAmount: boolean;
}

/** The sheet of `qpv`; `communes` and `epcis` may still be empty while places.json loads. */
export function qpvSheet(
  qpv: QpvProperties,
  atlas: AtlasData,
  communes: readonly CommunePlace[],
  epcis: readonly EpciPlace[]
): QpvSheet {
  const { departement } = qpv;
  const quarter = atlas.zones.find((zone) => zone.id === qpv.zoneId);
  const territories = atlas.zones.filter(
    (zone) => zone.kind === 'acceleration-territory' && zone.departement === departement
  );
  // An acceleration territory is its whole département: what reaches the territory reaches the
  // QPV through its département, and says so (never "directly").
  const measures = measuresReaching(
    quarter ? [quarter, ...territories] : territories,
    [departement],
    atlas
  ).map((item): CommuneMeasure =>
    item.zone?.kind === 'acceleration-territory'
      ? {
          measure: item.measure,
          via: item.via === 'zone' || item.via === 'kind' ? 'departement' : item.via,
          zone: null,
          departement
        }
      : item
  );
  const hasOwnAmount = measures.some(
    (item) =>
      quarter !== undefined &&
      item.zone === quarter &&
      item.via === 'zone' &&
      item.measure.funding.some((line) => line.scope === 'zone')
  );

  const inDepartement = communes.filter((commune) => commune.departement === departement);
  const matched = qpvCommuneNames(qpv.communes).map((name): QpvCommune => {
    const same = inDepartement.filter((commune) => normalise(commune.name) === normalise(name));
    return same.length === 1 ? { name, place: same[0] } : { name };
  });
  const epciCodes = [...new Set(matched.flatMap((c) => (c.place?.epci ? [c.place.epci] : [])))];
  const epciByCode = new Map(epcis.map((epci) => [epci.code, epci]));
  return {
    qpv,
    departement,
    communes: matched,
    epcis: epciCodes.flatMap((code) => epciByCode.get(code) ?? []),
    quarter,
    measures,
    hasOwnAmount
  };
}

/** What the QPV layer holds: how many, how many on the NPNRU list, in which départements. */
export interface QpvCoverage {
  count: number;
  npnru: number;
  /** INSEE codes of the départements holding at least one, sorted. */
  departements: string[];
  /** How many lie outside the home region's départements. */
  outsideRegion: number;
}

/** What the QPV layer holds, against the départements of the home region. */
export function qpvCoverage(
  qpvs: readonly Pick<QpvProperties, 'npnru' | 'departement'>[],
  regionDepartements: readonly string[]
): QpvCoverage {
  const departements = qpvs.map((qpv) => qpv.departement);
  return {
    count: qpvs.length,
    npnru: qpvs.filter((qpv) => qpv.npnru).length,
    departements: [...new Set(departements)].sort(),
    outsideRegion: departements.filter((code) => !regionDepartements.includes(code)).length
  };
}

/**
 * The département parts of QPV codes the QPV layer draws: the home region's ("059" for 59),
 * or none, meaning every QPV of the data, when all of France is switched on.
 */
export function shownQpvDepartements(regionDepartements: readonly string[], france: boolean): string[] {
  return france ? [] : regionDepartements.map((code) => code.padStart(3, '0'));
}

/** French sentence saying what the QPV layer holds, e.g. "26 QPV, dont 9 du NPNRU (département : Nord)." */
export function coverageSentence(
  coverage: QpvCoverage,
  departementNames: Readonly<Record<string, string>>
): string {
  if (coverage.count === 0) return 'Aucun contour de QPV dans les données.';
  const names = coverage.departements.map((code) => departementNames[code] ?? code);
  const where =
    names.length === 1
      ? `département : ${names[0]}`
      : names.length <= 5
        ? `départements : ${names.slice(0, -1).join(', ')} et ${names.at(-1)}`
        : `${names.length} départements`;
  return `${coverage.count} QPV, dont ${coverage.npnru} du NPNRU (${where}).`;
}

/** French message for a `?qpv=` link that opened nothing, saying what the data holds. */
export function qpvLinkMessage(problem: QpvLinkProblem, coverage: string): string {
  return problem.kind === 'malformed'
    ? `Lien : « ${problem.value} » n'est pas un code QPV (forme attendue : QP059071). Le reste du lien est appliqué.`
    : `Lien : aucun QPV « ${problem.value} » dans les données de l'atlas, qui comptent ${coverage} Le reste du lien est appliqué.`;
}

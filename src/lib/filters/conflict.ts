// When a sheet is open on a place the filters leave out, the map (drawn by the filters) and the
// sheet say different things: an outline with no zone inside, a caption about another
// territory. The page says so in one sentence, with a way to clear the filters.
import type { FilterState } from '$lib/types';

/** What an open sheet shows, as far as the filters can judge it. */
export type OpenSheet =
  /** A zone: the filters keep it or not. */
  | { kind: 'zone'; name: string; kept: boolean }
  /**
   * A commune, an EPCI or a QPV: the départements it lies in, and the EPCIs it belongs to
   * (null when not known, as for a QPV: the EPCI filter is then not judged).
   */
  | { kind: 'place'; name: string; departements: readonly string[]; epcis: readonly string[] | null };

/** The filters' territory in French: the EPCI's name, else the départements' names. */
function territoryLabel(
  filter: FilterState,
  departementNames: Record<string, string>,
  epciNames: Record<string, string>
): string {
  if (filter.epci) return epciNames[filter.epci] ?? filter.epci;
  return filter.departements.map((code) => departementNames[code] ?? code).join(', ');
}

/** The sentence saying that the open sheet lies outside the filters, or '' when it does not. */
export function sheetOutsideFilter(
  sheet: OpenSheet | null,
  filter: FilterState,
  departementNames: Record<string, string>,
  epciNames: Record<string, string>
): string {
  if (!sheet) return '';
  if (sheet.kind === 'zone') {
    return sheet.kept
      ? ''
      : `Les filtres ne retiennent pas ${sheet.name} : la fiche reste ouverte, la carte ne dessine que les zones retenues.`;
  }
  const outsideDepartements =
    filter.departements.length > 0 && !sheet.departements.some((code) => filter.departements.includes(code));
  const outsideEpci = filter.epci !== null && sheet.epcis !== null && !sheet.epcis.includes(filter.epci);
  if (!outsideDepartements && !outsideEpci) return '';
  return `${sheet.name} est hors du territoire filtré (${territoryLabel(filter, departementNames, epciNames)}) : la carte n'en dessine pas les zones.`;
}

// What the « À propos » page states, derived from the built data (atlas.json): what the
// atlas maps, which texts and files it comes from, and how much of the region's QPVs it draws.
import type { AtlasData, SourceInfo, ZoneKind } from '$lib/types';
import { ZONE_KIND_LABELS } from '$lib/labels';

/**
 * The number of QPVs of a region, from a published figure rather than from the atlas's data
 * (which draws only some of them), with the publication that gives it.
 */
export interface RegionQpvTotal {
  /** INSEE code of the region the figure is about. */
  regionCode: string;
  count: number;
  /** The publication, as cited on the page. */
  source: string;
  /** Its date, as the publication gives it. */
  date: string;
}

/**
 * The Hauts-de-France total: « la région compte 199 QPV » in INSEE Analyses Hauts-de-France
 * n° 12 (May 2016), as recorded in the geodata provenance notes. No file of the atlas lists
 * the region's QPVs, hence a figure with its citation.
 */
export const REGION_QPV_TOTALS: readonly RegionQpvTotal[] = [
  { regionCode: '32', count: 199, source: 'Insee Analyses Hauts-de-France n° 12', date: 'mai 2016' }
];

/** How many zones of each kind the atlas maps, e.g. "15 quartiers NPNRU et 6 territoires d'accélération". */
export function zoneCountsPhrase(zones: AtlasData['zones']): string {
  const kinds = Object.keys(ZONE_KIND_LABELS) as ZoneKind[];
  const parts = kinds.flatMap((kind) => {
    const n = zones.filter((zone) => zone.kind === kind).length;
    if (n === 0) return [];
    const label = ZONE_KIND_LABELS[kind];
    return [`${n} ${n === 1 ? label.one : label.many}`];
  });
  return parts.length <= 1
    ? (parts[0] ?? 'aucune zone')
    : `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}`;
}

/** What the QPV layer draws: how many, from which file, and the region's total when one is published. */
export interface QpvCoverageFacts {
  /** QPVs drawn in the region (counted by the geodata build). */
  drawn: number;
  /** The manifest entry of the file they come from, when listed. */
  source: SourceInfo | undefined;
  /** True when the file is the national one (every QPV of the region drawn). */
  national: boolean;
  /** The region's published total, when the atlas knows one. */
  regionTotal: RegionQpvTotal | undefined;
}

/** The QPV coverage facts of the built data. */
export function qpvCoverageFacts(
  atlas: Pick<AtlasData, 'qpvSource' | 'sources' | 'region'>,
  totals: readonly RegionQpvTotal[] = REGION_QPV_TOTALS
): QpvCoverageFacts {
  return {
    drawn: atlas.qpvSource.drawn,
    source: atlas.sources.find((s) => s.id === atlas.qpvSource.id),
    national: atlas.qpvSource.national,
    regionTotal: totals.find((t) => t.regionCode === atlas.region.code)
  };
}

/** The geodata sources, one entry per title (a file listed twice in the manifest appears once). */
export function distinctSources(sources: readonly SourceInfo[]): SourceInfo[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.title) && Boolean(seen.add(s.title)));
}

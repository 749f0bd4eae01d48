// The zone sheet's content, computed from the atlas data: which measures reach
// a zone, most relevant first, and what the sources do not say.
import type { AtlasData, Measure, Via, Zone, ZoneProperties } from '$lib/types';
import { groupByReach, type ReachGroup } from '$lib/measures/group';

/** A measure as listed on a sheet, with how it reaches the zone. */
export interface SheetItem {
  measure: Measure;
  via: Via;
}

/** Everything a zone sheet shows besides the zone itself. */
export interface ZoneSheetContent {
  zone: Zone;
  /** Its measures by relevance: direct first, national last (see groupByReach). */
  groups: ReachGroup<SheetItem>[];
  /** True when some funding line is the zone's own money; the sources give none so far. */
  hasOwnAmount: boolean;
}

/** The sheet of `zone`: its linked measures by relevance, then programme, then the build's order. */
export function zoneSheet(zone: Zone, atlas: AtlasData): ZoneSheetContent {
  const measures = new Map(atlas.measures.map((m) => [m.id, m]));
  const items: SheetItem[] = [];
  for (const link of atlas.links[zone.id] ?? []) {
    const measure = measures.get(link.measureId);
    if (measure) items.push({ measure, via: link.via });
  }
  // The links are in the build's measure order (compareMeasures): the sheet keeps it within a group.
  const groups = groupByReach(items);
  const hasOwnAmount = items.some((item) => item.measure.funding.some((line) => line.scope === 'zone'));
  return { zone, groups, hasOwnAmount };
}

const andList = new Intl.ListFormat('fr', { type: 'conjunction' });

/**
 * French sentence saying how the zone's outline was drawn, and how exact it is; `qpvName` gives
 * the official name of a QPV code when the QPV list holds it.
 */
export function perimeterNote(
  zone: Zone,
  props: Pick<ZoneProperties, 'perimeter'>,
  qpvName: (code: string) => string | undefined = () => undefined
): string {
  switch (props.perimeter) {
    case 'qpv': {
      const named = zone.qpvs.map((code) => {
        const name = qpvName(code);
        return name ? `${code} (« ${name} »)` : code;
      });
      const what = named.length > 1 ? 'des quartiers prioritaires' : 'du quartier prioritaire';
      return `Contour officiel ${what} ${andList.format(named)}, liste 2015.`;
    }
    case 'communes':
      return `Périmètre exact non disponible : contour communal (${zone.communes
        .map((c) => c.name)
        .join(', ')}). Le quartier n'occupe qu'une partie de ce contour.`;
    case 'departement':
      return 'Périmètre : le département entier.';
  }
}

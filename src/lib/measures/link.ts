// Which measures reach which zone, and through what path. Pure: the geodata build
// runs it once and writes the result into atlas.json; the sheets only read it.
import {
  PROGRAMMES,
  VIAS,
  type LinkedMeasure,
  type Measure,
  type Programme,
  type Target,
  type Via,
  type Zone
} from '../types';

/** How directly each via reaches a place: lower is more direct (the order of VIAS). */
export const VIA_RANK: Readonly<Record<Via, number>> = Object.fromEntries(
  VIAS.map((via, i) => [via, i])
) as Record<Via, number>;
const PROGRAMME_RANK: Record<Programme, number> = Object.fromEntries(
  PROGRAMMES.map((p, i) => [p, i])
) as Record<Programme, number>;

/** Code-point order, independent of the locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order measures are listed in: by programme, then newest first, then by id. */
export function compareMeasures(a: Measure, b: Measure): number {
  return (
    PROGRAMME_RANK[a.programme] - PROGRAMME_RANK[b.programme] ||
    // ISO dates (YYYY-MM or YYYY-MM-DD) compare as text; a bare month comes after its days.
    compareText(b.date, a.date) ||
    compareText(a.id, b.id)
  );
}

/**
 * How a target naming places (départements, a region, the nation) reaches anything lying in
 * `departement`, or null; targets naming zones or a zone kind are not about places.
 */
export function placeVia(
  target: Target,
  departement: string,
  regionDepartements: Readonly<Record<string, readonly string[]>>
): Via | null {
  if ('departements' in target) return target.departements.includes(departement) ? 'departement' : null;
  if ('region' in target)
    return (regionDepartements[target.region] ?? []).includes(departement) ? 'region' : null;
  if ('national' in target) return 'national';
  return null;
}

/** How one target reaches one zone, or null when it does not. */
function viaOf(target: Target, zone: Zone, regionDepartements: Record<string, string[]>): Via | null {
  if ('zones' in target) return target.zones.includes(zone.id) ? 'zone' : null;
  if ('kind' in target) return target.kind === zone.kind ? 'kind' : null;
  const via = placeVia(target, zone.departement, regionDepartements);
  // An acceleration territory is its département: naming the département names the zone.
  return via === 'departement' && zone.kind === 'acceleration-territory' ? 'zone' : via;
}

/** The most direct via among those of a measure's targets that reach a zone. */
function bestVia(measure: Measure, zone: Zone, regionDepartements: Record<string, string[]>): Via | null {
  let best: Via | null = null;
  for (const target of measure.appliesTo) {
    const via = viaOf(target, zone, regionDepartements);
    if (via !== null && (best === null || VIA_RANK[via] < VIA_RANK[best])) best = via;
  }
  return best;
}

/** Links every measure to the zones its targets reach; each zone's list in the order of `measures`. */
export function linkMeasures(
  zones: Zone[],
  measures: Measure[],
  regionDepartements: Record<string, string[]>
): Record<string, LinkedMeasure[]> {
  const links: Record<string, LinkedMeasure[]> = {};
  for (const zone of zones) {
    const linked: LinkedMeasure[] = [];
    for (const measure of measures) {
      const via = bestVia(measure, zone, regionDepartements);
      if (via !== null) linked.push({ measureId: measure.id, via });
    }
    links[zone.id] = linked;
  }
  return links;
}

/**
 * True when a measure reaching a zone by `via` acts on it specifically: it names the zone, its
 * programme's zoning (all quarters of a kind), its département or its region. A national measure
 * reaches every zone the same way, so it says nothing about where a programme acts.
 */
export function isTargeted(via: Via): boolean {
  return via !== 'national';
}

/**
 * The programmes a zone takes part in: its own, plus those of the measures that target it
 * (see isTargeted). National measures are listed on its sheet but do not count: otherwise every
 * zone would take part in every national programme and a programme filter would match
 * everything. Returned in the order of PROGRAMMES.
 */
export function zoneProgrammes(
  zone: Zone,
  links: readonly LinkedMeasure[],
  measuresById: ReadonlyMap<string, Measure>
): Programme[] {
  const programmes = new Set<Programme>(zone.programmes);
  for (const link of links) {
    if (!isTargeted(link.via)) continue;
    const measure = measuresById.get(link.measureId);
    if (measure) programmes.add(measure.programme);
  }
  return PROGRAMMES.filter((p) => programmes.has(p));
}

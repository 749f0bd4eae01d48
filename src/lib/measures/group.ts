// Measures listed the way the sheets show them: by how closely they reach the place, then by
// programme.
import { PROGRAMMES, VIAS, type Measure, type Programme, type Via } from '$lib/types';

/** The items of one programme. */
export interface ProgrammeGroup<T> {
  programme: Programme;
  items: T[];
}

/** `items` grouped by their measure's programme in the fixed programme order, keeping their order; no empty group. */
export function groupByProgramme<T extends { measure: Measure }>(items: readonly T[]): ProgrammeGroup<T>[] {
  return PROGRAMMES.map((programme) => ({
    programme,
    items: items.filter((item) => item.measure.programme === programme)
  })).filter((group) => group.items.length > 0);
}

/** The items that reach a place the same way (directly, by its zoning, département, region, nation). */
export interface ReachGroup<T> {
  via: Via;
  items: T[];
}

/**
 * `items` by relevance to the place: what targets it directly first, then what reaches it as one
 * of a kind of zone, through its département, its region, and the national measures last (the
 * order of VIAS). The data names no intercommunality as a target, so no group sits between the
 * zoning and the département. Within a group, measures follow the programme order and otherwise
 * keep their given order (the build's: newest first). No empty group.
 */
export function groupByReach<T extends { measure: Measure; via: Via }>(items: readonly T[]): ReachGroup<T>[] {
  return VIAS.map((via) => ({
    via,
    items: groupByProgramme(items.filter((item) => item.via === via)).flatMap((group) => group.items)
  })).filter((group) => group.items.length > 0);
}

/** How many items the groups hold together. */
export function countItems<T>(groups: readonly { items: readonly T[] }[]): number {
  return groups.reduce((n, group) => n + group.items.length, 0);
}

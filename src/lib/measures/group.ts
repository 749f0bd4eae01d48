// Measures listed by programme, the way both sheets show them.
import { PROGRAMMES, type Measure, type Programme } from '$lib/types';

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

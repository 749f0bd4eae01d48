// A measure with only what linking and filtering read, and a dated item, shared by their tests.
import type { DatedItem, Measure, Programme, Target } from '../../src/lib/types';

/** A measure of `programme` reaching `appliesTo`, with empty text, funding and actors. */
export function measure(
  id: string,
  appliesTo: Target[],
  programme: Programme = 'npnru',
  date = '2018-12'
): Measure {
  return {
    id,
    title: id,
    date,
    programme,
    summary: 'Résumé.',
    actors: [],
    funding: [],
    appliesTo,
    sources: [{ label: 'Lettre' }]
  };
}

/** A deadline due on 30 April 2019; tests change one field at a time. */
export function datedItem(overrides: Partial<DatedItem> = {}): DatedItem {
  return {
    kind: 'deadline',
    what: 'Remettre le dossier',
    who: [],
    written: 'avant le 30 avril 2019',
    precision: 'day',
    start: '2019-04-30',
    end: '2019-04-30',
    lines: 'L.12',
    ...overrides
  };
}

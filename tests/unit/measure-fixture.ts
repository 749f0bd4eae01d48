// A measure with only what linking and filtering read, shared by their tests.
import type { Measure, Programme, Target } from '../../src/lib/types';

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

// The schema of one dated item of a measure (`dates` in `geodata/measures.json`): a deadline
// or event as the source writes it, with the period that writing stands for.
import { z } from 'zod';
import { DATED_ITEM_KINDS, DATE_PRECISIONS } from '../../types';
import { periodProblem } from '../../measures/dated';
import { sourceLines, text } from './shared';

/** One dated item: its period must match its precision (see `periodProblem`). */
export const datedItemSchema = z
  .strictObject({
    kind: z.enum(DATED_ITEM_KINDS),
    what: text,
    who: z.array(text),
    written: text,
    precision: z.enum(DATE_PRECISIONS),
    start: z.string(),
    end: z.string(),
    inferred: text.optional(),
    doubt: text.optional(),
    lines: sourceLines
  })
  .superRefine((item, ctx) => {
    const problem = periodProblem(item.precision, item.start, item.end);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });

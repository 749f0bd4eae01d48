// The hand-written measures against the newsletter they are drawn from (skipped without it):
// every measure says which lines it comes from, and those lines carry its date.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMeasures, parseSourceLines } from '../../src/lib/data/schema';
import { formatDate } from '../../src/lib/format/date';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SEED_DIR = join(REPO, '../shared/seed');
const seedFile = existsSync(SEED_DIR) ? readdirSync(SEED_DIR).find((f) => f.endsWith('.txt')) : undefined;

describe.skipIf(seedFile === undefined)('measures against the newsletter', () => {
  const seed = readFileSync(join(SEED_DIR, seedFile ?? ''), 'utf8').split('\n');
  const json: unknown = JSON.parse(readFileSync(join(REPO, 'geodata/measures.json'), 'utf8'));
  const zoneIds = new Set(
    (
      JSON.parse(readFileSync(join(REPO, 'geodata/zones.json'), 'utf8')) as { zones: { id: string }[] }
    ).zones.map((z) => z.id)
  );
  const measures = parseMeasures(json, 'geodata/measures.json', zoneIds);
  /** The text of the newsletter lines a measure cites first, lower-cased. */
  const citedText = (lines: string): string =>
    (parseSourceLines(lines) ?? [])
      .map(([first, last]) => seed.slice(first - 1, last).join('\n'))
      .join('\n')
      .toLowerCase();

  it('cites, as first source, newsletter lines that exist and open on text', () => {
    for (const measure of measures) {
      const lines = measure.sources[0]?.lines;
      expect(lines, measure.id).toBeDefined();
      for (const [first, last] of parseSourceLines(lines ?? '') ?? []) {
        expect(last, `${measure.id}: ${lines}`).toBeLessThanOrEqual(seed.length);
        expect(seed[first - 1]?.trim(), `${measure.id}: line ${first}`).not.toBe('');
      }
    }
  });

  it('finds the date of every measure that is not approximate in the lines it cites', () => {
    for (const measure of measures.filter((m) => m.approximate === undefined)) {
      // "22 janvier 2019", "décembre 2018" or "2019", as the newsletter writes dates.
      const words = /^\d{4}$/.test(measure.date) ? measure.date : formatDate(measure.date);
      expect(citedText(measure.sources[0]?.lines ?? ''), measure.id).toContain(words.toLowerCase());
    }
  });
});

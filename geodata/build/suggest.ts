// Suggesting the QPV code of each quarter of geodata/zones.json from the official QPV file:
// from the communes the quarter and the QPV share, name similarity and the NPNRU
// code list. It only suggests: a maintainer confirms a code by writing it into zones.json, and
// an ambiguous match is shown as such, never proposed.
import type { Zone } from '../../src/lib/types';
import { qpvDepartement } from '../../src/lib/qpv/code';
import type { QpvSourceProperties } from './zones';

/** Words that say what kind of place a name is, not which one. */
const GENERIC_WORDS = new Set([
  'd',
  'de',
  'des',
  'du',
  'et',
  'l',
  'la',
  'le',
  'les',
  'quartier',
  'quartiers',
  'intercommunal',
  'intercommunale',
  'zone'
]);

/** Weights of the score: communes and name weigh alike; the NPNRU list only tips a balance. */
const WEIGHTS = { communes: 0.45, name: 0.45, npnru: 0.1 };
/** A candidate is proposed when its name matches at least this much… */
const MIN_NAME_SCORE = 0.5;
/** …and no other candidate of the same quarter scores within this margin. */
const MIN_MARGIN = 0.2;
/** Candidates listed per quarter. */
const MAX_CANDIDATES = 3;

/** Lowercase words without accents or ligatures: "Mons-en-Barœul" → ["mons", "en", "baroeul"]. */
export function words(text: string): string[] {
  return text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** A commune name as compared: its words joined ("Villeneuve-d'Ascq" → "villeneuve d ascq"). */
function communeKey(name: string): string {
  return words(name).join(' ');
}

/** The distinctive words of a place name, generic words left out. */
function nameWords(name: string): Set<string> {
  return new Set(words(name).filter((word) => !GENERIC_WORDS.has(word)));
}

/**
 * How alike two names are: the Dice coefficient of their distinctive words, whole words only,
 * so that "La Briquette" and "La Briquetterie" share nothing.
 */
export function nameSimilarity(a: string, b: string): { score: number; shared: string[] } {
  const left = nameWords(a);
  const right = nameWords(b);
  const shared = [...left].filter((word) => right.has(word));
  const total = left.size + right.size;
  return { score: total === 0 ? 0 : (2 * shared.length) / total, shared };
}

/** One candidate QPV for a quarter. */
export interface Candidate {
  code: string;
  /** Official name, as the file spells it. */
  name: string;
  communes: string;
  npnru: boolean;
  /** 0–1: weighted share of the quarter's communes, name similarity and NPNRU membership. */
  score: number;
  /** Why, in a few words: shared communes, shared name words, NPNRU. */
  why: string;
}

/** What the command says of one quarter. */
export interface Suggestion {
  zoneId: string;
  zoneName: string;
  /** The codes zones.json already holds (empty when none is confirmed). */
  confirmed: string[];
  /** `proposed`: one clear candidate; `ambiguous`: several or weak ones, to choose by hand; `none`. */
  verdict: 'proposed' | 'ambiguous' | 'none';
  /** Best first; the first is the proposal when the verdict is `proposed`. */
  candidates: Candidate[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Scores one QPV against a quarter; null when they share neither a commune nor a name word. */
function scoreCandidate(
  zone: Zone,
  qpv: QpvSourceProperties,
  npnruCodes: ReadonlySet<string>
): (Candidate & { nameScore: number; sharedCommunes: number }) | null {
  if (qpvDepartement(qpv.CODE_QP) !== zone.departement) return null;
  const qpvCommunes = new Set(qpv.COMMUNE_QP.split(',').map(communeKey));
  const shared = zone.communes.filter((c) => qpvCommunes.has(communeKey(c.name)));
  const name = nameSimilarity(zone.name, qpv.NOM_QP);
  if (shared.length === 0 && name.score === 0) return null;
  const communeScore = zone.communes.length === 0 ? 0 : shared.length / zone.communes.length;
  const npnru = npnruCodes.has(qpv.CODE_QP);
  const why = [
    shared.length > 0
      ? `communes ${shared.length}/${zone.communes.length} (${shared.map((c) => c.name).join(', ')})`
      : 'no commune in common',
    name.shared.length > 0 ? `name words: ${name.shared.join(' ')}` : 'no name word in common',
    ...(npnru ? ['NPNRU'] : [])
  ].join('; ');
  return {
    code: qpv.CODE_QP,
    name: qpv.NOM_QP.trim(),
    communes: qpv.COMMUNE_QP.replace(/\s+/g, ' ').trim(),
    npnru,
    score: round2(WEIGHTS.communes * communeScore + WEIGHTS.name * name.score + (npnru ? WEIGHTS.npnru : 0)),
    why,
    nameScore: name.score,
    sharedCommunes: shared.length
  };
}

/**
 * Suggests a QPV code for every quarter: candidates are the QPVs of its département sharing a
 * commune or a name word with it. One is proposed only when it shares a commune, its name
 * matches, and it leads every other candidate by a clear margin.
 */
export function suggestQpvCodes(
  zones: readonly Zone[],
  qpvs: readonly QpvSourceProperties[],
  npnruCodes: ReadonlySet<string>
): Suggestion[] {
  return zones
    .filter((zone) => zone.kind === 'quarter')
    .map((zone): Suggestion => {
      const scored = qpvs
        .flatMap((qpv) => scoreCandidate(zone, qpv, npnruCodes) ?? [])
        .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
      const [best, second] = scored;
      const clear =
        best !== undefined &&
        best.sharedCommunes > 0 &&
        best.nameScore >= MIN_NAME_SCORE &&
        (second === undefined || best.score - second.score >= MIN_MARGIN);
      return {
        zoneId: zone.id,
        zoneName: zone.name,
        confirmed: zone.qpvs,
        verdict: best === undefined ? 'none' : clear ? 'proposed' : 'ambiguous',
        candidates: scored
          .slice(0, MAX_CANDIDATES)
          .map(({ code, name, communes, npnru, score, why }) => ({ code, name, communes, npnru, score, why }))
      };
    });
}

/** The suggestions as a plain-text table, one row per candidate, for a maintainer to read. */
export function suggestionTable(suggestions: readonly Suggestion[]): string[] {
  const rows = [['quarter', 'verdict', 'code', 'official name', 'score', 'why']];
  for (const s of suggestions) {
    const best = s.candidates[0]?.code;
    const state =
      s.confirmed.length > 0
        ? `confirmed ${s.confirmed.join(', ')}${best !== undefined && s.confirmed.includes(best) ? '' : ' (differs!)'}`
        : s.verdict;
    if (s.candidates.length === 0)
      rows.push([s.zoneId, state, '–', '', '', 'no QPV shares a commune or a name word']);
    s.candidates.forEach((c, i) =>
      rows.push([i === 0 ? s.zoneId : '', i === 0 ? state : '', c.code, c.name, c.score.toFixed(2), c.why])
    );
  }
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd()
  );
}

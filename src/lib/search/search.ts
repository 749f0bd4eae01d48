// Place search over zones, communes, EPCI, QPV and départements. Normalised strings are
// computed once in buildIndex so a query only scans and compares plain strings.
//
// The ranking rule, applied to every query the same way:
//   1. how well the query matches the entry's best name: its own name exactly, then one of its
//      other names exactly, then start of a name, then start of some of its words, then anywhere
//      in it. An entry's own name is its label; its other names are its keywords (a quarter's
//      communes, a commune's postal codes and former names, a QPV's communes and code); each
//      also without a leading article ("La Madeleine" answers to "madeleine"). So the place
//      called what was typed comes before the places that merely lie in it: "sentinelle" lists
//      the commune La Sentinelle, then the quarter that holds part of it;
//   2. at equal match, the kind: the atlas's zones, then communes, EPCI, QPV, départements. So
//      a town's name lists the town itself (rule 1), then the quarters in that town, then its
//      intercommunality and QPV ("lievin", "roubaix" alike);
//   3. then the shorter label, then the label in French alphabetical order.

/** One thing the search box can find. */
export interface SearchEntry {
  type: 'zone' | 'commune' | 'epci' | 'qpv' | 'departement';
  id: string;
  label: string;
  /** Second line of the result, e.g. a commune's département name. */
  detail: string;
  /** Other names the entry answers to, e.g. a quarter's commune names or a commune's postal codes. */
  keywords?: string[];
}

interface IndexedName {
  text: string;
  words: string[];
  /** True for the entry's label, false for a keyword. */
  own: boolean;
}

interface IndexedEntry {
  entry: SearchEntry;
  names: IndexedName[];
  typeRank: number;
}

/** Entries with their normalised names, ready for findEntries. */
export interface SearchIndex {
  readonly entries: readonly IndexedEntry[];
}

/** Rule 2: kinds in order, at equal match. */
const TYPE_RANK: Readonly<Record<SearchEntry['type'], number>> = {
  zone: 0,
  commune: 1,
  epci: 2,
  qpv: 3,
  departement: 4
};

/** Rule 1: match tiers, best first. */
const Tier = { ownExact: 0, exact: 1, prefix: 2, wordPrefix: 3, substring: 4 } as const;

// Leading French articles, once normalised ("L'Escaut" → "l escaut").
const ARTICLE = /^(?:la|le|les|l) (?=.)/;

const collator = new Intl.Collator('fr');

/** Lower-case, accent-free form with ligatures expanded and any punctuation or spacing reduced to one space. */
export function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Precomputes the normalised names of every entry (with and without a leading article). */
export function buildIndex(entries: readonly SearchEntry[]): SearchIndex {
  return {
    entries: entries.map((entry) => {
      const variants = (name: string) => {
        const text = normalise(name);
        return text === '' ? [] : [text, text.replace(ARTICLE, '')];
      };
      const own = new Set(variants(entry.label));
      const other = new Set((entry.keywords ?? []).flatMap(variants).filter((text) => !own.has(text)));
      return {
        entry,
        names: [
          ...[...own].map((text) => ({ text, words: words(text), own: true })),
          ...[...other].map((text) => ({ text, words: words(text), own: false }))
        ],
        typeRank: TYPE_RANK[entry.type]
      };
    })
  };
}

/** Best `limit` entries for `query`, ranked by the rule at the top of this file. */
export function findEntries(index: SearchIndex, query: string, limit = 8): SearchEntry[] {
  const q = normalise(query);
  if (q === '' || limit <= 0) return [];
  const queryWords = words(q);
  const hits: { item: IndexedEntry; tier: number }[] = [];
  for (const item of index.entries) {
    let tier: number | null = null;
    for (const name of item.names) {
      const t = matchTier(name, q, queryWords);
      if (t !== null && (tier === null || t < tier)) tier = t;
    }
    if (tier !== null) hits.push({ item, tier });
  }
  hits.sort(
    (a, b) =>
      a.tier - b.tier ||
      a.item.typeRank - b.item.typeRank ||
      a.item.entry.label.length - b.item.entry.label.length ||
      collator.compare(a.item.entry.label, b.item.entry.label)
  );
  return hits.slice(0, limit).map((hit) => hit.item.entry);
}

function matchTier(name: IndexedName, q: string, queryWords: readonly string[]): number | null {
  if (name.text === q) return name.own ? Tier.ownExact : Tier.exact;
  if (name.text.startsWith(q)) return Tier.prefix;
  if (wordPrefixes(name.words, queryWords)) return Tier.wordPrefix;
  if (name.text.includes(q)) return Tier.substring;
  return null;
}

// Every query word starts some word of the text, in any order.
function wordPrefixes(textWords: readonly string[], queryWords: readonly string[]): boolean {
  return queryWords.every((qw) => textWords.some((w) => w.startsWith(qw)));
}

function words(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}

/**
 * What search cannot find when a lazily loaded list failed to arrive (the zones are always
 * there), or '' when nothing is missing.
 */
export function missingListsNote({ communes, qpvs }: { communes: boolean; qpvs: boolean }): string {
  if (communes && qpvs)
    return 'Listes des communes et des QPV indisponibles : seules les zones sont cherchables.';
  if (communes)
    return 'Liste des communes indisponible : communes et intercommunalités ne sont pas cherchables.';
  if (qpvs) return 'Liste des QPV indisponible : les QPV ne sont ni cherchables ni consultables.';
  return '';
}

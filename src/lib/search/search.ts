// Place search over zones, QPV, communes and départements. Normalised strings are
// computed once in buildIndex so a query only scans and compares plain strings.

/** One thing the search box can find. */
export interface SearchEntry {
  type: 'zone' | 'qpv' | 'commune' | 'departement';
  id: string;
  label: string;
  /** Second line of the result, e.g. a commune's département name. */
  detail: string;
  /** Other names the entry answers to, e.g. a quarter's commune names. */
  keywords?: string[];
}

interface IndexedEntry {
  entry: SearchEntry;
  label: string;
  words: string[];
  keywords: { text: string; words: string[] }[];
  typeRank: number;
}

/** Entries with their normalised label and keywords, ready for searchIndex. */
export interface SearchIndex {
  readonly entries: readonly IndexedEntry[];
}

// Ties between equally good matches: the atlas's own zones come first.
const TYPE_RANK: Readonly<Record<SearchEntry['type'], number>> = {
  zone: 0,
  qpv: 1,
  commune: 2,
  departement: 3
};

const Tier = { exact: 0, prefix: 1, wordPrefix: 2, substring: 3, keyword: 4 } as const;

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

/** Precomputes the normalised strings of every entry. */
export function buildIndex(entries: readonly SearchEntry[]): SearchIndex {
  return {
    entries: entries.map((entry) => {
      const label = normalise(entry.label);
      return {
        entry,
        label,
        words: words(label),
        keywords: (entry.keywords ?? []).map((k) => {
          const text = normalise(k);
          return { text, words: words(text) };
        }),
        typeRank: TYPE_RANK[entry.type]
      };
    })
  };
}

/** Best `limit` entries for `query`: exact label or keyword, label prefix, word prefixes, substring, then partial keywords. */
export function searchIndex(index: SearchIndex, query: string, limit = 8): SearchEntry[] {
  const q = normalise(query);
  if (q === '' || limit <= 0) return [];
  const queryWords = words(q);
  const hits: { item: IndexedEntry; tier: number }[] = [];
  for (const item of index.entries) {
    const tier = matchTier(item, q, queryWords);
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

function matchTier(item: IndexedEntry, q: string, queryWords: readonly string[]): number | null {
  // A zone whose commune is named exactly ranks with exact names: people type a town to
  // find its quarter, and zones come before the commune itself on a tie.
  if (item.label === q || item.keywords.some((k) => k.text === q)) return Tier.exact;
  if (item.label.startsWith(q)) return Tier.prefix;
  if (wordPrefixes(item.words, queryWords)) return Tier.wordPrefix;
  if (item.label.includes(q)) return Tier.substring;
  const keywordHit = item.keywords.some((k) => k.text.includes(q) || wordPrefixes(k.words, queryWords));
  return keywordHit ? Tier.keyword : null;
}

// Every query word starts some word of the text, in any order.
function wordPrefixes(textWords: readonly string[], queryWords: readonly string[]): boolean {
  return queryWords.every((qw) => textWords.some((w) => w.startsWith(qw)));
}

function words(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}

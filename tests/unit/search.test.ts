import { describe, expect, it } from 'vitest';
import { buildIndex, normalise, searchIndex } from '../../src/lib/search/search';
import type { SearchEntry } from '../../src/lib/search/search';

const commune = (id: string, label: string, detail: string): SearchEntry => ({
  type: 'commune',
  id,
  label,
  detail
});

const entries: SearchEntry[] = [
  commune('62510', 'Liévin', 'Pas-de-Calais'),
  commune('62498', 'Lens', 'Pas-de-Calais'),
  commune('59527', 'Loos', 'Nord'),
  commune('59410', 'Mons-en-Barœul', 'Nord'),
  commune('59606', 'Valenciennes', 'Nord'),
  commune('62836', 'Valhuon', 'Pas-de-Calais'),
  commune('59122', 'Cambrai', 'Nord'),
  commune('62617', 'Nordausques', 'Pas-de-Calais'),
  {
    type: 'zone',
    id: 'lievin-calonne',
    label: 'Calonne - Marichelles - Vent de Bise',
    detail: 'Pas-de-Calais',
    keywords: ['Liévin']
  },
  {
    type: 'zone',
    id: 'mons-nouveau-mons',
    label: 'Nouveau Mons les Sarts Dombrowski',
    detail: 'Nord',
    keywords: ['Mons-en-Barœul']
  },
  {
    type: 'zone',
    id: 'valenciennes-faubourg-de-cambrai',
    label: 'Zone intercommunale Faubourg de Cambrai - La Briquette',
    detail: 'Nord',
    keywords: ['Valenciennes', 'Marly', 'Aulnoy-lez-Valenciennes']
  },
  { type: 'zone', id: 'lens-cite', label: 'Cité', detail: 'Pas-de-Calais', keywords: ['Lens'] },
  { type: 'zone', id: 'nord', label: 'Nord', detail: "Territoire d'accélération" },
  { type: 'qpv', id: 'QP059006', label: 'Lille Nord', detail: 'Lille' },
  { type: 'qpv', id: 'QP059050', label: 'Les Oliveaux', detail: 'Loos' },
  { type: 'departement', id: '59', label: 'Nord', detail: 'Hauts-de-France' },
  { type: 'departement', id: '02', label: 'Aisne', detail: 'Hauts-de-France' }
];

const index = buildIndex(entries);
const ids = (query: string, limit?: number) => searchIndex(index, query, limit).map((e) => e.id);

describe('normalise', () => {
  it('ignores case, accents, hyphens and ligatures', () => {
    expect(normalise('Mons-en-Barœul')).toBe(normalise('mons en baroeul'));
    expect(normalise('Mons-en-Barœul')).toBe('mons en baroeul');
  });

  it('matches an unaccented spelling', () => {
    expect(normalise('Liévin')).toBe(normalise('lievin'));
    expect(normalise('BÉTHUNE')).toBe('bethune');
  });

  it('expands æ and upper-case ligatures', () => {
    expect(normalise('Læti')).toBe('laeti');
    expect(normalise('ŒUVRE')).toBe('oeuvre');
  });

  it('turns straight and typographic apostrophes into a word break', () => {
    expect(normalise("Bruay-sur-l'Escaut")).toBe('bruay sur l escaut');
    expect(normalise('Bruay-sur-l’Escaut')).toBe('bruay sur l escaut');
  });

  it('collapses and trims any whitespace and punctuation', () => {
    expect(normalise('  Faubourg \t de\nCambrai  –  La Briquette ')).toBe('faubourg de cambrai la briquette');
  });

  it('keeps digits', () => {
    expect(normalise('Lionderie - 3 Baudets')).toBe('lionderie 3 baudets');
  });

  it('returns an empty string for punctuation only', () => {
    expect(normalise(" - ' ")).toBe('');
  });
});

describe('searchIndex', () => {
  it('finds the quarter whose commune is exactly Liévin first, then the Liévin commune', () => {
    expect(ids('lievin')).toEqual(['lievin-calonne', '62510']);
  });

  it('finds Mons-en-Barœul typed without hyphens nor ligature', () => {
    expect(ids('Mons en Baroeul')).toEqual(['mons-nouveau-mons', '59410']);
  });

  it('finds a zone from the first letters of some of its words', () => {
    expect(ids('faubourg cambrai')).toEqual(['valenciennes-faubourg-de-cambrai']);
    expect(ids('cambrai faub')).toEqual(['valenciennes-faubourg-de-cambrai']);
  });

  it('returns nothing for an empty or blank query', () => {
    expect(searchIndex(index, '')).toEqual([]);
    expect(searchIndex(index, '   ')).toEqual([]);
    expect(searchIndex(index, " -' ")).toEqual([]);
  });

  it('returns nothing when nothing matches', () => {
    expect(ids('marseille')).toEqual([]);
  });

  it('ranks exact match, then label prefix, then word prefix, then substring, then keywords', () => {
    const result = buildIndex([
      { ...commune('keyword', 'Quelque part', 'x'), keywords: ['Arment-Ville'] },
      commune('substring', 'Larmentier', 'x'),
      commune('word-prefix', 'Saint-Pol Armentières', 'x'),
      commune('prefix', 'Armentières', 'x'),
      commune('exact', 'Arment', 'x')
    ]);
    expect(searchIndex(result, 'arment').map((e) => e.id)).toEqual([
      'exact',
      'prefix',
      'word-prefix',
      'substring',
      'keyword'
    ]);
  });

  it('between equal matches, puts zones before QPV, communes and départements', () => {
    expect(ids('nord')).toEqual(['nord', '59', '62617', 'QP059006']);
  });

  it('between equal matches of the same type, puts the shorter label first', () => {
    expect(ids('val')).toEqual(['62836', '59606', 'valenciennes-faubourg-de-cambrai']);
  });

  it('between equal matches of the same type and length, sorts labels alphabetically', () => {
    // All five start with "l": QPV before communes, shorter first, Lens before Loos.
    expect(ids('l').slice(0, 5)).toEqual(['QP059006', 'QP059050', '62498', '59527', '62510']);
  });

  it('sorts alphabetically the French way, an accented letter next to its plain letter', () => {
    const accented = buildIndex([
      commune('b', 'Ezb', 'x'),
      commune('c', 'Fza', 'x'),
      commune('a', 'Éza', 'x')
    ]);
    expect(searchIndex(accented, 'z').map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not search the detail line', () => {
    expect(ids('hauts de france')).toEqual([]);
  });

  it('returns at most 8 results by default and honours a custom limit', () => {
    const many = buildIndex(Array.from({ length: 20 }, (_, i) => commune(String(i), `Saint-${i}`, 'x')));
    expect(searchIndex(many, 'saint')).toHaveLength(8);
    expect(searchIndex(many, 'saint', 3)).toHaveLength(3);
    expect(searchIndex(many, 'saint', 0)).toEqual([]);
  });

  it('returns the original entries, label and detail untouched', () => {
    expect(searchIndex(index, 'mons-en-barœul')[1]).toBe(entries[3]);
  });

  it('finds the right entries among 5,000, even when every entry matches', () => {
    const types = ['zone', 'qpv', 'commune', 'departement'] as const;
    const big = buildIndex(
      Array.from({ length: 5000 }, (_, i) => ({
        type: types[i % types.length] ?? 'commune',
        id: String(i),
        label: `Commune numéro ${i} de l'Écluse-Saint-Œuf`,
        detail: 'Nord',
        keywords: [`Mot-clé ${i}`, 'Ailleurs']
      }))
    );
    const found = (query: string) => searchIndex(big, query).map((e) => e.id);
    // Every label matches: zones (i % 4 == 0) come first, the shortest labels (i < 10) among them.
    expect(found('commune')).toEqual(['0', '4', '8', '12', '16', '20', '24', '28']);
    expect(found('numero 4999')).toEqual(['4999']);
    expect(found('mot cle 4242')).toEqual(['4242']);
    expect(found('introuvable')).toEqual([]);
  });
});

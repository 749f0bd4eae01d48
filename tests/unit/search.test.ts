import { describe, expect, it } from 'vitest';
import { buildIndex, normalise, findEntries, missingListsNote } from '../../src/lib/search/search';
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
const ids = (query: string, limit?: number) => findEntries(index, query, limit).map((e) => e.id);

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

describe('findEntries', () => {
  it('finds the commune named exactly Liévin first, then the quarter that lies in it', () => {
    expect(ids('lievin')).toEqual(['62510', 'lievin-calonne']);
  });

  it('finds Mons-en-Barœul typed without hyphens nor ligature', () => {
    expect(ids('Mons en Baroeul')).toEqual(['59410', 'mons-nouveau-mons']);
  });

  it('puts the place whose own name is the query before a place that only lies in it (the sentinelle case)', () => {
    const sentinelle = buildIndex([
      {
        type: 'zone',
        id: 'chasse-royale',
        label: 'Chasse Royale',
        detail: '',
        keywords: ['Valenciennes', 'La Sentinelle']
      },
      {
        type: 'qpv',
        id: 'QP059999',
        label: 'Quartier de la Sentinelle',
        detail: '',
        keywords: ['La Sentinelle']
      },
      commune('59564', 'La Sentinelle', 'Nord')
    ]);
    // Article, accents, case and hyphens aside, the commune is called what was typed.
    for (const query of ['sentinelle', 'La Sentinelle', 'la-sentinelle', 'SENTINELLE'])
      expect(findEntries(sentinelle, query).map((e) => e.id)).toEqual(['59564', 'chasse-royale', 'QP059999']);
  });

  it('finds a zone from the first letters of some of its words', () => {
    expect(ids('faubourg cambrai')).toEqual(['valenciennes-faubourg-de-cambrai']);
    expect(ids('cambrai faub')).toEqual(['valenciennes-faubourg-de-cambrai']);
  });

  it('returns nothing for an empty or blank query', () => {
    expect(findEntries(index, '')).toEqual([]);
    expect(findEntries(index, '   ')).toEqual([]);
    expect(findEntries(index, " -' ")).toEqual([]);
  });

  it('returns nothing when nothing matches', () => {
    expect(ids('marseille')).toEqual([]);
  });

  it('ranks exact match, then name prefix, then word prefix, then substring, on the label or a keyword', () => {
    const result = buildIndex([
      { ...commune('keyword-word-prefix', 'Quelque part', 'x'), keywords: ['Ville-Arment'] },
      commune('substring', 'Larmentier', 'x'),
      commune('word-prefix', 'Saint-Pol Armentières', 'x'),
      { ...commune('keyword-prefix', 'Ailleurs', 'x'), keywords: ['Armentières-Nord'] },
      commune('exact', 'Arment', 'x')
    ]);
    expect(findEntries(result, 'arment').map((e) => e.id)).toEqual([
      'exact',
      'keyword-prefix',
      'keyword-word-prefix',
      'word-prefix',
      'substring'
    ]);
  });

  it('between equal matches, puts zones before communes, EPCI, QPV and départements', () => {
    const kinds = buildIndex([
      { type: 'departement', id: 'd', label: 'Arras', detail: '' },
      { type: 'qpv', id: 'q', label: 'Arras', detail: '' },
      { type: 'epci', id: 'e', label: 'Arras', detail: '' },
      commune('c', 'Arras', ''),
      { type: 'zone', id: 'z', label: 'Arras', detail: '' }
    ]);
    expect(findEntries(kinds, 'arras').map((e) => e.id)).toEqual(['z', 'c', 'e', 'q', 'd']);
    const byKeyword = buildIndex([
      { type: 'qpv', id: 'q', label: 'Centre', detail: '', keywords: ['Arras'] },
      { type: 'zone', id: 'z', label: 'Baudimont', detail: '', keywords: ['Arras'] }
    ]);
    expect(findEntries(byKeyword, 'arras').map((e) => e.id)).toEqual(['z', 'q']);
  });

  it('lists the town, then the quarter in it, then its QPV (the roubaix case)', () => {
    const roubaix = buildIndex([
      {
        type: 'qpv',
        id: 'QP059071',
        label: 'Hautchamps Longchamp',
        detail: '',
        keywords: ['Hem', 'Roubaix']
      },
      { type: 'qpv', id: 'QP059072', label: 'Alma', detail: '', keywords: ['Roubaix'] },
      commune('59512', 'Roubaix', 'Nord'),
      {
        type: 'zone',
        id: 'lionderie',
        label: 'Lionderie - 3 Baudets',
        detail: '',
        keywords: ['Roubaix', 'Hem']
      }
    ]);
    expect(findEntries(roubaix, 'roubaix').map((e) => e.id)).toEqual([
      '59512',
      'lionderie',
      'QP059072',
      'QP059071'
    ]);
  });

  it('ranks a quarter before its commune whichever name matches first (the teteghem case)', () => {
    const teteghem = buildIndex([
      commune('59588', 'Téteghem-Coudekerque-Village', 'Nord'),
      {
        type: 'zone',
        id: 'degroote',
        label: 'Degroote',
        detail: '',
        keywords: ['Téteghem-Coudekerque-Village']
      }
    ]);
    expect(findEntries(teteghem, 'teteghem').map((e) => e.id)).toEqual(['degroote', '59588']);
  });

  it('finds a name with or without its leading article', () => {
    const articles = buildIndex([
      commune('59368', 'La Madeleine', 'Nord'),
      commune('62826', 'Le Touquet-Paris-Plage', 'Pas-de-Calais'),
      commune('62643', 'Le Portel', 'Pas-de-Calais'),
      commune('80001', 'Madelon', 'Somme')
    ]);
    const found = (q: string) => findEntries(articles, q).map((e) => e.id);
    expect(found('la madeleine')[0]).toBe('59368');
    expect(found('madeleine')[0]).toBe('59368');
    expect(found('le touquet')[0]).toBe('62826');
    expect(found('touquet')[0]).toBe('62826');
    expect(found('portel')).toEqual(['62643']);
  });

  it('finds a commune by a postal code given as keyword', () => {
    const postal = buildIndex([
      { ...commune('59368', 'La Madeleine', 'Nord'), keywords: ['59110'] },
      { ...commune('59350', 'Lille', 'Nord'), keywords: ['59000', '59160', '59260', '59777', '59800'] }
    ]);
    expect(findEntries(postal, '59110').map((e) => e.id)).toEqual(['59368']);
    expect(findEntries(postal, '59000').map((e) => e.id)).toEqual(['59350']);
  });

  it('between equal matches of the same type, puts the shorter label first', () => {
    expect(ids('val')).toEqual(['valenciennes-faubourg-de-cambrai', '62836', '59606']);
  });

  it('between equal matches of the same type and length, sorts labels alphabetically', () => {
    // All start with "l": the zones of Lens and Liévin first, then communes shorter first, Lens before Loos.
    expect(ids('l').slice(0, 5)).toEqual(['lens-cite', 'lievin-calonne', '62498', '59527', '62510']);
  });

  it('sorts alphabetically the French way, an accented letter next to its plain letter', () => {
    const accented = buildIndex([
      commune('b', 'Ezb', 'x'),
      commune('c', 'Fza', 'x'),
      commune('a', 'Éza', 'x')
    ]);
    expect(findEntries(accented, 'z').map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not search the detail line', () => {
    expect(ids('hauts de france')).toEqual([]);
  });

  it('returns at most 8 results by default and honours a custom limit', () => {
    const many = buildIndex(Array.from({ length: 20 }, (_, i) => commune(String(i), `Saint-${i}`, 'x')));
    expect(findEntries(many, 'saint')).toHaveLength(8);
    expect(findEntries(many, 'saint', 3)).toHaveLength(3);
    expect(findEntries(many, 'saint', 0)).toEqual([]);
  });

  it('returns the original entries, label and detail untouched', () => {
    expect(findEntries(index, 'mons-en-barœul')[0]).toBe(entries[3]);
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
    const found = (query: string) => findEntries(big, query).map((e) => e.id);
    // Every label matches: zones (i % 4 == 0) come first, the shortest labels (i < 10) among them.
    expect(found('commune')).toEqual(['0', '4', '8', '12', '16', '20', '24', '28']);
    expect(found('numero 4999')).toEqual(['4999']);
    expect(found('mot cle 4242')).toEqual(['4242']);
    expect(found('introuvable')).toEqual([]);
  });
});

describe('missingListsNote', () => {
  it('is empty when every list arrived', () => {
    expect(missingListsNote({ communes: false, qpvs: false })).toBe('');
  });

  it('names what search cannot find for each list that failed', () => {
    const communes = missingListsNote({ communes: true, qpvs: false });
    expect(communes).toMatch(/communes/);
    expect(communes).not.toMatch(/QPV/);
    const qpvs = missingListsNote({ communes: false, qpvs: true });
    expect(qpvs).toMatch(/QPV/);
    expect(qpvs).not.toMatch(/communes/);
    expect(missingListsNote({ communes: true, qpvs: true })).toMatch(/seules les zones sont cherchables/);
  });
});

import { describe, expect, it } from 'vitest';
import { departementLocative, describeSelection } from '../../src/lib/filters/sentence';
import { PROGRAMME_LABELS, PROGRAMME_DESCRIPTIONS, SCOPE_LABELS, viaLabel } from '../../src/lib/labels';
import { PROGRAMMES, SCOPES } from '../../src/lib/types';
import type { FilterState } from '../../src/lib/types';

const names: Record<string, string> = {
  '02': 'Aisne',
  '06': 'Alpes-Maritimes',
  '13': 'Bouches-du-Rhône',
  '33': 'Gironde',
  '59': 'Nord',
  '60': 'Oise',
  '62': 'Pas-de-Calais',
  '67': 'Bas-Rhin',
  '77': 'Seine-et-Marne',
  '80': 'Somme',
  '91': 'Essonne',
  '93': 'Seine-Saint-Denis',
  '94': 'Val-de-Marne'
};

function filter(partial: Partial<FilterState>): FilterState {
  return { programmes: [], mode: 'any', departements: [], epci: null, ...partial };
}

const quarters = (n: number) => ({ quarter: n, 'acceleration-territory': 0 });
const territories = (n: number) => ({ quarter: 0, 'acceleration-territory': n });

describe('describeSelection', () => {
  it('states quarters in one département', () => {
    expect(describeSelection(7, filter({ departements: ['59'] }), quarters(7), names)).toBe(
      '7 quartiers NPNRU dans le Nord'
    );
  });

  it('does not repeat NPNRU when only NPNRU quarters are selected', () => {
    expect(
      describeSelection(7, filter({ programmes: ['npnru'], departements: ['59'] }), quarters(7), names)
    ).toBe('7 quartiers NPNRU dans le Nord');
  });

  it('breaks a mixed selection down by kind', () => {
    expect(describeSelection(21, filter({}), { quarter: 15, 'acceleration-territory': 6 }, names)).toBe(
      "21 zones : 15 quartiers NPNRU et 6 territoires d'accélération"
    );
  });

  it('uses the singular in the breakdown', () => {
    expect(describeSelection(2, filter({}), { quarter: 1, 'acceleration-territory': 1 }, names)).toBe(
      "2 zones : 1 quartier NPNRU et 1 territoire d'accélération"
    );
  });

  it('says so when nothing matches', () => {
    expect(describeSelection(0, filter({ programmes: ['logement'] }), quarters(0), names)).toBe(
      'Aucune zone ne correspond aux filtres'
    );
  });

  it('names a single programme after the kind, in the singular', () => {
    expect(
      describeSelection(
        1,
        filter({ programmes: ['habitat-indigne'], departements: ['13'] }),
        territories(1),
        names
      )
    ).toBe("1 territoire d'accélération habitat indigne dans les Bouches-du-Rhône");
  });

  it('uses the singular for one quarter', () => {
    expect(describeSelection(1, filter({}), quarters(1), names)).toBe('1 quartier NPNRU');
  });

  it('names quarters having all the chosen programmes by their kind, without repeating NPNRU', () => {
    const f = filter({ programmes: ['habitat-indigne', 'npnru'], mode: 'all', departements: ['59', '62'] });
    expect(describeSelection(3, f, quarters(3), names)).toBe(
      '3 quartiers NPNRU habitat indigne dans le Nord et le Pas-de-Calais'
    );
  });

  it('lists several programmes joined by et in mode all for a mixed selection', () => {
    const f = filter({ programmes: ['habitat-indigne', 'npnru'], mode: 'all' });
    expect(describeSelection(3, f, { quarter: 2, 'acceleration-territory': 1 }, names)).toBe(
      "3 zones visées par les programmes NPNRU et Lutte contre l'habitat indigne"
    );
  });

  it('joins programmes by ou in mode any', () => {
    const f = filter({ programmes: ['logement', 'strategie-pauvrete', 'npnru'], mode: 'any' });
    expect(describeSelection(9, f, { quarter: 6, 'acceleration-territory': 3 }, names)).toBe(
      '9 zones visées par les programmes NPNRU, Stratégie pauvreté ou Logement'
    );
  });

  it('names the programme of a mixed selection instead of the breakdown', () => {
    const f = filter({ programmes: ['strategie-pauvrete'] });
    expect(describeSelection(6, f, { quarter: 5, 'acceleration-territory': 1 }, names)).toBe(
      '6 zones visées par le programme Stratégie pauvreté'
    );
  });

  it('says "1 zone" in the singular', () => {
    const f = filter({ programmes: ['logement', 'habitat-indigne'], mode: 'any' });
    expect(describeSelection(1, f, quarters(1), names)).toBe(
      "1 zone visée par les programmes Lutte contre l'habitat indigne ou Logement"
    );
  });

  it('repeats en but not dans between départements', () => {
    const f = filter({ departements: ['93', '91', '94'] });
    expect(describeSelection(3, f, territories(3), names)).toBe(
      "3 territoires d'accélération en Seine-Saint-Denis, en Essonne et dans le Val-de-Marne"
    );
  });

  it('elides the article before a vowel', () => {
    const f = filter({ departements: ['02', '60', '80'] });
    expect(describeSelection(4, f, quarters(4), names)).toBe(
      "4 quartiers NPNRU dans l'Aisne, l'Oise et la Somme"
    );
  });

  it('counts the départements instead of naming more than three', () => {
    const f = filter({ departements: ['02', '59', '60', '62', '80'] });
    expect(describeSelection(15, f, quarters(15), names)).toBe('15 quartiers NPNRU dans 5 départements');
  });

  it('falls back to the number alone when the kind counts do not add up', () => {
    expect(describeSelection(4, filter({}), { quarter: 1, 'acceleration-territory': 1 }, names)).toBe(
      '4 zones'
    );
  });
});

describe('describeSelection with an EPCI', () => {
  const epcis = { '246200364': 'CA de Lens - Liévin', '245900410': 'Métropole Européenne de Lille' };

  it('names the chosen EPCI after the zones', () => {
    expect(describeSelection(2, filter({ epci: '246200364' }), quarters(2), names, epcis)).toBe(
      '2 quartiers NPNRU dans la CA de Lens - Liévin'
    );
    expect(
      describeSelection(
        5,
        filter({ epci: '245900410' }),
        { quarter: 4, 'acceleration-territory': 1 },
        names,
        epcis
      )
    ).toBe(
      "5 zones : 4 quartiers NPNRU et 1 territoire d'accélération dans la Métropole Européenne de Lille"
    );
  });

  it('states the EPCI before the départements also chosen', () => {
    expect(
      describeSelection(1, filter({ epci: '246200364', departements: ['62'] }), quarters(1), names, epcis)
    ).toBe('1 quartier NPNRU dans la CA de Lens - Liévin, dans le Pas-de-Calais');
  });

  it('falls back to the SIREN when the name is unknown', () => {
    expect(describeSelection(1, filter({ epci: '200000000' }), quarters(1), names, epcis)).toBe(
      "1 quartier NPNRU dans l'intercommunalité 200000000"
    );
  });
});

describe('departementLocative', () => {
  it.each([
    ['59', 'dans le Nord'],
    ['62', 'dans le Pas-de-Calais'],
    ['02', "dans l'Aisne"],
    ['60', "dans l'Oise"],
    ['80', 'dans la Somme'],
    ['93', 'en Seine-Saint-Denis'],
    ['94', 'dans le Val-de-Marne'],
    ['91', 'en Essonne'],
    ['06', 'dans les Alpes-Maritimes'],
    ['13', 'dans les Bouches-du-Rhône'],
    ['67', 'dans le Bas-Rhin'],
    ['77', 'en Seine-et-Marne']
  ])('introduces %s as "%s"', (code, expected) => {
    expect(departementLocative(code, names)).toBe(expected);
  });

  it('falls back to "dans le département" for a département without a known article', () => {
    expect(departementLocative('33', names)).toBe('dans le département Gironde');
  });

  it('falls back to the code when the name is unknown', () => {
    expect(departementLocative('2A', names)).toBe('dans le département 2A');
  });
});

describe('French labels', () => {
  it('labels and describes every programme', () => {
    for (const p of PROGRAMMES) {
      expect(PROGRAMME_LABELS[p]).toMatch(/^\p{Lu}/u);
      expect(PROGRAMME_DESCRIPTIONS[p].length).toBeGreaterThan(20);
    }
    expect(PROGRAMME_LABELS['habitat-indigne']).toBe("Lutte contre l'habitat indigne");
  });

  it('labels every scope, a national envelope never reading as the zone’s own money', () => {
    expect(SCOPES.map((s) => SCOPE_LABELS[s])).toEqual([
      'Enveloppe nationale',
      'Enveloppe régionale',
      'Enveloppe départementale',
      'Montant propre à la zone'
    ]);
  });
});

describe('viaLabel', () => {
  const nordQuarter = { kind: 'quarter', departement: '59' } as const;
  const territory = { kind: 'acceleration-territory', departement: '93' } as const;

  it('says a measure targeting the zone applies directly', () => {
    expect(viaLabel('zone', nordQuarter, names, 'Hauts-de-France')).toBe('Directement');
  });

  it('names the kind the measure targets', () => {
    expect(viaLabel('kind', nordQuarter, names, 'Hauts-de-France')).toBe('Pour tous les quartiers NPNRU');
    expect(viaLabel('kind', territory, names, 'Hauts-de-France')).toBe(
      "Pour tous les territoires d'accélération"
    );
  });

  it("names the zone's département", () => {
    expect(viaLabel('departement', nordQuarter, names, 'Hauts-de-France')).toBe('Via le département : Nord');
    expect(viaLabel('departement', territory, names, 'Hauts-de-France')).toBe(
      'Via le département : Seine-Saint-Denis'
    );
  });

  it('shows the département code when its name is unknown', () => {
    expect(viaLabel('departement', { kind: 'quarter', departement: '2B' }, names, 'Corse')).toBe(
      'Via le département : 2B'
    );
  });

  it('names the region', () => {
    expect(viaLabel('region', nordQuarter, names, 'Hauts-de-France')).toBe('Via la région Hauts-de-France');
  });

  it('labels a national measure', () => {
    expect(viaLabel('national', nordQuarter, names, 'Hauts-de-France')).toBe('Mesure nationale');
  });
});

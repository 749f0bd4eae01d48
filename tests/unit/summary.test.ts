import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/lib/summary/summary';
import type { LinkedMeasure, Measure, Programme, Via, Zone } from '../../src/lib/types';

function quarter(id: string, departement: string, programmes: Programme[] = []): Zone {
  return {
    id,
    name: id,
    kind: 'quarter',
    departement,
    communes: [],
    qpvs: [],
    programmes,
    status: 'Projet validé par l’Anru',
    statusDate: '2018-12'
  };
}

function territory(id: string, departement: string): Zone {
  return { ...quarter(id, departement, ['habitat-indigne']), kind: 'acceleration-territory' };
}

const NORD = [
  'rives-de-l-escaut',
  'lionderie-3-baudets',
  'lille-secteur-sud',
  'les-oliveaux',
  'nouveau-mons',
  'degroote',
  'la-bourgogne',
  'chasse-royale',
  'faubourg-de-cambrai-la-briquette'
];
const PAS_DE_CALAIS = [
  'baudimont',
  'mont-liebaut',
  'bruay-le-centre',
  'lens-cite',
  'calonne-marichelles-vent-de-bise'
];
const AISNE = ['saint-crepin-ouest'];
const NPNRU_QUARTERS = [...NORD, ...PAS_DE_CALAIS, ...AISNE];

const zones: Zone[] = [
  ...NORD.map((id) => quarter(id, '59', ['npnru'])),
  ...PAS_DE_CALAIS.map((id) => quarter(id, '62', ['npnru'])),
  ...AISNE.map((id) => quarter(id, '02', ['npnru'])),
  territory('lhi-59', '59'),
  territory('lhi-93', '93')
];

function measure(id: string, programme: Programme, funding: Measure['funding']): Measure {
  return {
    id,
    title: `Mesure ${id}`,
    date: '2019-01',
    programme,
    summary: '',
    actors: [],
    funding,
    appliesTo: [],
    sources: []
  };
}

const measures: Measure[] = [
  measure('npnru-179', 'npnru', [
    { amount: 13e9, atLeast: true, scope: 'national', covers: 'projets validés' },
    { amount: 4e9, atLeast: true, scope: 'national', covers: 'part Anru des projets validés' }
  ]),
  measure('lhi-acceleration', 'habitat-indigne', [
    { amount: 14e6, scope: 'national', covers: 'Anah, six territoires d’accélération' }
  ]),
  measure('pauvrete-contrats', 'strategie-pauvrete', [
    { amount: 2e6, scope: 'departemental', covers: 'contrat du Nord', territory: '59' },
    { amount: 1e6, scope: 'departemental', covers: 'contrat du Pas-de-Calais', territory: '62' }
  ]),
  measure('pic-regional', 'emploi-formation', [
    { amount: 5e6, scope: 'regional', covers: 'pacte régional', territory: '32' }
  ]),
  measure('contrats-de-ville-2022', 'contrats-de-ville', []),
  measure('degroote-equipement', 'logement', [
    { amount: 3e5, scope: 'zone', covers: 'équipement du quartier', territory: '59' }
  ])
];

const links: Record<string, LinkedMeasure[]> = {};
function link(zoneIds: string[], measureId: string, via: Via): void {
  for (const id of zoneIds) (links[id] ??= []).push({ measureId, via });
}
link(NPNRU_QUARTERS, 'npnru-179', 'zone');
link(['lhi-59', 'lhi-93'], 'lhi-acceleration', 'kind');
link([...NORD, ...PAS_DE_CALAIS, 'lhi-59'], 'pauvrete-contrats', 'departement');
link(NPNRU_QUARTERS, 'pic-regional', 'region');
link([...NPNRU_QUARTERS, 'lhi-59', 'lhi-93'], 'contrats-de-ville-2022', 'national');
link(['degroote'], 'degroote-equipement', 'zone');

const departementNames: Record<string, string> = {
  '02': 'Aisne',
  '59': 'Nord',
  '62': 'Pas-de-Calais',
  '93': 'Seine-Saint-Denis'
};

function summary(zoneIds: string[]) {
  return summarise(zoneIds, zones, measures, links, departementNames);
}

describe('summarise: funding', () => {
  it('lists the groups in the fixed order national, regional, departemental, zone', () => {
    expect(summary(NPNRU_QUARTERS).funding.map((group) => group.scope)).toEqual([
      'national',
      'regional',
      'departemental',
      'zone'
    ]);
  });

  it('never puts a line in a group of another scope', () => {
    const result = summary([...NPNRU_QUARTERS, 'lhi-59', 'lhi-93']);
    const scopeOf = new Map(
      measures.flatMap((m) => m.funding.map((line) => [`${m.id}|${line.covers}`, line.scope] as const))
    );
    for (const group of result.funding) {
      for (const line of group.lines) {
        expect(scopeOf.get(`${line.measureId}|${line.covers}`)).toBe(group.scope);
      }
    }
    expect(result.funding.map((group) => group.count)).toEqual([3, 1, 2, 1]);
  });

  it('lists a line once when the 15 quarters share its measure', () => {
    const national = summary(NPNRU_QUARTERS).funding[0];
    expect(national?.lines).toEqual([
      {
        measureId: 'npnru-179',
        measureTitle: 'Mesure npnru-179',
        amount: 13e9,
        atLeast: true,
        covers: 'projets validés'
      },
      {
        measureId: 'npnru-179',
        measureTitle: 'Mesure npnru-179',
        amount: 4e9,
        atLeast: true,
        covers: 'part Anru des projets validés'
      }
    ]);
    expect(national?.count).toBe(2);
  });

  it('gives the same funding for one quarter as for fifteen sharing the measure', () => {
    const one = summary(['baudimont']).funding.find((group) => group.scope === 'national');
    const fifteen = summary(NPNRU_QUARTERS).funding.find((group) => group.scope === 'national');
    expect(one?.lines).toEqual(fifteen?.lines);
  });

  it('gives no total, only a count of lines per scope', () => {
    for (const group of summary(NPNRU_QUARTERS).funding) {
      expect(Object.keys(group).sort()).toEqual(['count', 'lines', 'scope']);
    }
    expect(Object.keys(summary(NPNRU_QUARTERS)).sort()).toEqual([
      'funding',
      'measures',
      'zoneCount',
      'zonesByDepartement',
      'zonesByProgramme'
    ]);
  });

  it('keeps a département envelope only when a selected zone lies in that département', () => {
    const lens = summary(['lens-cite']).funding.find((group) => group.scope === 'departemental');
    expect(lens?.lines.map((line) => line.territory)).toEqual(['62']);
    const both = summary(['lens-cite', 'degroote']).funding.find((group) => group.scope === 'departemental');
    expect(both?.lines.map((line) => line.territory)).toEqual(['59', '62']);
  });

  it('marks lines without "plus de" as exact amounts', () => {
    const zone = summary(['degroote']).funding.find((group) => group.scope === 'zone');
    expect(zone?.lines).toEqual([
      {
        measureId: 'degroote-equipement',
        measureTitle: 'Mesure degroote-equipement',
        amount: 3e5,
        atLeast: false,
        covers: 'équipement du quartier',
        territory: '59'
      }
    ]);
  });

  it('gives four empty groups for an empty selection', () => {
    expect(summary([]).funding).toEqual([
      { scope: 'national', lines: [], count: 0 },
      { scope: 'regional', lines: [], count: 0 },
      { scope: 'departemental', lines: [], count: 0 },
      { scope: 'zone', lines: [], count: 0 }
    ]);
  });
});

describe('summarise: counts', () => {
  it('gives empty counts for an empty selection', () => {
    const result = summary([]);
    expect(result.zoneCount).toBe(0);
    expect(result.zonesByProgramme).toEqual([]);
    expect(result.zonesByDepartement).toEqual([]);
    expect(result.measures).toEqual([]);
  });

  it('counts zones per département, largest first, with the département name', () => {
    expect(summary(NPNRU_QUARTERS).zonesByDepartement).toEqual([
      { code: '59', name: 'Nord', count: 9 },
      { code: '62', name: 'Pas-de-Calais', count: 5 },
      { code: '02', name: 'Aisne', count: 1 }
    ]);
  });

  it('shows a département missing from the names by its code', () => {
    const result = summarise(['lhi-93'], zones, measures, links, {});
    expect(result.zonesByDepartement).toEqual([{ code: '93', name: '93', count: 1 }]);
  });

  it('counts a zone in a programme through zone, kind, département and region links but not national ones', () => {
    expect(summary(NPNRU_QUARTERS).zonesByProgramme).toEqual([
      { programme: 'npnru', count: 15 },
      { programme: 'emploi-formation', count: 15 },
      { programme: 'strategie-pauvrete', count: 14 },
      { programme: 'logement', count: 1 }
    ]);
  });

  it('counts a zone in a programme it declares even with no measure of it', () => {
    const bare = { ...quarter('bare', '59', ['participation']) };
    const result = summarise(['bare'], [bare], measures, {}, departementNames);
    expect(result.zonesByProgramme).toEqual([{ programme: 'participation', count: 1 }]);
  });

  it('counts a zone once in a programme it both declares and reaches by a measure', () => {
    const result = summary(['lhi-59', 'lhi-93']);
    expect(result.zonesByProgramme).toEqual([
      { programme: 'habitat-indigne', count: 2 },
      { programme: 'strategie-pauvrete', count: 1 }
    ]);
  });

  it('counts the selected zones each measure reaches, by any link', () => {
    expect(summary(NPNRU_QUARTERS).measures).toEqual([
      { id: 'npnru-179', title: 'Mesure npnru-179', programme: 'npnru', zoneCount: 15 },
      { id: 'pic-regional', title: 'Mesure pic-regional', programme: 'emploi-formation', zoneCount: 15 },
      {
        id: 'contrats-de-ville-2022',
        title: 'Mesure contrats-de-ville-2022',
        programme: 'contrats-de-ville',
        zoneCount: 15
      },
      {
        id: 'pauvrete-contrats',
        title: 'Mesure pauvrete-contrats',
        programme: 'strategie-pauvrete',
        zoneCount: 14
      },
      { id: 'degroote-equipement', title: 'Mesure degroote-equipement', programme: 'logement', zoneCount: 1 }
    ]);
  });

  it('counts a zone selected twice once and ignores unknown zone ids', () => {
    const result = summary(['degroote', 'degroote', 'nowhere']);
    expect(result.zoneCount).toBe(1);
    expect(result.zonesByDepartement).toEqual([{ code: '59', name: 'Nord', count: 1 }]);
  });

  it('refuses a link to a measure it does not know', () => {
    const broken = { degroote: [{ measureId: 'ghost', via: 'zone' as const }] };
    expect(() => summarise(['degroote'], zones, measures, broken, departementNames)).toThrow(
      'summarise: zone "degroote" is linked to unknown measure "ghost"'
    );
  });
});

import { describe, expect, it } from 'vitest';
import { communeConcerns } from '../../src/lib/communes/commune';
import { linkMeasures } from '../../src/lib/measures/link';
import type { AtlasData, Measure, Programme, Target, Zone } from '../../src/lib/types';
import { FIXTURE_QPV_DATA } from './fixtures/atlas';
import { fixtureReference } from './fixtures/sources';

function quarter(id: string, departement: string, communes: string[]): Zone {
  return {
    id,
    name: id,
    kind: 'quarter',
    departement,
    communes: communes.map((insee) => ({ insee, name: insee })),
    qpvs: [],
    programmes: ['npnru'],
    status: "Projet validé par l'ANRU",
    statusDate: '2018-12'
  };
}

function territory(departement: string): Zone {
  return {
    id: `lhi-${departement}`,
    name: departement,
    kind: 'acceleration-territory',
    departement,
    communes: [],
    qpvs: [],
    programmes: ['habitat-indigne'],
    status: "Territoire d'accélération",
    statusDate: '2019-01'
  };
}

function measure(id: string, programme: Programme, date: string, appliesTo: Target[]): Measure {
  return {
    id,
    title: id,
    date,
    programme,
    summary: '',
    actors: [],
    funding: [],
    appliesTo,
    sources: [{ label: 'Lettre du 25 janvier 2019' }]
  };
}

// Valenciennes (59606) is in two quarters; Liévin (62510) in one; Amiens (80021) in none.
const zones: Zone[] = [
  quarter('rives-de-l-escaut', '59', ['59014', '59606']),
  quarter('chasse-royale', '59', ['59606', '59564']),
  quarter('calonne', '62', ['62510']),
  territory('59'),
  territory('93')
];

const measures: Measure[] = [
  measure('npnru-179', 'npnru', '2018-12', [{ zones: ['rives-de-l-escaut', 'chasse-royale', 'calonne'] }]),
  measure('contrats-de-ville', 'contrats-de-ville', '2019-01-22', [{ kind: 'quarter' }]),
  measure('territoires-acceleration', 'habitat-indigne', '2019-01', [{ departements: ['93', '59'] }]),
  measure('pauvrete-npdc', 'strategie-pauvrete', '2019-01', [{ departements: ['59', '62'] }]),
  measure('pauvrete-hdf', 'strategie-pauvrete', '2018-11', [{ region: '32' }]),
  measure('pauvrete-nationale', 'strategie-pauvrete', '2018-09', [{ national: true }]),
  // Reaches the calonne quarter both by name and through its département: "zone" wins.
  measure('plan-62', 'prevention-radicalisation', '2018-10', [
    { departements: ['62'] },
    { zones: ['calonne'] }
  ]),
  measure('ile-de-france', 'logement', '2018-06', [{ region: '11' }])
];

const regionDepartements = { '32': ['02', '59', '60', '62', '80'] };

const atlas: AtlasData = {
  generatedAt: '2019-01-25T00:00:00Z',
  ...FIXTURE_QPV_DATA,
  region: { code: '32', name: 'Hauts-de-France' },
  departements: { '59': 'Nord', '62': 'Pas-de-Calais', '80': 'Somme', '93': 'Seine-Saint-Denis' },
  departementPlaces: {},
  zoneLabels: {},
  epcis: {},
  zoneEpcis: {},
  regionDepartements,
  zones,
  measures,
  links: linkMeasures(zones, measures, regionDepartements),
  scenes: [],
  documents: [],
  dataDate: null,
  sources: [],
  reference: fixtureReference
};

const vias = (code: string, departement: string) =>
  Object.fromEntries(communeConcerns(code, departement, atlas).measures.map((m) => [m.measure.id, m.via]));

describe('communeConcerns', () => {
  it('lists the quarters naming the commune, then its département’s acceleration territory', () => {
    const { zones: found } = communeConcerns('59606', '59', atlas);
    expect(found.map((zone) => zone.id)).toEqual(['rives-de-l-escaut', 'chasse-royale', 'lhi-59']);
  });

  it('matches communes by INSEE code, not by a shared prefix', () => {
    expect(communeConcerns('5960', '59', atlas).zones.map((zone) => zone.id)).toEqual(['lhi-59']);
  });

  it('lists no zone for a commune outside every quarter and territory', () => {
    expect(communeConcerns('80021', '80', atlas).zones).toEqual([]);
  });

  it('lists a measure reaching two of its zones once, with the most direct via', () => {
    const found = communeConcerns('59606', '59', atlas).measures.map((m) => m.measure.id);
    expect(found.filter((id) => id === 'npnru-179')).toHaveLength(1);
    expect(vias('59606', '59')['npnru-179']).toBe('zone');
    expect(vias('62510', '62')['plan-62']).toBe('zone');
  });

  it('keeps the zone a measure comes through, and none for a measure aimed at its place', () => {
    const inLievin = new Map(communeConcerns('62510', '62', atlas).measures.map((m) => [m.measure.id, m]));
    expect(inLievin.get('npnru-179')?.zone?.id).toBe('calonne');
    const elsewhere = new Map(communeConcerns('62001', '62', atlas).measures.map((m) => [m.measure.id, m]));
    expect(elsewhere.get('pauvrete-npdc')?.via).toBe('departement');
    expect(elsewhere.get('pauvrete-npdc')?.zone).toBeNull();
  });

  it('reaches a commune of the Nord through its acceleration territory directly', () => {
    expect(vias('59606', '59')['territoires-acceleration']).toBe('zone');
  });

  it('gives a commune with no zone the measures of its département, region and the nation', () => {
    expect(vias('62001', '62')).toEqual({
      'pauvrete-npdc': 'departement',
      'pauvrete-hdf': 'region',
      'pauvrete-nationale': 'national',
      'plan-62': 'departement'
    });
    expect(vias('80021', '80')).toEqual({ 'pauvrete-hdf': 'region', 'pauvrete-nationale': 'national' });
  });

  it('reaches every département of Hauts-de-France through region 32, and no other', () => {
    for (const departement of ['02', '59', '60', '62', '80']) {
      expect(vias(`${departement}001`, departement)['pauvrete-hdf']).toBe('region');
    }
    expect(vias('93001', '93')['pauvrete-hdf']).toBeUndefined();
  });

  it('gives measures for all quarters only to communes that have a quarter', () => {
    expect(vias('62510', '62')['contrats-de-ville']).toBe('kind');
    expect(vias('62001', '62')['contrats-de-ville']).toBeUndefined();
  });

  it('keeps the order of atlas.measures (the build decides it)', () => {
    const found = communeConcerns('59606', '59', atlas).measures.map((m) => m.measure.id);
    expect(found).toEqual(measures.map((m) => m.id).filter((id) => found.includes(id)));
    const reversed = { ...atlas, measures: [...measures].reverse() };
    expect(communeConcerns('59606', '59', reversed).measures.map((m) => m.measure.id)).toEqual(
      [...found].reverse()
    );
  });
});

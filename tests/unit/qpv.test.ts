import { describe, expect, it } from 'vitest';
import { isQpvCode, qpvCommuneNames, qpvDepartement } from '../../src/lib/qpv/code';
import { coverageSentence, qpvLinkMessage, qpvSheet, shownQpvDepartements } from '../../src/lib/qpv/qpv';
import { qpvCoverage } from '../../geodata/build/areas';
import { placeViaLabel } from '../../src/lib/communes/commune';
import { linkMeasures } from '../../src/lib/measures/link';
import type {
  AtlasData,
  CommunePlace,
  EpciPlace,
  FundingLine,
  QpvProperties,
  Zone
} from '../../src/lib/types';
import { fixtureAtlas } from './fixtures/atlas';
import { measure } from './measure-fixture';

// A quarter drawn with QP059001, the Nord acceleration territory and a quarter of the
// Pas-de-Calais; measures aimed at each path a measure can take, with national and zone amounts.
const base = fixtureAtlas().atlas;
const zone = (id: string, kind: Zone['kind'], departement: string, qpvs: string[] = []): Zone => ({
  id,
  name: `Zone ${id}`,
  kind,
  departement,
  communes: [],
  qpvs,
  programmes: kind === 'quarter' ? ['npnru'] : ['habitat-indigne'],
  status: 'Statut',
  statusDate: '2018-12'
});
const zones = [
  zone('alpha', 'quarter', '59', ['QP059001']),
  zone('gamma', 'quarter', '62'),
  zone('lhi-59', 'acceleration-territory', '59')
];
const national: FundingLine = { amount: 10e9, scope: 'national', covers: 'enveloppe nationale' };
const own: FundingLine = { amount: 1e6, scope: 'zone', covers: 'part du quartier' };
const measures = [
  { ...measure('for-alpha', [{ zones: ['alpha'] }]), funding: [own] },
  measure('for-gamma', [{ zones: ['gamma'] }]),
  measure('all-quarters', [{ kind: 'quarter' }], 'participation'),
  measure('for-territory', [{ zones: ['lhi-59'] }], 'habitat-indigne'),
  measure('nord', [{ departements: ['59'] }], 'strategie-pauvrete'),
  measure('pas-de-calais', [{ departements: ['62'] }], 'strategie-pauvrete'),
  measure('region', [{ region: '32' }], 'emploi-formation'),
  measure('ile-de-france', [{ region: '11' }], 'logement'),
  { ...measure('national', [{ national: true }], 'logement'), funding: [national] }
];
const regionDepartements = { '32': ['02', '59', '60', '62', '80'], '11': ['75', '93'] };
const atlas: AtlasData = {
  ...base,
  zones,
  measures,
  regionDepartements,
  links: linkMeasures(zones, measures, regionDepartements)
};

const qpv = (code: string, communes: string, zoneId = '', npnru = false): QpvProperties => ({
  code,
  name: `QPV ${code}`,
  communes,
  npnru,
  zoneId,
  departement: qpvDepartement(code)
});

const commune = (code: string, name: string, departement: string, epci: string): CommunePlace => ({
  code,
  name,
  departement,
  epci,
  bbox: [0, 0, 1, 1],
  postalCodes: [],
  population: null
});
const communes = [
  commune('59350', 'Lille', '59', '200093201'),
  commune('59378', 'Marcq-en-Barœul', '59', '200093201'),
  commune('59512', 'Roubaix', '59', '200093201'),
  commune('59650', 'Wattrelos', '59', '200093201'),
  // Same name in another département: never the commune of a Nord QPV.
  commune('62512', 'Roubaix', '62', '246200364')
];
const epcis: EpciPlace[] = [
  {
    code: '200093201',
    name: 'Métropole Européenne de Lille',
    communes: ['59350', '59378', '59512', '59650'],
    population: 1,
    departements: ['59'],
    bbox: [0, 0, 1, 1]
  }
];

const ids = (sheet: ReturnType<typeof qpvSheet>) => sheet.measures.map((item) => item.measure.id).sort();

describe('QPV codes', () => {
  it('reads the département from the code, on two characters in metropolitan France', () => {
    expect(qpvDepartement('QP059071')).toBe('59');
    expect(qpvDepartement('QP002001')).toBe('02');
    expect(qpvDepartement('QP02A001')).toBe('2A');
    expect(qpvDepartement('QP971002')).toBe('971');
  });

  it('tells a QPV code from other text', () => {
    expect(isQpvCode('QP059071')).toBe(true);
    expect(isQpvCode('QP02B004')).toBe(true);
    for (const bad of ['qp059071', 'QP59071', 'QP0590711', 'QP02C001', '', ' QP059071'])
      expect(isQpvCode(bad)).toBe(false);
  });

  it("splits the source's commune list with its uneven spacing", () => {
    expect(qpvCommuneNames('Hem,  Roubaix, Lys-lez-Lannoy')).toEqual(['Hem', 'Roubaix', 'Lys-lez-Lannoy']);
    expect(qpvCommuneNames('')).toEqual([]);
  });
});

describe('qpvSheet: measures', () => {
  it('a QPV outside the atlas is reached through its département (or its territory), its region and the nation only', () => {
    const sheet = qpvSheet(qpv('QP059002', 'Roubaix'), atlas, communes, epcis);
    expect(sheet.quarter).toBeUndefined();
    expect(ids(sheet)).toEqual(['for-territory', 'national', 'nord', 'region']);
    const via = Object.fromEntries(sheet.measures.map((item) => [item.measure.id, item.via]));
    // The territory is the whole département: its measures reach the QPV through the département.
    expect(via).toEqual({
      'for-territory': 'departement',
      nord: 'departement',
      region: 'region',
      national: 'national'
    });
    const item = sheet.measures.find((m) => m.measure.id === 'for-territory')!;
    expect(placeViaLabel(item, atlas)).toBe('Via le département : Nord');
  });

  it("another quarter's measures never reach a QPV of the same département", () => {
    const sheet = qpvSheet(qpv('QP059002', 'Lille'), atlas, communes, epcis);
    expect(ids(sheet)).not.toContain('for-alpha');
    expect(ids(sheet)).not.toContain('all-quarters');
  });

  it('a QPV drawn as a quarter gets that quarter’s measures, each by its most direct path', () => {
    const sheet = qpvSheet(qpv('QP059001', 'Lille', 'alpha', true), atlas, communes, epcis);
    expect(sheet.quarter?.id).toBe('alpha');
    expect(ids(sheet)).toEqual(['all-quarters', 'for-alpha', 'for-territory', 'national', 'nord', 'region']);
    const item = sheet.measures.find((m) => m.measure.id === 'for-alpha')!;
    expect(item.via).toBe('zone');
    expect(placeViaLabel(item, atlas)).toBe('Directement (Zone alpha)');
    expect(sheet.hasOwnAmount).toBe(true);
  });

  it('keeps every amount with the scope its source gives: a national envelope stays national', () => {
    const sheet = qpvSheet(qpv('QP059002', 'Roubaix'), atlas, communes, epcis);
    const lines = sheet.measures.flatMap((item) => item.measure.funding);
    expect(lines).toEqual([national]);
    expect(sheet.hasOwnAmount).toBe(false);
    const item = sheet.measures.find((m) => m.measure.id === 'national')!;
    expect(placeViaLabel(item, atlas)).toBe('Mesure nationale');
  });

  it('a Pas-de-Calais QPV is reached by the Pas-de-Calais measure and not by the Nord ones', () => {
    const sheet = qpvSheet(qpv('QP062001', 'Lens'), atlas, communes, epcis);
    expect(ids(sheet)).toEqual(['national', 'pas-de-calais', 'region']);
    const item = sheet.measures.find((m) => m.measure.id === 'pas-de-calais')!;
    expect(placeViaLabel(item, atlas)).toBe('Via le département : Pas-de-Calais');
  });
});

describe('qpvSheet: communes and intercommunalities', () => {
  it('matches its communes by name in its département, whatever the spelling of œ and the spacing', () => {
    const sheet = qpvSheet(qpv('QP059079', 'Marcq-en-Baroeul,  Roubaix'), atlas, communes, epcis);
    expect(sheet.communes.map((c) => c.place?.code)).toEqual(['59378', '59512']);
    expect(sheet.communes.map((c) => c.name)).toEqual(['Marcq-en-Baroeul', 'Roubaix']);
  });

  it('lists a commune it cannot match by its name alone, with no link', () => {
    const sheet = qpvSheet(qpv('QP059003', 'Hem'), atlas, communes, epcis);
    expect(sheet.communes).toEqual([{ name: 'Hem' }]);
    expect(sheet.epcis).toEqual([]);
  });

  it('gives no commune when two communes of its département bear the name', () => {
    const twins = [...communes, commune('59999', 'Lille', '59', '')];
    expect(qpvSheet(qpv('QP059004', 'Lille'), atlas, twins, epcis).communes).toEqual([{ name: 'Lille' }]);
  });

  it('lists each intercommunality of its communes once', () => {
    const sheet = qpvSheet(qpv('QP059082', 'Roubaix, Wattrelos'), atlas, communes, epcis);
    expect(sheet.epcis.map((e) => e.code)).toEqual(['200093201']);
  });

  it('works before the commune list is loaded: names without links', () => {
    const sheet = qpvSheet(qpv('QP059082', 'Roubaix, Wattrelos'), atlas, [], []);
    expect(sheet.communes).toEqual([{ name: 'Roubaix' }, { name: 'Wattrelos' }]);
  });
});

describe('what the QPV layer holds', () => {
  const region = regionDepartements['32'];
  /** A QPV of the layer, its département read from its code as the build writes it. */
  const listed = (code: string, npnru: boolean) => ({ npnru, departement: qpvDepartement(code) });

  it('counts the QPVs, the NPNRU ones and those outside the region', () => {
    const coverage = qpvCoverage(
      [
        listed('QP059001', true),
        listed('QP059002', false),
        listed('QP062001', true),
        listed('QP093001', false)
      ],
      region
    );
    expect(coverage).toEqual({ count: 4, npnru: 2, departements: ['59', '62', '93'], outsideRegion: 1 });
  });

  it('says it in French with the département names', () => {
    const names = { '59': 'Nord', '62': 'Pas-de-Calais', '93': 'Seine-Saint-Denis' };
    expect(coverageSentence(qpvCoverage([listed('QP059001', true)], region), names)).toBe(
      '1 QPV, dont 1 du NPNRU (département : Nord).'
    );
    expect(
      coverageSentence(
        qpvCoverage(
          [listed('QP059001', false), listed('QP062001', false), listed('QP093001', false)],
          region
        ),
        names
      )
    ).toBe('3 QPV, dont 0 du NPNRU (départements : Nord, Pas-de-Calais et Seine-Saint-Denis).');
    expect(coverageSentence(qpvCoverage([], region), names)).toBe('Aucun contour de QPV dans les données.');
  });
});

describe('shownQpvDepartements', () => {
  it("draws the region's QPVs by the département part of their code, or all of France", () => {
    expect(shownQpvDepartements(['02', '59', '2A'], false)).toEqual(['002', '059', '02A']);
    expect(shownQpvDepartements(['02', '59'], true)).toEqual([]);
  });
});

describe('QPV link messages', () => {
  it('names the bad value and what the data holds', () => {
    const holds = '26 QPV, dont 9 du NPNRU (département : Nord).';
    expect(qpvLinkMessage({ kind: 'unknown', value: 'QP062001' }, holds)).toBe(
      "Lien : aucun QPV « QP062001 » dans les données de l'atlas, qui comptent 26 QPV, dont 9 du NPNRU (département : Nord). Le reste du lien est appliqué."
    );
    expect(qpvLinkMessage({ kind: 'malformed', value: 'lille' }, holds)).toBe(
      "Lien : « lille » n'est pas un code QPV (forme attendue : QP059071). Le reste du lien est appliqué."
    );
  });

  it('says the list did not load instead of claiming the code is absent', () => {
    const message = qpvLinkMessage({ kind: 'unknown', value: 'QP059071' }, null);
    expect(message).toContain('QP059071');
    expect(message).toContain("la liste des QPV n'a pas pu être chargée");
    expect(message).not.toContain('aucun QPV');
  });
});

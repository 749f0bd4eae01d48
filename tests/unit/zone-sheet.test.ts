import { describe, expect, it } from 'vitest';
import { linkMeasures } from '../../src/lib/measures/link';
import { perimeterNote, zoneSheet } from '../../src/lib/zones/sheet';
import type {
  AtlasData,
  FundingLine,
  LinkedMeasure,
  Measure,
  Programme,
  Target,
  Zone
} from '../../src/lib/types';
import { FIXTURE_QPV_DATA } from './fixtures/atlas';
import { fixtureReference } from './fixtures/sources';

const REGIONS = { '32': ['02', '59', '60', '62', '80'] };

const lens: Zone = {
  id: 'lens-cite',
  name: 'Cité 12-14',
  kind: 'quarter',
  departement: '62',
  communes: [{ insee: '62498', name: 'Lens' }],
  qpvs: ['QP062043'],
  programmes: ['npnru'],
  status: "Projet validé par l'ANRU",
  statusDate: '2018-12'
};

const denain: Zone = {
  id: 'denain-faubourg',
  name: 'Faubourg Duchâteau',
  kind: 'quarter',
  departement: '59',
  communes: [
    { insee: '59172', name: 'Denain' },
    { insee: '59207', name: 'Escaudain' }
  ],
  qpvs: [],
  programmes: ['npnru'],
  status: "Projet validé par l'ANRU",
  statusDate: '2018-12'
};

const nord: Zone = {
  id: 'lhi-59',
  name: 'Nord',
  kind: 'acceleration-territory',
  departement: '59',
  communes: [],
  qpvs: [],
  programmes: ['habitat-indigne'],
  status: "Territoire d'accélération",
  statusDate: '2019-01-21'
};

const national = (amount: number): FundingLine => ({
  amount,
  scope: 'national',
  covers: 'enveloppe nationale'
});

function measure(
  id: string,
  programme: Programme,
  date: string,
  appliesTo: Target[],
  funding: FundingLine[] = [national(1e9)]
): Measure {
  return {
    id,
    title: `Mesure ${id}`,
    date,
    programme,
    summary: 'Résumé.',
    actors: ['État'],
    funding,
    appliesTo,
    sources: [{ label: "Lettre d'actualité du 25 janvier 2019" }]
  };
}

// Listed out of programme order on purpose: the sheet must not rely on it.
const MEASURES: Measure[] = [
  measure('participation-national', 'participation', '2018-11', [{ national: true }]),
  measure('pauvrete-62', 'strategie-pauvrete', '2019-01', [{ departements: ['62'] }]),
  measure('npnru-national', 'npnru', '2019-01-25', [{ national: true }]),
  measure('npnru-region', 'npnru', '2018-06', [{ region: '32' }]),
  measure('npnru-lens', 'npnru', '2018-12', [{ zones: ['lens-cite'] }]),
  measure('npnru-62', 'npnru', '2019-01-10', [{ departements: ['62'] }]),
  measure('npnru-quarters', 'npnru', '2018-10', [{ kind: 'quarter' }]),
  measure(
    'lhi-nord',
    'habitat-indigne',
    '2019-01-21',
    [{ zones: ['lhi-59'] }],
    [{ amount: 2e6, scope: 'zone', covers: 'crédits du territoire', territory: '59' }]
  ),
  measure(
    'lhi-regional',
    'habitat-indigne',
    '2019-01',
    [{ zones: ['denain-faubourg'] }],
    [{ amount: 5e6, scope: 'regional', covers: 'enveloppe régionale', territory: '32' }]
  )
];

/** Hand-built atlas data; links come from the real linking unless given. */
function atlas(links?: Record<string, LinkedMeasure[]>): AtlasData {
  const zones = [lens, denain, nord];
  return {
    generatedAt: '2019-01-25T00:00:00.000Z',
    ...FIXTURE_QPV_DATA,
    region: { code: '32', name: 'Hauts-de-France' },
    regionDepartements: { '32': ['02', '59', '60', '62', '80'] },
    departements: { '59': 'Nord', '62': 'Pas-de-Calais' },
    departementPlaces: {},
    zoneLabels: {},
    epcis: {},
    zoneEpcis: {},
    zones,
    measures: MEASURES,
    links: links ?? linkMeasures(zones, MEASURES, REGIONS),
    scenes: [],
    documents: [],
    dataDate: null,
    sources: [],
    reference: fixtureReference
  };
}

/** The sheet as "via: measure ids" lines. */
function outline(zone: Zone, data: AtlasData): string[] {
  return zoneSheet(zone, data).groups.map(
    (group) => `${group.via}: ${group.items.map((item) => item.measure.id).join(', ')}`
  );
}

describe('zoneSheet', () => {
  it('lists what targets the zone first, then its zoning, département, region, and national measures last', () => {
    expect(outline(lens, atlas())).toEqual([
      'zone: npnru-lens',
      'kind: npnru-quarters',
      'departement: npnru-62, pauvrete-62',
      'region: npnru-region',
      'national: npnru-national, participation-national'
    ]);
  });

  it('keeps that order even when the links come unsorted', () => {
    const scrambled = atlas({
      'lens-cite': [
        { measureId: 'participation-national', via: 'national' },
        { measureId: 'npnru-national', via: 'national' },
        { measureId: 'pauvrete-62', via: 'departement' },
        { measureId: 'npnru-lens', via: 'zone' }
      ]
    });
    expect(outline(lens, scrambled)).toEqual([
      'zone: npnru-lens',
      'departement: pauvrete-62',
      'national: npnru-national, participation-national'
    ]);
  });

  it('keeps the order of the links within a group and a programme (the build decides it)', () => {
    const links = atlas({
      'lens-cite': [
        { measureId: 'participation-national', via: 'national' },
        { measureId: 'npnru-national', via: 'national' },
        { measureId: 'npnru-region', via: 'national' }
      ]
    });
    expect(outline(lens, links)).toEqual(['national: npnru-national, npnru-region, participation-national']);
  });

  it('tells how each measure reaches the zone', () => {
    const npnru = zoneSheet(lens, atlas())
      .groups.flatMap((group) => group.items)
      .filter((item) => item.measure.programme === 'npnru')
      .map((item) => [item.measure.id, item.via]);
    expect(Object.fromEntries(npnru)).toEqual({
      'npnru-lens': 'zone',
      'npnru-quarters': 'kind',
      'npnru-62': 'departement',
      'npnru-region': 'region',
      'npnru-national': 'national'
    });
  });

  it('ignores links to measures the atlas does not know', () => {
    const data = atlas();
    data.links['lens-cite'] = [
      { measureId: 'mesure-inconnue', via: 'zone' },
      ...(data.links['lens-cite'] ?? [])
    ];
    const ids = zoneSheet(lens, data).groups.flatMap((group) => group.items.map((item) => item.measure.id));
    expect(ids).not.toContain('mesure-inconnue');
    expect(ids).toHaveLength(7);
  });

  it('shows no group for a zone without links', () => {
    const sheet = zoneSheet(lens, atlas({}));
    expect(sheet.zone).toBe(lens);
    expect(sheet.groups).toEqual([]);
    expect(sheet.hasOwnAmount).toBe(false);
  });

  it('says the zone has no amount of its own when every funding line is national', () => {
    expect(zoneSheet(lens, atlas()).hasOwnAmount).toBe(false);
  });

  it('does not count a regional envelope as the zone’s own amount', () => {
    const sheet = zoneSheet(denain, atlas());
    expect(sheet.groups.flatMap((g) => g.items.map((item) => item.measure.programme))).toContain(
      'habitat-indigne'
    );
    expect(sheet.hasOwnAmount).toBe(false);
  });

  it('says the zone has an amount of its own when one funding line has the zone scope', () => {
    expect(zoneSheet(nord, atlas()).hasOwnAmount).toBe(true);
  });
});

describe('perimeterNote', () => {
  it('says the exact perimeter is missing and names the communes of a commune-union outline', () => {
    expect(perimeterNote(denain, { perimeter: 'communes' })).toMatch(
      /^Périmètre exact non disponible : contour communal \(Denain, Escaudain\)\./
    );
  });

  const officialNames = new Map([
    ['QP062043', 'Cité 12/14'],
    ['QP062044', 'Cité 4']
  ]);
  const qpvName = (code: string) => officialNames.get(code);

  it('cites the QPV code and its official name, from the QPV list, for an official outline', () => {
    const note = perimeterNote(lens, { perimeter: 'qpv' }, qpvName);
    expect(note).toBe('Contour officiel du quartier prioritaire QP062043 (« Cité 12/14 »), liste 2015.');
  });

  it('cites the QPV code alone when the QPV list does not hold it', () => {
    const note = perimeterNote(lens, { perimeter: 'qpv' });
    expect(note).toContain('QP062043');
    expect(note).not.toContain('«');
  });

  it('names every QPV of a quarter drawn with several', () => {
    const note = perimeterNote({ ...lens, qpvs: ['QP062043', 'QP062044'] }, { perimeter: 'qpv' }, qpvName);
    expect(note).toBe(
      'Contour officiel des quartiers prioritaires QP062043 (« Cité 12/14 ») et QP062044 (« Cité 4 »), liste 2015.'
    );
  });

  it('says an acceleration territory is the whole département', () => {
    expect(perimeterNote(nord, { perimeter: 'departement' })).toContain('département entier');
  });
});

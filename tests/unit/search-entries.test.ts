import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entryTypeLabel, searchEntries } from '../../src/lib/search/entries';
import type { QpvSearchPlace } from '../../src/lib/search/entries';
import { buildIndex, findEntries } from '../../src/lib/search/search';
import type { SearchEntry } from '../../src/lib/search/search';
import type { Commune } from '../../src/lib/communes/commune';
import type { AtlasData, Zone } from '../../src/lib/types';
import { FIXTURE_QPV_DATA } from './fixtures/atlas';
import { fixtureReference } from './fixtures/sources';

function quarter(
  id: string,
  name: string,
  departement: string,
  communes: [string, string][],
  extra: Partial<Zone> = {}
): Zone {
  return {
    id,
    name,
    kind: 'quarter',
    departement,
    communes: communes.map(([insee, communeName]) => ({ insee, name: communeName })),
    qpvs: [],
    programmes: ['npnru'],
    status: "Projet validé par l'ANRU",
    statusDate: '2018-12',
    ...extra
  };
}

function atlasWith(zones: Zone[]): AtlasData {
  return {
    generatedAt: '2019-01-25T00:00:00Z',
    ...FIXTURE_QPV_DATA,
    region: { code: '32', name: 'Hauts-de-France' },
    regionDepartements: { '32': ['02', '59', '60', '62', '80'] },
    departements: {
      '02': 'Aisne',
      '59': 'Nord',
      '60': 'Oise',
      '62': 'Pas-de-Calais',
      '80': 'Somme',
      '93': 'Seine-Saint-Denis'
    },
    departementPlaces: {},
    zoneLabels: {},
    epcis: {},
    zoneEpcis: {},
    zones,
    measures: [],
    links: {},
    scenes: [],
    documents: [],
    dataDate: null,
    sources: [],
    reference: fixtureReference
  };
}

const atlas = atlasWith([
  quarter('calonne-marichelles-vent-de-bise', 'Calonne - Marichelles - Vent de Bise', '62', [
    ['62510', 'Liévin']
  ]),
  quarter('lens-cite', 'Cité', '62', [['62498', 'Lens']]),
  quarter(
    'nouveau-mons',
    'Nouveau Mons les Sarts Dombrowski',
    '59',
    [
      ['59410', 'Mons-en-Barœul'],
      ['59350', 'Lille'],
      ['59009', "Villeneuve-d'Ascq"]
    ],
    { qpvs: ['QP059080'] }
  ),
  quarter(
    'lionderie-3-baudets',
    'Quartier Intercommunal Lionderie - 3 Baudets',
    '59',
    [
      ['59299', 'Hem'],
      ['59512', 'Roubaix'],
      ['59367', 'Lys-lez-Lannoy']
    ],
    { qpvs: ['QP059071'] }
  ),
  quarter(
    'faubourg-de-cambrai-la-briquette',
    'Zone intercommunale Faubourg de Cambrai - La Briquette',
    '59',
    [
      ['59606', 'Valenciennes'],
      ['59383', 'Marly'],
      ['59032', 'Aulnoy-lez-Valenciennes']
    ]
  ),
  {
    id: 'lhi-59',
    name: 'Nord',
    kind: 'acceleration-territory',
    departement: '59',
    communes: [],
    qpvs: [],
    programmes: ['habitat-indigne'],
    status: "Territoire d'accélération",
    statusDate: '2019-01'
  }
]);

const communes: Commune[] = [
  { code: '62510', name: 'Liévin', departement: '62' },
  { code: '62498', name: 'Lens', departement: '62' },
  { code: '59410', name: 'Mons-en-Barœul', departement: '59' },
  { code: '59350', name: 'Lille', departement: '59' },
  { code: '59606', name: 'Valenciennes', departement: '59' },
  { code: '59122', name: 'Cambrai', departement: '59' },
  { code: '59378', name: 'Marcq-en-Barœul', departement: '59' }
];

const qpv: QpvSearchPlace[] = [
  {
    code: 'QP059080',
    name: 'Nouveau Mons - Les Sarts- Dombrowski',
    communes: "Mons-en-Baroeul, Lille, Villeneuve-d'Ascq"
  },
  { code: 'QP059079', name: 'La Briquetterie', communes: 'Marcq-en-Baroeul' },
  {
    code: 'QP059071',
    name: 'Quartier Intercommunal Hautchamps Longchamp - Lionderie - 3 Baudets',
    communes: 'Hem,  Roubaix, Lys-lez-Lannoy'
  }
];

const entries = searchEntries(atlas, communes, qpv);
const index = buildIndex(entries);
const found = (query: string): string[] =>
  findEntries(index, query).map((entry) => `${entry.type}:${entry.id}`);

describe('searchEntries', () => {
  it('lists zones, then QPV, then communes, then départements', () => {
    const types = entries.map((entry) => entry.type);
    expect(types.indexOf('qpv')).toBe(atlas.zones.length);
    expect(types.lastIndexOf('zone')).toBeLessThan(types.indexOf('qpv'));
    expect(types.lastIndexOf('qpv')).toBeLessThan(types.indexOf('commune'));
    expect(types.lastIndexOf('commune')).toBeLessThan(types.indexOf('departement'));
    expect(entries.filter((entry) => entry.type === 'departement')).toHaveLength(6);
  });

  it('gives a quarter its commune names and its official QPV name as keywords', () => {
    const mons = entries.find((entry) => entry.id === 'nouveau-mons');
    expect(mons?.keywords).toEqual([
      'Mons-en-Barœul',
      'Lille',
      "Villeneuve-d'Ascq",
      'Nouveau Mons - Les Sarts- Dombrowski'
    ]);
  });

  it('describes a quarter by its communes and département, a territory by its programme', () => {
    expect(entries.find((entry) => entry.id === 'calonne-marichelles-vent-de-bise')?.detail).toBe(
      'Liévin (Pas-de-Calais)'
    );
    expect(entries.find((entry) => entry.id === 'lhi-59')?.detail).toBe("Lutte contre l'habitat indigne");
  });

  it('describes a commune by its département name', () => {
    expect(entries.find((entry) => entry.type === 'commune' && entry.id === '62510')?.detail).toBe(
      'Pas-de-Calais'
    );
  });

  it('describes a QPV by its code and its communes, cleaning the source’s uneven spacing', () => {
    const lionderie = entries.find((entry) => entry.type === 'qpv' && entry.id === 'QP059071');
    expect(lionderie?.detail).toBe('QP059071 · Hem, Roubaix, Lys-lez-Lannoy');
  });

  it('names the region of its départements and only the code of the others', () => {
    const detail = (code: string) => entries.find((e) => e.type === 'departement' && e.id === code)?.detail;
    expect(detail('59')).toBe('59 · Hauts-de-France');
    expect(detail('93')).toBe('93');
  });

  it('"lievin" finds the commune of Liévin first, then the quarter Calonne - Marichelles - Vent de Bise in it', () => {
    expect(found('lievin').slice(0, 2)).toEqual(['commune:62510', 'zone:calonne-marichelles-vent-de-bise']);
  });

  it('"Mons en Baroeul" finds the commune and the quarter Nouveau Mons les Sarts Dombrowski', () => {
    const results = found('Mons en Baroeul');
    // The commune itself first, then the quarter and the QPV lying in it.
    expect(results.slice(0, 3)).toEqual(['commune:59410', 'zone:nouveau-mons', 'qpv:QP059080']);
  });

  it('"faubourg cambrai" finds its quarter, not the commune of Cambrai nor the QPV La Briquetterie', () => {
    expect(found('faubourg cambrai')).toEqual(['zone:faubourg-de-cambrai-la-briquette']);
  });

  it('the official QPV name finds the quarter drawn with that contour', () => {
    expect(found('hautchamps longchamp')).toContain('zone:lionderie-3-baudets');
  });

  it('a quarter drawn with two QPVs is found by the official name of each', () => {
    const twoQpvs = quarter('roubaix-mons', 'Quartier Test', '59', [['59512', 'Roubaix']], {
      qpvs: ['QP059071', 'QP059080']
    });
    const twoIndex = buildIndex(searchEntries(atlasWith([twoQpvs]), [], qpv));
    const zonesFound = (query: string) =>
      findEntries(twoIndex, query).flatMap((entry) => (entry.type === 'zone' ? [entry.id] : []));
    expect(zonesFound('hautchamps longchamp')).toEqual(['roubaix-mons']);
    expect(zonesFound('sarts dombrowski')).toEqual(['roubaix-mons']);
    expect(zonesFound('briquetterie')).toEqual([]);
  });

  it('a QPV is found by its code, in any case', () => {
    expect(found('QP059079')).toEqual(['qpv:QP059079']);
    expect(found('qp059071')).toEqual(['qpv:QP059071']);
  });

  it('a QPV is found by part of its official name', () => {
    expect(found('lionderie')).toContain('qpv:QP059071');
    expect(found('briquetter')).toEqual(['qpv:QP059079']);
    expect(found('sarts dombrow')).toContain('qpv:QP059080');
  });

  it('"nord" finds the département and the acceleration territory', () => {
    expect(found('nord')).toEqual(expect.arrayContaining(['departement:59', 'zone:lhi-59']));
  });
});

describe('entryTypeLabel', () => {
  it('tells a quarter from an acceleration territory', () => {
    const label = (id: string) => entryTypeLabel(entries.find((entry) => entry.id === id) as SearchEntry);
    expect(label('lens-cite')).toBe('Quartier NPNRU');
    expect(label('lhi-59')).toBe('Territoire');
  });

  it('names the other entry types in French', () => {
    const entry = (type: SearchEntry['type']): SearchEntry => ({ type, id: 'x', label: 'x', detail: '' });
    expect(
      ['qpv', 'commune', 'departement'].map((t) => entryTypeLabel(entry(t as SearchEntry['type'])))
    ).toEqual(['QPV', 'Commune', 'Département']);
  });
});

const zonesFile = fileURLToPath(new URL('../../geodata/zones.json', import.meta.url));

describe.runIf(existsSync(zonesFile))('searchEntries over the real geodata/zones.json', () => {
  const { zones } = JSON.parse(readFileSync(zonesFile, 'utf8')) as { zones: Zone[] };
  const realAtlas = atlasWith(zones);
  // The communes the quarters name, as the communes layer would list them.
  const realCommunes = [
    ...new Map(
      zones.flatMap((zone) =>
        zone.communes.map((c): [string, Commune] => [
          c.insee,
          { code: c.insee, name: c.name, departement: zone.departement }
        ])
      )
    ).values()
  ];
  const realIndex = buildIndex(searchEntries(realAtlas, realCommunes, []));
  const realFound = (query: string): string[] =>
    findEntries(realIndex, query).map((e) => `${e.type}:${e.id}`);

  it('finds every zone first by its own name', () => {
    for (const zone of zones) expect(realFound(zone.name)[0], zone.name).toBe(`zone:${zone.id}`);
  });

  it('finds every quarter by each of its communes', () => {
    for (const zone of zones) {
      for (const commune of zone.communes) {
        expect(
          findEntries(realIndex, commune.name, 20).map((e) => e.id),
          `${zone.id} by ${commune.name}`
        ).toContain(zone.id);
      }
    }
  });

  it('"lievin", "Mons en Baroeul" and "faubourg cambrai" find their quarters', () => {
    expect(realFound('lievin')).toContain('zone:calonne-marichelles-vent-de-bise');
    expect(realFound('Mons en Baroeul')).toContain('zone:nouveau-mons');
    expect(realFound('faubourg cambrai')[0]).toBe('zone:faubourg-de-cambrai-la-briquette');
  });
});

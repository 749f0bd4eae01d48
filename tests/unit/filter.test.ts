import { describe, expect, it } from 'vitest';
import {
  filterZones,
  matchZone,
  nationalOnlyProgrammes,
  optionCounts,
  resetFilter
} from '../../src/lib/filters/filter';
import { linkMeasures, zoneProgrammes } from '../../src/lib/measures/link';
import type { ZoneEpcis, ZoneProgrammes } from '../../src/lib/filters/filter';
import { PROGRAMMES } from '../../src/lib/types';
import type { FilterState, Programme, Zone, ZoneKind } from '../../src/lib/types';
import { measure } from './measure-fixture';

function zone(id: string, kind: ZoneKind, departement: string, programmes: Programme[]): Zone {
  return {
    id,
    name: id,
    kind,
    departement,
    communes: [],
    qpvs: [],
    programmes,
    status: 'Projet validé par l’Anru',
    statusDate: '2018-12'
  };
}

// A small atlas shaped like the real one: NPNRU quarters in 59, 62 and 02, and
// acceleration territories against substandard housing, one of them in the Nord.
const zones: Zone[] = [
  zone('anzin', 'quarter', '59', ['npnru']),
  zone('mons', 'quarter', '59', ['npnru']),
  zone('tourcoing', 'quarter', '59', ['npnru']),
  zone('arras', 'quarter', '62', ['npnru']),
  zone('lens', 'quarter', '62', ['npnru']),
  zone('soissons', 'quarter', '02', ['npnru']),
  zone('nord', 'acceleration-territory', '59', ['habitat-indigne']),
  zone('seine-saint-denis', 'acceleration-territory', '93', ['habitat-indigne']),
  zone('bouches-du-rhone', 'acceleration-territory', '13', ['habitat-indigne'])
];

// Programmes after linking measures: the Nord's substandard-housing measures reach its
// quarters, the poverty strategy reaches the Nord and the Pas-de-Calais.
const linked: ZoneProgrammes = {
  anzin: ['npnru', 'habitat-indigne', 'strategie-pauvrete'],
  mons: ['npnru', 'habitat-indigne', 'strategie-pauvrete'],
  tourcoing: ['npnru', 'habitat-indigne', 'strategie-pauvrete'],
  arras: ['npnru', 'strategie-pauvrete'],
  lens: ['npnru', 'strategie-pauvrete'],
  soissons: ['npnru'],
  nord: ['habitat-indigne', 'strategie-pauvrete'],
  'seine-saint-denis': ['habitat-indigne'],
  'bouches-du-rhone': ['habitat-indigne']
};

// EPCIs as the build writes them: the Nord territory lies in every EPCI of the Nord, Anzin's
// quarter spans two EPCIs, Soissons' is in one, the territories outside the region in none.
const VALENCIENNES = '245901160';
const PORTE_DU_HAINAUT = '200042190';
const LILLE = '245900410';
const LENS = '246200364';
const SOISSONS = '240200477';
const zoneEpcis: ZoneEpcis = {
  anzin: [PORTE_DU_HAINAUT, VALENCIENNES],
  mons: [LILLE],
  tourcoing: [LILLE],
  arras: ['200033579'],
  lens: [LENS],
  soissons: [SOISSONS],
  nord: [PORTE_DU_HAINAUT, LILLE, VALENCIENNES],
  'seine-saint-denis': [],
  'bouches-du-rhone': []
};

function filter(partial: Partial<FilterState>): FilterState {
  return { ...resetFilter(), ...partial };
}

describe('resetFilter', () => {
  it('returns a filter with no programme, mode any and no département', () => {
    expect(resetFilter()).toEqual({ programmes: [], mode: 'any', departements: [], epci: null });
  });

  it('returns a fresh object each time so callers can mutate it safely', () => {
    const a = resetFilter();
    a.programmes.push('npnru');
    expect(resetFilter().programmes).toEqual([]);
  });
});

describe('matchZone', () => {
  const nordQuarter = { departement: '59' };

  it('keeps any zone when the filter is empty', () => {
    expect(matchZone(nordQuarter, [], resetFilter())).toBe(true);
  });

  it('in mode any, keeps a zone having at least one selected programme', () => {
    const f = filter({ programmes: ['logement', 'npnru'], mode: 'any' });
    expect(matchZone(nordQuarter, ['npnru'], f)).toBe(true);
    expect(matchZone(nordQuarter, ['habitat-indigne'], f)).toBe(false);
  });

  it('in mode all, keeps a zone only when it has every selected programme', () => {
    const f = filter({ programmes: ['npnru', 'habitat-indigne'], mode: 'all' });
    expect(matchZone(nordQuarter, ['npnru', 'habitat-indigne', 'logement'], f)).toBe(true);
    expect(matchZone(nordQuarter, ['npnru'], f)).toBe(false);
  });

  it('rejects a zone outside the selected départements whatever its programmes', () => {
    const f = filter({ programmes: ['npnru'], departements: ['62', '02'] });
    expect(matchZone(nordQuarter, ['npnru'], f)).toBe(false);
    expect(matchZone({ departement: '02' }, ['npnru'], f)).toBe(true);
  });
});

describe('filterZones', () => {
  it('returns every zone id, in the given order, for the empty filter', () => {
    expect(filterZones(zones, linked, resetFilter())).toEqual(zones.map((z) => z.id));
  });

  it('NPNRU and habitat indigne in mode all gives exactly the quarters of the Nord', () => {
    const f = filter({ programmes: ['npnru', 'habitat-indigne'], mode: 'all' });
    const nordQuarters = zones.filter((z) => z.kind === 'quarter' && z.departement === '59').map((z) => z.id);
    expect(filterZones(zones, linked, f)).toEqual(nordQuarters);
    expect(nordQuarters).toEqual(['anzin', 'mons', 'tourcoing']);
  });

  it('NPNRU or habitat indigne in mode any gives every zone', () => {
    const f = filter({ programmes: ['npnru', 'habitat-indigne'], mode: 'any' });
    expect(filterZones(zones, linked, f)).toHaveLength(zones.length);
  });

  it('restricts to the selected départements', () => {
    expect(filterZones(zones, linked, filter({ departements: ['62', '93'] }))).toEqual([
      'arras',
      'lens',
      'seine-saint-denis'
    ]);
  });

  it('combines programmes and départements', () => {
    const f = filter({ programmes: ['strategie-pauvrete'], departements: ['59', '02'] });
    expect(filterZones(zones, linked, f)).toEqual(['anzin', 'mons', 'tourcoing', 'nord']);
  });

  it('uses the programmes from linking, not only those defining the zone', () => {
    expect(filterZones(zones, linked, filter({ programmes: ['strategie-pauvrete'] }))).toContain('arras');
  });

  it("falls back to a zone's defining programmes when linking did not list it", () => {
    const f = filter({ programmes: ['habitat-indigne'] });
    expect(filterZones(zones, {}, f)).toEqual(['nord', 'seine-saint-denis', 'bouches-du-rhone']);
  });

  it('returns nothing when no zone matches', () => {
    expect(filterZones(zones, linked, filter({ programmes: ['participation'] }))).toEqual([]);
  });
});

describe('optionCounts', () => {
  it('with no filter, counts the zones of each programme and each département', () => {
    const counts = optionCounts(zones, linked, resetFilter());
    expect(counts.programmes).toEqual({
      npnru: 6,
      'habitat-indigne': 6,
      'strategie-pauvrete': 6,
      'contrats-de-ville': 0,
      'prevention-radicalisation': 0,
      'emploi-formation': 0,
      logement: 0,
      participation: 0,
      sante: 0,
      'acces-aux-droits': 0,
      gouvernance: 0
    });
    expect(counts.departements).toEqual({ '02': 1, '13': 1, '59': 4, '62': 2, '93': 1 });
  });

  it('has an entry for every programme', () => {
    expect(Object.keys(optionCounts(zones, linked, resetFilter()).programmes).sort()).toEqual(
      [...PROGRAMMES].sort()
    );
  });

  it('a programme count keeps its meaning whatever programmes are ticked, in either mode', () => {
    const none = optionCounts(zones, linked, resetFilter()).programmes;
    for (const mode of ['any', 'all'] as const) {
      const ticked = optionCounts(zones, linked, filter({ programmes: ['npnru'], mode })).programmes;
      expect(ticked).toEqual(none);
    }
  });

  it('programme counts respect the selected départements', () => {
    const counts = optionCounts(zones, linked, filter({ departements: ['62'] }));
    expect(counts.programmes['habitat-indigne']).toBe(0);
    expect(counts.programmes.npnru).toBe(2);
  });

  it('a département count is its own zones, whatever other départements are ticked', () => {
    const counts = optionCounts(zones, linked, filter({ departements: ['59'] }));
    expect(counts.departements['62']).toBe(2);
    expect(counts.departements['59']).toBe(4);
  });

  it('département counts respect the selected programmes', () => {
    const counts = optionCounts(
      zones,
      linked,
      filter({ programmes: ['npnru', 'habitat-indigne'], mode: 'all' })
    );
    expect(counts.departements).toEqual({ '02': 0, '13': 0, '59': 3, '62': 0, '93': 0 });
  });

  it('keeps a selected département without zones so the user can still unselect it', () => {
    const counts = optionCounts(zones, linked, filter({ departements: ['80'] }));
    expect(counts.departements['80']).toBe(0);
  });

  it('with one option ticked in each group, its count equals the current result size', () => {
    const f = filter({ programmes: ['habitat-indigne'], departements: ['59'] });
    const current = filterZones(zones, linked, f).length;
    const counts = optionCounts(zones, linked, f);
    expect(counts.programmes['habitat-indigne']).toBe(current);
    expect(counts.departements['59']).toBe(current);
  });
});

describe('filtering by EPCI', () => {
  it('keeps the zones lying in the EPCI, including a zone that spans it and another', () => {
    expect(filterZones(zones, linked, filter({ epci: VALENCIENNES }), zoneEpcis)).toEqual(['anzin', 'nord']);
    expect(filterZones(zones, linked, filter({ epci: LILLE }), zoneEpcis)).toEqual([
      'mons',
      'tourcoing',
      'nord'
    ]);
  });

  it('keeps nothing for an EPCI no zone lies in, and ignores zones missing from the table', () => {
    expect(filterZones(zones, linked, filter({ epci: '200000000' }), zoneEpcis)).toEqual([]);
    expect(filterZones(zones, linked, filter({ epci: LILLE }), {})).toEqual([]);
  });

  it('combines with programmes and départements', () => {
    const f = filter({ epci: LILLE, programmes: ['npnru'] });
    expect(filterZones(zones, linked, f, zoneEpcis)).toEqual(['mons', 'tourcoing']);
    expect(filterZones(zones, linked, filter({ epci: SOISSONS, departements: ['59'] }), zoneEpcis)).toEqual(
      []
    );
  });

  it('counts each EPCI holding a zone, as the choice replacing the current one', () => {
    expect(optionCounts(zones, linked, resetFilter(), zoneEpcis).epcis).toEqual({
      '200033579': 1,
      [PORTE_DU_HAINAUT]: 2,
      [SOISSONS]: 1,
      [LILLE]: 3,
      [VALENCIENNES]: 2,
      [LENS]: 1
    });
    const counts = optionCounts(zones, linked, filter({ epci: LILLE }), zoneEpcis).epcis;
    expect(counts[LENS]).toBe(1);
    expect(counts[LILLE]).toBe(3);
  });

  it('EPCI counts respect the other choices, and the other counts respect the EPCI', () => {
    const byProgramme = optionCounts(zones, linked, filter({ programmes: ['habitat-indigne'] }), zoneEpcis);
    expect(byProgramme.epcis[LILLE]).toBe(3);
    expect(byProgramme.epcis[LENS]).toBe(0);
    const byEpci = optionCounts(zones, linked, filter({ epci: VALENCIENNES }), zoneEpcis);
    expect(byEpci.departements).toEqual({ '02': 0, '13': 0, '59': 2, '62': 0, '93': 0 });
    expect(byEpci.programmes['strategie-pauvrete']).toBe(2);
  });

  it('keeps a selected EPCI without zones so the user can still unselect it', () => {
    expect(optionCounts(zones, linked, filter({ epci: '200000000' }), zoneEpcis).epcis['200000000']).toBe(0);
  });
});

describe('programme counts from linked measures', () => {
  const REGIONS = { '32': ['02', '59', '60', '62', '80'] };
  // One programme per way of reaching a zone, and two national ones.
  const measures = [
    measure('one-quarter', [{ zones: ['lens'] }], 'participation'),
    measure('all-quarters', [{ kind: 'quarter' }], 'emploi-formation'),
    measure('nord', [{ departements: ['59'] }], 'prevention-radicalisation'),
    measure('region', [{ region: '32' }], 'strategie-pauvrete'),
    measure('national', [{ national: true }], 'contrats-de-ville'),
    measure('national-too', [{ national: true }], 'logement')
  ];
  const links = linkMeasures(zones, measures, REGIONS);
  const byId = new Map(measures.map((m) => [m.id, m]));
  const programmes: ZoneProgrammes = Object.fromEntries(
    zones.map((z) => [z.id, zoneProgrammes(z, links[z.id] ?? [], byId)])
  );
  const counts = optionCounts(zones, programmes, resetFilter()).programmes;

  it('counts a zone for a programme whose measure targets it, its kind, its département or its region', () => {
    expect(counts.participation).toBe(1);
    expect(counts['emploi-formation']).toBe(6);
    expect(counts['prevention-radicalisation']).toBe(4); // 3 Nord quarters and the Nord territory
    expect(counts['strategie-pauvrete']).toBe(7); // every zone in region 32
  });

  it('does not count national measures, though they reach every zone', () => {
    expect(
      zones.every((z) => links[z.id]?.some((l) => l.measureId === 'national' && l.via === 'national'))
    ).toBe(true);
    expect(counts['contrats-de-ville']).toBe(0);
    expect(counts.logement).toBe(0);
  });

  it('gives counts that tell programmes apart', () => {
    expect(new Set(Object.values(counts)).size).toBeGreaterThan(2);
  });

  it('tells the programmes whose measures are all national from those that reach zones', () => {
    expect(nationalOnlyProgrammes(zones, measures)).toEqual(['contrats-de-ville', 'logement']);
  });

  it('does not call national-only a programme that a zone has by definition', () => {
    const defined = [...zones, zone('cv', 'quarter', '59', ['contrats-de-ville'])];
    expect(nationalOnlyProgrammes(defined, measures)).toEqual(['logement']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  DataError,
  METROPOLITAN_DEPARTEMENTS,
  METROPOLITAN_REGIONS,
  parseMeasures,
  parseZones
} from '../../src/lib/data/schema';

const ZONES = 'geodata/zones.json';
const MEASURES = 'geodata/measures.json';

/** A valid quarter; tests change one field at a time. */
function quarter(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'la-bourgogne',
    name: 'La Bourgogne',
    kind: 'quarter',
    departement: '59',
    communes: [{ insee: '59599', name: 'Tourcoing' }],
    qpvs: ['QP059087'],
    programmes: ['npnru'],
    status: "Projet validé par l'ANRU",
    statusDate: '2018-12',
    ...overrides
  };
}

/** A valid measure; tests change one field at a time. */
function measure(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'npnru-179',
    title: 'Projets validés',
    date: '2018-12',
    programme: 'npnru',
    summary: 'Des projets validés.',
    actors: ['Anru'],
    funding: [{ amount: 4e9, atLeast: true, scope: 'national', covers: 'Part Anru' }],
    appliesTo: [{ zones: ['la-bourgogne'] }],
    sources: [{ label: 'Lettre', url: 'https://www.anru.fr/' }],
    ...overrides
  };
}

/** The message of the DataError thrown by a call, or a failure when none is thrown. */
function errorOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}

const zonesOf = (...zones: unknown[]) => ({ zones });
const measuresOf = (...measures: unknown[]) => ({ measures });
const KNOWN = new Set(['la-bourgogne']);

describe('metropolitan code lists', () => {
  it('hold the 96 départements (with 2A and 2B, without 20) and the 13 regions', () => {
    expect(METROPOLITAN_DEPARTEMENTS).toHaveLength(96);
    expect(METROPOLITAN_DEPARTEMENTS).toEqual(expect.arrayContaining(['01', '19', '2A', '2B', '21', '95']));
    expect(METROPOLITAN_DEPARTEMENTS).not.toContain('20');
    expect(METROPOLITAN_REGIONS).toHaveLength(13);
  });
});

describe('parseZones', () => {
  it('returns the zones of a valid file unchanged', () => {
    expect(parseZones(zonesOf(quarter()), ZONES)).toEqual([quarter()]);
  });

  it('names the zone by id, then the field, then what is wrong', () => {
    expect(errorOf(() => parseZones(zonesOf(quarter({ kind: 'quartier' })), ZONES))).toBe(
      'geodata/zones.json: zone "la-bourgogne": field "kind": Invalid option: expected one of "quarter"|"acceleration-territory"'
    );
  });

  it('names a zone with no usable id by its index', () => {
    expect(errorOf(() => parseZones(zonesOf(quarter(), quarter({ id: '' })), ZONES))).toMatch(
      /^geodata\/zones\.json: zone #1: field "id": /
    );
  });

  it('reports a missing field as missing', () => {
    const withoutStatus = quarter();
    delete withoutStatus.status;
    expect(errorOf(() => parseZones(zonesOf(withoutStatus), ZONES))).toBe(
      'geodata/zones.json: zone "la-bourgogne": field "status": missing'
    );
  });

  it('reports an unknown field', () => {
    expect(errorOf(() => parseZones(zonesOf(quarter({ commune: [] })), ZONES))).toBe(
      'geodata/zones.json: zone "la-bourgogne": field "commune": unknown field'
    );
  });

  it('refuses a duplicate id', () => {
    expect(errorOf(() => parseZones(zonesOf(quarter(), quarter()), ZONES))).toBe(
      'geodata/zones.json: zone "la-bourgogne": field "id": duplicate id (also zone #0)'
    );
  });

  it('refuses a date that is not YYYY-MM or YYYY-MM-DD of a real day', () => {
    for (const statusDate of ['12/2018', '2018-13', '2019-02-29', '2018'])
      expect(
        errorOf(() => parseZones(zonesOf(quarter({ statusDate })), ZONES)),
        statusDate
      ).toBe(
        'geodata/zones.json: zone "la-bourgogne": field "statusDate": must be an ISO date YYYY-MM or YYYY-MM-DD'
      );
    expect(parseZones(zonesOf(quarter({ statusDate: '2020-02-29' })), ZONES)).toHaveLength(1);
  });

  it('refuses a commune whose INSEE code is not in the zone département', () => {
    const communes = [
      { insee: '59599', name: 'Tourcoing' },
      { insee: '62041', name: 'Arras' }
    ];
    expect(errorOf(() => parseZones(zonesOf(quarter({ communes })), ZONES))).toBe(
      'geodata/zones.json: zone "la-bourgogne": field "communes[1].insee": commune "62041" is not in département "59"'
    );
  });

  it('refuses a département code that does not exist', () => {
    expect(
      errorOf(() =>
        parseZones(
          zonesOf(quarter({ departement: '20', communes: [{ insee: '20004', name: 'X' }], qpvs: [] })),
          ZONES
        )
      )
    ).toBe('geodata/zones.json: zone "la-bourgogne": field "departement": unknown département "20"');
  });

  it('checks départements against the list it is given', () => {
    expect(errorOf(() => parseZones(zonesOf(quarter()), ZONES, { departements: new Set(['62']) }))).toBe(
      'geodata/zones.json: zone "la-bourgogne": field "departement": unknown département "59"'
    );
  });

  it('refuses an acceleration territory with communes or a QPV', () => {
    const message = errorOf(() => parseZones(zonesOf(quarter({ kind: 'acceleration-territory' })), ZONES));
    expect(message.split('\n')).toEqual([
      'geodata/zones.json: zone "la-bourgogne": field "communes": an acceleration territory is a whole département: communes must be empty',
      'geodata/zones.json: zone "la-bourgogne": field "qpvs": an acceleration territory has no QPV: must be empty'
    ]);
  });

  it('refuses a QPV code of another département', () => {
    expect(errorOf(() => parseZones(zonesOf(quarter({ qpvs: ['QP059087', 'QP062001'] })), ZONES))).toBe(
      'geodata/zones.json: zone "la-bourgogne": field "qpvs[1]": QPV "QP062001" is not in département "59"'
    );
  });

  it('refuses a malformed QPV code, naming its place in the list', () => {
    expect(errorOf(() => parseZones(zonesOf(quarter({ qpvs: ['QP059087', 'QP59088'] })), ZONES))).toBe(
      'geodata/zones.json: zone "la-bourgogne": field "qpvs[1]": must be a QPV code like "QP059071"'
    );
  });

  it('refuses a QPV code listed twice in a quarter', () => {
    expect(
      errorOf(() => parseZones(zonesOf(quarter({ qpvs: ['QP059087', 'QP059088', 'QP059087'] })), ZONES))
    ).toBe('geodata/zones.json: zone "la-bourgogne": field "qpvs[2]": duplicate QPV "QP059087"');
  });

  it('refuses a QPV code given to two quarters: its sheet names one', () => {
    const other = quarter({ id: 'tourcoing-bis', qpvs: ['QP059088', 'QP059087'] });
    expect(errorOf(() => parseZones({ zones: [quarter(), other] }, ZONES))).toBe(
      'geodata/zones.json: zone "tourcoing-bis": field "qpvs[1]": QPV "QP059087" is already in zone "la-bourgogne"'
    );
  });

  it('keeps the QPV codes of a quarter drawn with several, in order', () => {
    const [zone] = parseZones(zonesOf(quarter({ qpvs: ['QP059088', 'QP059087'] })), ZONES);
    expect(zone?.qpvs).toEqual(['QP059088', 'QP059087']);
  });

  it('refuses a file that is not {"zones": [...]}', () => {
    expect(errorOf(() => parseZones([quarter()], ZONES))).toBe(
      'geodata/zones.json: expected an object { "zones": [...] }'
    );
  });
});

describe('parseMeasures', () => {
  it('returns the measures of a valid file with their targets', () => {
    const targets = [
      { zones: ['la-bourgogne'] },
      { kind: 'quarter' },
      { departements: ['59'] },
      { region: '32' },
      { national: true }
    ];
    expect(parseMeasures(measuresOf(measure({ appliesTo: targets })), MEASURES, KNOWN)[0]?.appliesTo).toEqual(
      targets
    );
  });

  it('keeps the dated items of a measure', () => {
    const dates = [
      {
        kind: 'deadline',
        what: 'Déposer les dossiers',
        who: ['Collectivités'],
        written: "d'ici l'été 2019",
        precision: 'season',
        start: '2019-06',
        end: '2019-08',
        lines: 'L.12–14'
      }
    ];
    expect(parseMeasures(measuresOf(measure({ dates })), MEASURES, KNOWN)[0]?.dates).toEqual(dates);
  });

  it('names the measure, item and field of an impossible dated item', () => {
    const dates = [
      {
        kind: 'event',
        what: 'Signature',
        who: [],
        written: '30 février 2019',
        precision: 'day',
        start: '2019-02-30',
        end: '2019-02-30',
        lines: 'L.12'
      }
    ];
    expect(errorOf(() => parseMeasures(measuresOf(measure({ dates })), MEASURES, KNOWN))).toBe(
      'geodata/measures.json: measure "npnru-179": field "dates[0].start": must be a real date written YYYY-MM-DD for precision "day"'
    );
  });

  it('refuses a dated item of an unknown kind or without its source lines', () => {
    const dates = [
      { kind: 'rumour', what: 'x', who: [], written: '2019', precision: 'year', start: '2019', end: '2019' }
    ];
    const message = errorOf(() => parseMeasures(measuresOf(measure({ dates })), MEASURES, KNOWN));
    expect(message).toContain('field "dates[0].kind"');
    expect(message).toContain('field "dates[0].lines": missing');
  });

  it('names an unknown zone with the path of the reference', () => {
    const appliesTo = [{ zones: ['la-bourgogne', 'foo'] }];
    expect(errorOf(() => parseMeasures(measuresOf(measure({ appliesTo })), MEASURES, KNOWN))).toBe(
      'geodata/measures.json: measure "npnru-179": field "appliesTo[0].zones[1]": unknown zone "foo"'
    );
  });

  it('refuses a target with two keys or none', () => {
    expect(
      errorOf(() =>
        parseMeasures(measuresOf(measure({ appliesTo: [{ region: '32', national: true }] })), MEASURES, KNOWN)
      )
    ).toBe(
      'geodata/measures.json: measure "npnru-179": field "appliesTo[0]": a target has exactly one of "zones", "kind", "departements", "region", "national" (found "region", "national")'
    );
    expect(errorOf(() => parseMeasures(measuresOf(measure({ appliesTo: [{}] })), MEASURES, KNOWN))).toContain(
      '(found none)'
    );
  });

  it('refuses unknown département and region codes in targets', () => {
    const appliesTo = [{ departements: ['59', '96'] }, { region: '31' }];
    expect(
      errorOf(() => parseMeasures(measuresOf(measure({ appliesTo })), MEASURES, KNOWN)).split('\n')
    ).toEqual([
      'geodata/measures.json: measure "npnru-179": field "appliesTo[0].departements[1]": unknown département "96"',
      'geodata/measures.json: measure "npnru-179": field "appliesTo[1].region": unknown region "31"'
    ]);
  });

  it('refuses an amount that is not above zero', () => {
    const funding = [{ amount: 0, scope: 'national', covers: 'Rien' }];
    expect(errorOf(() => parseMeasures(measuresOf(measure({ funding })), MEASURES, KNOWN))).toBe(
      'geodata/measures.json: measure "npnru-179": field "funding[0].amount": must be a number > 0'
    );
  });

  it('ties the territory of an amount to its scope', () => {
    const funding = [
      { amount: 1, scope: 'national', covers: 'a', territory: '59' },
      { amount: 1, scope: 'departemental', covers: 'b' },
      { amount: 1, scope: 'regional', covers: 'c', territory: '59' },
      { amount: 1, scope: 'departemental', covers: 'd', territory: '99' },
      { amount: 1, scope: 'zone', covers: 'e' },
      { amount: 1, scope: 'regional', covers: 'f', territory: '32' }
    ];
    expect(
      errorOf(() => parseMeasures(measuresOf(measure({ funding })), MEASURES, KNOWN)).split('\n')
    ).toEqual([
      'geodata/measures.json: measure "npnru-179": field "funding[0].territory": a national amount has no territory',
      'geodata/measures.json: measure "npnru-179": field "funding[1].territory": missing (required for scope "departemental")',
      'geodata/measures.json: measure "npnru-179": field "funding[2].territory": unknown region "59"',
      'geodata/measures.json: measure "npnru-179": field "funding[3].territory": unknown département "99"'
    ]);
  });

  it('refuses a source url that is not http(s)', () => {
    const sources = [{ label: 'Lettre', url: 'ftp://example.org/x' }];
    expect(errorOf(() => parseMeasures(measuresOf(measure({ sources })), MEASURES, KNOWN))).toBe(
      'geodata/measures.json: measure "npnru-179": field "sources[0].url": must be an http(s) URL'
    );
  });

  it('takes a bare year as a measure date, and an approximate date only as a bare year', () => {
    const parse = (overrides: Record<string, unknown>) =>
      parseMeasures(measuresOf(measure(overrides)), MEASURES, KNOWN)[0];
    expect(parse({ date: '2019' })?.date).toBe('2019');
    expect(parse({ date: '2018', approximate: 'late' })?.approximate).toBe('late');
    expect(errorOf(() => parse({ date: '2018-12', approximate: 'late' }))).toBe(
      'geodata/measures.json: measure "npnru-179": field "date": an approximate date is a bare year YYYY'
    );
    expect(errorOf(() => parse({ date: '2018', approximate: 'soon' }))).toMatch(
      /^geodata\/measures\.json: measure "npnru-179": field "approximate": Invalid option/
    );
    expect(errorOf(() => parse({ date: '2018-13' }))).toBe(
      'geodata/measures.json: measure "npnru-179": field "date": must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD'
    );
  });

  it('takes the newsletter lines of a source as "L.<line>" or "L.<first>–<last>" ranges, in order', () => {
    const sourcesWith = (lines: string) => measure({ sources: [{ label: 'Lettre', lines }] });
    for (const lines of ['L.278', 'L.458–481', 'L.212, L.227, L.236–238'])
      expect(parseMeasures(measuresOf(sourcesWith(lines)), MEASURES, KNOWN)[0]?.sources[0]?.lines).toBe(
        lines
      );
    for (const lines of ['458–481', 'L.481–458', 'L.458-481', 'L.0', 'L.12–12', 'L.236, L.212', 'L.1–5, L.5'])
      expect(
        errorOf(() => parseMeasures(measuresOf(sourcesWith(lines)), MEASURES, KNOWN)),
        lines
      ).toBe(
        'geodata/measures.json: measure "npnru-179": field "sources[0].lines": must be "L.<line>" or "L.<first>–<last>" (en dash, first < last), several joined by ", " in order'
      );
  });

  it('refuses a programme outside the closed list', () => {
    expect(errorOf(() => parseMeasures(measuresOf(measure({ programme: 'anru' })), MEASURES, KNOWN))).toMatch(
      /^geodata\/measures\.json: measure "npnru-179": field "programme": Invalid option/
    );
  });

  it('refuses a duplicate id', () => {
    expect(errorOf(() => parseMeasures(measuresOf(measure(), measure()), MEASURES, KNOWN))).toBe(
      'geodata/measures.json: measure "npnru-179": field "id": duplicate id (also measure #0)'
    );
  });

  it('names a measure with no usable id by its index', () => {
    expect(errorOf(() => parseMeasures(measuresOf(measure({ id: 42 })), MEASURES, KNOWN))).toMatch(
      /^geodata\/measures\.json: measure #0: field "id": /
    );
  });
});

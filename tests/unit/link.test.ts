import { describe, expect, it } from 'vitest';
import { compareMeasures, linkMeasures, zoneProgrammes } from '../../src/lib/measures/link';
import type { Measure, Programme, Zone, ZoneKind } from '../../src/lib/types';
import { measure } from './measure-fixture';

const HDF = { '32': ['02', '59', '60', '62', '80'], '11': ['75', '77', '78', '91', '92', '93', '94', '95'] };

/** A zone with only what linking reads. */
function zone(id: string, kind: ZoneKind, departement: string, programmes: Programme[] = []): Zone {
  return {
    id,
    name: id,
    kind,
    departement,
    communes: kind === 'quarter' ? [{ insee: `${departement}001`, name: 'X' }] : [],
    qpvs: [],
    programmes,
    status: 'Statut',
    statusDate: '2018-12'
  };
}

const lens = zone('lens-cite', 'quarter', '62');
const tourcoing = zone('la-bourgogne', 'quarter', '59');
const nord = zone('lhi-59', 'acceleration-territory', '59');
const seineSaintDenis = zone('lhi-93', 'acceleration-territory', '93');
const ZONES = [lens, tourcoing, nord, seineSaintDenis];

/** The links of one measure, as "zone:via" pairs. */
function linksOf(m: Measure): string[] {
  const links = linkMeasures(ZONES, [m], HDF);
  return ZONES.flatMap((z) => (links[z.id] ?? []).map((l) => `${z.id}:${l.via}`));
}

describe('linkMeasures', () => {
  it('links a {zones} target to exactly the zones it names, via zone', () => {
    expect(linksOf(measure('m', [{ zones: ['lens-cite', 'lhi-93'] }]))).toEqual([
      'lens-cite:zone',
      'lhi-93:zone'
    ]);
  });

  it('links a {kind} target to every zone of that kind, via kind', () => {
    expect(linksOf(measure('m', [{ kind: 'acceleration-territory' }]))).toEqual([
      'lhi-59:kind',
      'lhi-93:kind'
    ]);
  });

  it('links a {departements} target to the territory of that département via zone and to its quarters via departement', () => {
    expect(linksOf(measure('m', [{ departements: ['59'] }]))).toEqual([
      'la-bourgogne:departement',
      'lhi-59:zone'
    ]);
  });

  it('links a {region} target to every zone whose département is in the region, via region', () => {
    expect(linksOf(measure('m', [{ region: '32' }]))).toEqual([
      'lens-cite:region',
      'la-bourgogne:region',
      'lhi-59:region'
    ]);
  });

  it('links a {national} target to every zone, via national', () => {
    expect(linksOf(measure('m', [{ national: true }]))).toEqual([
      'lens-cite:national',
      'la-bourgogne:national',
      'lhi-59:national',
      'lhi-93:national'
    ]);
  });

  it('keeps the most direct via, once, when several targets of a measure reach a zone', () => {
    const m = measure('m', [
      { national: true },
      { region: '32' },
      { kind: 'quarter' },
      { departements: ['59'] },
      { zones: ['la-bourgogne'] }
    ]);
    expect(linksOf(m)).toEqual(['lens-cite:kind', 'la-bourgogne:zone', 'lhi-59:zone', 'lhi-93:national']);
  });

  it('gives every zone a list, empty when no measure reaches it', () => {
    expect(linkMeasures(ZONES, [measure('m', [{ zones: ['lens-cite'] }])], HDF)).toEqual({
      'lens-cite': [{ measureId: 'm', via: 'zone' }],
      'la-bourgogne': [],
      'lhi-59': [],
      'lhi-93': []
    });
  });

  it('orders measures by programme order, then newest date first, then id (the build sorts once by this)', () => {
    const measures = [
      measure('logement-old', [{ national: true }], 'logement', '2018-01-09'),
      measure('npnru-month', [{ national: true }], 'npnru', '2018-12'),
      measure('logement-new', [{ national: true }], 'logement', '2019-01-07'),
      measure('npnru-day', [{ national: true }], 'npnru', '2019-01-15'),
      measure('habitat', [{ national: true }], 'habitat-indigne', '2017-05')
    ];
    expect([...measures].sort(compareMeasures).map((m) => m.id)).toEqual([
      'npnru-day',
      'npnru-month',
      'habitat',
      'logement-new',
      'logement-old'
    ]);
  });

  it('lists each zone’s measures in the order it is given them', () => {
    const measures = [
      measure('logement-old', [{ national: true }], 'logement', '2018-01-09'),
      measure('npnru-month', [{ national: true }], 'npnru', '2018-12'),
      measure('by-zone', [{ zones: ['lens-cite'] }], 'participation')
    ];
    expect(linkMeasures([lens], measures, HDF)['lens-cite']?.map((l) => l.measureId)).toEqual([
      'logement-old',
      'npnru-month',
      'by-zone'
    ]);
  });
});

describe('zoneProgrammes', () => {
  it('adds the programmes of measures targeting the zone, its kind, département or region, not national ones', () => {
    const measures = [
      measure('by-zone', [{ zones: ['la-bourgogne'] }], 'participation'),
      measure('by-kind', [{ kind: 'quarter' }], 'contrats-de-ville'),
      measure('by-departement', [{ departements: ['59'] }], 'prevention-radicalisation'),
      measure('by-region', [{ region: '32' }], 'emploi-formation'),
      measure('by-nation', [{ national: true }], 'logement')
    ];
    const links = linkMeasures(ZONES, measures, HDF)['la-bourgogne'] ?? [];
    const byId = new Map(measures.map((m) => [m.id, m]));
    const bourgogne = { ...tourcoing, programmes: ['npnru'] as Programme[] };
    expect(zoneProgrammes(bourgogne, links, byId)).toEqual([
      'npnru',
      'contrats-de-ville',
      'prevention-radicalisation',
      'emploi-formation',
      'participation'
    ]);
  });

  it("is the zone's own programmes when no measure reaches it", () => {
    expect(zoneProgrammes(zone('z', 'quarter', '59', ['habitat-indigne', 'npnru']), [], new Map())).toEqual([
      'npnru',
      'habitat-indigne'
    ]);
  });
});

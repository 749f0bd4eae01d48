import { describe, expect, it } from 'vitest';
import { countItems, groupByReach } from '../../src/lib/measures/group';
import { reachHeading } from '../../src/lib/labels';
import type { Via } from '../../src/lib/types';
import { measure } from './measure-fixture';

/** A sheet item: a fixture measure and how it reaches the place. */
const item = (id: string, via: Via, programme: Parameters<typeof measure>[2] = 'npnru') => ({
  measure: measure(id, [{ national: true }], programme),
  via
});

/** The groups as "via: ids" lines. */
const outline = (items: ReturnType<typeof item>[]) =>
  groupByReach(items).map((group) => `${group.via}: ${group.items.map((i) => i.measure.id).join(', ')}`);

describe('groupByReach', () => {
  it('puts the measures targeting the place first and the national ones last, whatever the input order', () => {
    const items = [
      item('n1', 'national'),
      item('r1', 'region'),
      item('n2', 'national'),
      item('d1', 'departement'),
      item('k1', 'kind'),
      item('z1', 'zone')
    ];
    expect(outline(items)).toEqual([
      'zone: z1',
      'kind: k1',
      'departement: d1',
      'region: r1',
      'national: n1, n2'
    ]);
  });

  it('orders a group by programme, and keeps the given order within a programme', () => {
    const items = [
      item('sante-b', 'national', 'sante'),
      item('npnru-b', 'national', 'npnru'),
      item('sante-a', 'national', 'sante'),
      item('npnru-a', 'national', 'npnru')
    ];
    expect(outline(items)).toEqual(['national: npnru-b, npnru-a, sante-b, sante-a']);
  });

  it('gives no empty group, and nothing for no measure', () => {
    expect(outline([item('n1', 'national'), item('z1', 'zone')])).toEqual(['zone: z1', 'national: n1']);
    expect(groupByReach([])).toEqual([]);
  });

  it('keeps every item once', () => {
    const items = ['zone', 'kind', 'departement', 'region', 'national', 'national'].map((via, i) =>
      item(`m${i}`, via as Via)
    );
    expect(countItems(groupByReach(items))).toBe(items.length);
  });
});

describe('reachHeading', () => {
  it('counts the national measures in their heading', () => {
    expect(reachHeading('national', 20)).toBe('20 mesures nationales');
    expect(reachHeading('national', 1)).toBe('1 mesure nationale');
  });

  it('names the zoning a group reaches the place as, when known', () => {
    expect(reachHeading('kind', 2, 'quarter')).toBe('2 mesures pour tous les quartiers NPNRU');
    expect(reachHeading('kind', 2)).toBe('2 mesures pour toute une catégorie de zones');
  });

  it('says the direct measures are aimed at the place', () => {
    expect(reachHeading('zone', 1)).toBe('1 mesure ciblée');
    expect(reachHeading('departement', 3)).toBe('3 mesures départementales');
    expect(reachHeading('region', 1)).toBe('1 mesure régionale');
  });
});

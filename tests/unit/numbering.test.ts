// Numbers of a scene's quarters: deterministic, west to east, and keyed to the listed names.
import { describe, expect, it } from 'vitest';
import { numberQuarters } from '../../src/lib/present/numbering';
import { fixtureAtlas } from './fixtures/atlas';

describe('numbering the quarters of a scene', () => {
  it('numbers the shown quarters from west to east, leaving territories out', () => {
    const { atlas, geodata } = fixtureAtlas();
    const shown = atlas.zones.map((zone) => zone.id);
    const numbered = numberQuarters(atlas.zones, shown, geodata.zoneLabels);
    // gamma lies at 2.8°E, alpha at 3.0°E, beta at 3.5°E; lhi-93 is a territory.
    expect(numbered.map((quarter) => [quarter.number, quarter.id])).toEqual([
      [1, 'gamma'],
      [2, 'alpha'],
      [3, 'beta']
    ]);
  });

  it('gives the same numbers whatever the order of zones and of shown ids', () => {
    const { atlas, geodata } = fixtureAtlas();
    const points = geodata.zoneLabels;
    const ids = atlas.zones.map((zone) => zone.id);
    const forward = numberQuarters(atlas.zones, ids, points);
    const backward = numberQuarters([...atlas.zones].reverse(), [...ids].reverse(), points);
    expect(backward).toEqual(forward);
  });

  it('keys each number to its quarter’s name and communes, as the list shows them, and to its label point', () => {
    const { atlas, geodata } = fixtureAtlas();
    const zones = atlas.zones.map((zone) =>
      zone.id === 'alpha' ? { ...zone, communes: [{ insee: '59350', name: 'Lille' }] } : zone
    );
    const points = geodata.zoneLabels;
    const pointOf = (id: string) =>
      points.features.find((feature) => feature.properties.id === id)!.geometry.coordinates;
    const numbered = numberQuarters(zones, ['alpha', 'beta'], points);
    expect(numbered).toEqual([
      { number: 1, id: 'alpha', name: 'Zone alpha', communes: ['Lille'], at: pointOf('alpha') },
      { number: 2, id: 'beta', name: 'Zone beta', communes: [], at: pointOf('beta') }
    ]);
  });

  it('numbers only the quarters the scene shows, from 1 without gaps', () => {
    const { atlas, geodata } = fixtureAtlas();
    const numbered = numberQuarters(atlas.zones, ['beta', 'gamma'], geodata.zoneLabels);
    expect(numbered.map((quarter) => [quarter.number, quarter.id])).toEqual([
      [1, 'gamma'],
      [2, 'beta']
    ]);
  });

  it('breaks a tie in longitude by id', () => {
    const { atlas, geodata } = fixtureAtlas(['delta']);
    const points = geodata.zoneLabels;
    const alpha = points.features.find((feature) => feature.properties.id === 'alpha')!;
    const delta = points.features.find((feature) => feature.properties.id === 'delta')!;
    delta.geometry = { type: 'Point', coordinates: [alpha.geometry.coordinates[0]!, 49.0] };
    const numbered = numberQuarters(atlas.zones, ['delta', 'alpha'], points);
    expect(numbered.map((quarter) => quarter.id)).toEqual(['alpha', 'delta']);
  });
});

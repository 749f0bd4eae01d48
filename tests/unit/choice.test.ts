import { describe, expect, it } from 'vitest';
import { bboxBounds, choose, type ChoicePlaces } from '../../src/lib/app/choice';
import { featureBounds } from '../../src/lib/map/views';
import type { SearchEntry } from '../../src/lib/search/search';
import type { CommunePlace, EpciPlace } from '../../src/lib/types';
import { fixtureAtlas, fixturePlaces, fixtureQpvs } from './fixtures/atlas';

const { atlas, geodata } = fixtureAtlas();
const [lille] = fixturePlaces.communes as [CommunePlace];
const [metropole] = fixturePlaces.epcis as [EpciPlace];
const places: ChoicePlaces = {
  zones: atlas.zones,
  zoneBounds: (id) => {
    const feature = geodata.zones.features.find((f) => f.properties.id === id);
    return feature && featureBounds(feature);
  },
  communes: new Map([[lille.code, lille]]),
  epcis: new Map([[metropole.code, metropole]]),
  qpv: new Map(fixtureQpvs.map((qpv) => [qpv.code, qpv])),
  departementBounds: (code) => {
    const place = atlas.departementPlaces[code];
    return place && bboxBounds(place.bbox);
  }
};
const entry = (type: SearchEntry['type'], id: string): SearchEntry => ({ type, id, label: id, detail: '' });

describe('choosing a search result', () => {
  it('a zone opens its sheet and is framed with the zone preset', () => {
    const choice = choose(entry('zone', 'beta'), places);
    expect(choice.selection).toEqual({ zone: 'beta', commune: null, epci: null, qpv: null });
    expect(choice.frame).toEqual({ target: { bounds: places.zoneBounds('beta') }, preset: 'zone' });
  });

  it('a commune opens its sheet, closes any zone sheet and frames its box', () => {
    const choice = choose(entry('commune', '59350'), places);
    expect(choice.selection).toEqual({ zone: null, commune: '59350', epci: null, qpv: null });
    expect(choice.frame).toEqual({
      target: {
        bounds: [
          [2.97, 50.6],
          [3.12, 50.66]
        ]
      },
      preset: 'commune'
    });
  });

  it('an intercommunality opens its sheet, closes any zone or commune sheet and frames its box', () => {
    const choice = choose(entry('epci', '200093201'), places);
    expect(choice.selection).toEqual({ zone: null, commune: null, epci: '200093201', qpv: null });
    expect(choice.frame).toEqual({
      target: {
        bounds: [
          [2.8, 50.5],
          [3.3, 50.8]
        ]
      },
      preset: 'epci'
    });
  });

  it('a QPV opens its own sheet, closes any other sheet and frames its contour, even when drawn as a zone', () => {
    for (const { code, bbox } of fixtureQpvs) {
      expect(choose(entry('qpv', code), places)).toEqual({
        selection: { zone: null, commune: null, epci: null, qpv: code },
        frame: {
          target: {
            bounds: [
              [bbox[0], bbox[1]],
              [bbox[2], bbox[3]]
            ]
          },
          preset: 'qpv'
        }
      });
    }
  });

  it('a QPV the data does not hold changes nothing', () => {
    expect(choose(entry('qpv', 'QP059999'), places)).toEqual({ selection: null, frame: null });
  });

  it('a département with an acceleration territory opens the territory', () => {
    expect(choose(entry('departement', '93'), places).selection).toEqual({
      zone: 'lhi-93',
      commune: null,
      epci: null,
      qpv: null
    });
  });

  it('a département without a zone only moves the camera to its box', () => {
    const choice = choose(entry('departement', '80'), places);
    expect(choice.selection).toBeNull();
    expect(choice.frame).toEqual({
      target: {
        bounds: [
          [1.4, 49.5],
          [2.9, 51.0]
        ]
      },
      preset: 'departement'
    });
  });

  it('a result that names nothing loaded (e.g. a commune before the list arrives) does nothing', () => {
    expect(choose(entry('commune', '62510'), places)).toEqual({ selection: null, frame: null });
    expect(choose(entry('zone', 'inconnue'), places)).toEqual({ selection: null, frame: null });
  });
});

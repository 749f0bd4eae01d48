import { describe, expect, it } from 'vitest';
import {
  pageRanges,
  panelParts,
  presenterKeyCommand,
  sceneCamera,
  sceneKeyAction,
  sceneState,
  stepPart,
  stepScene
} from '../../src/lib/present/deck';
import type { Scene } from '../../src/lib/types';
import { DEFAULT_LAYERS, defaultState } from '../../src/lib/url/state';
import type { AppState } from '../../src/lib/types';

const scene = (overrides: Partial<Scene> = {}): Scene => ({
  id: 'nord',
  title: 'Nord : 9 quartiers',
  caption: 'De la métropole lilloise au Valenciennois.',
  view: 'hdf',
  camera: {
    bounds: [
      [2.3, 50.25],
      [3.75, 51.1]
    ]
  },
  ...overrides
});

/** A state the presenter might leave behind in the explorer before starting. */
const explored = (): AppState => ({
  filter: { programmes: ['logement', 'participation'], mode: 'all', departements: ['80'], epci: '246200364' },
  layers: ['communes'],
  zone: 'lens-cite',
  commune: '62498',
  epci: '246200364',
  qpv: 'QP059071',
  panel: 'filters',
  dimOutsideFilter: false,
  qpvFrance: true,
  present: false,
  scene: 4,
  embed: false
});

describe('sceneKeyAction', () => {
  it('moves forward with the right arrow, Page Down and the space bar', () => {
    expect(['ArrowRight', 'PageDown', ' ', 'Space', 'Spacebar'].map(sceneKeyAction)).toEqual([
      'next',
      'next',
      'next',
      'next',
      'next'
    ]);
  });

  it('moves back with the left arrow and Page Up, as presentation clickers send', () => {
    expect(sceneKeyAction('ArrowLeft')).toBe('previous');
    expect(sceneKeyAction('PageUp')).toBe('previous');
  });

  it('jumps to the ends with Home and End and leaves with Escape', () => {
    expect(sceneKeyAction('Home')).toBe('first');
    expect(sceneKeyAction('End')).toBe('last');
    expect(sceneKeyAction('Escape')).toBe('exit');
  });

  it('ignores keys that do not drive the deck, including inherited object keys', () => {
    expect(sceneKeyAction('Enter')).toBeNull();
    expect(sceneKeyAction('a')).toBeNull();
    expect(sceneKeyAction('ArrowUp')).toBeNull();
    expect(sceneKeyAction('toString')).toBeNull();
    expect(sceneKeyAction('')).toBeNull();
  });
});

describe('stepScene', () => {
  it('goes to the next and previous scene', () => {
    expect(stepScene(3, 'next', 9)).toBe(4);
    expect(stepScene(3, 'previous', 9)).toBe(2);
  });

  it('stays on the last scene when asked for the next one', () => {
    expect(stepScene(8, 'next', 9)).toBe(8);
  });

  it('stays on the first scene when asked for the previous one', () => {
    expect(stepScene(0, 'previous', 9)).toBe(0);
  });

  it('jumps to the first and last scenes', () => {
    expect(stepScene(5, 'first', 9)).toBe(0);
    expect(stepScene(2, 'last', 9)).toBe(8);
  });

  it('keeps the current scene on exit', () => {
    expect(stepScene(5, 'exit', 9)).toBe(5);
  });

  it('brings an index outside the deck back inside before stepping', () => {
    expect(stepScene(40, 'previous', 9)).toBe(7);
    expect(stepScene(-3, 'next', 9)).toBe(1);
    expect(stepScene(Number.NaN, 'next', 9)).toBe(1);
  });

  it('returns 0 for an empty deck', () => {
    expect(stepScene(0, 'next', 0)).toBe(0);
    expect(stepScene(3, 'last', 0)).toBe(0);
  });
});

describe('sceneState', () => {
  it('takes the filter, layers and zone from the scene and turns presentation on', () => {
    const state = sceneState(
      scene({
        filter: { programmes: ['npnru'], mode: 'any', departements: ['59'] },
        layers: ['region', 'quarters'],
        zone: 'lille-secteur-sud'
      }),
      explored()
    );
    expect(state.filter).toEqual({ programmes: ['npnru'], mode: 'any', departements: ['59'], epci: null });
    expect(state.layers).toEqual(['region', 'quarters']);
    expect(state.zone).toBe('lille-secteur-sud');
    expect(state.present).toBe(true);
  });

  it('fills missing filter parts with the explorer defaults, not with what was explored before', () => {
    const state = sceneState(scene({ filter: { programmes: ['npnru'] } }), explored());
    expect(state.filter).toEqual({ programmes: ['npnru'], mode: 'any', departements: [], epci: null });
  });

  it('clears the filter, the zone and the searched commune when the scene names none', () => {
    const state = sceneState(scene(), explored());
    expect(state.filter).toEqual(defaultState().filter);
    expect(state.zone).toBeNull();
    expect(state.commune).toBeNull();
  });

  it('shows the default layers when the scene lists none', () => {
    expect(sceneState(scene(), explored()).layers).toEqual([...DEFAULT_LAYERS]);
  });

  it('keeps an explicitly empty layer list empty', () => {
    expect(sceneState(scene({ layers: [] }), explored()).layers).toEqual([]);
  });

  it('opens the summary panel only for scenes that ask for it', () => {
    expect(sceneState(scene({ summary: true }), explored()).panel).toBe('summary');
    expect(sceneState(scene(), explored()).panel).toBeNull();
  });

  it('keeps the scene index of the base state', () => {
    expect(sceneState(scene(), explored()).scene).toBe(4);
  });

  it('does not share lists with the scene, so editing the state cannot alter the deck', () => {
    const source = scene({ filter: { programmes: ['npnru'] }, layers: ['quarters'] });
    const state = sceneState(source, explored());
    state.filter.programmes.push('logement');
    state.layers.push('region');
    expect(source.filter?.programmes).toEqual(['npnru']);
    expect(source.layers).toEqual(['quarters']);
  });
});

describe('sceneCamera', () => {
  it('gives bounds for a scene framed by bounds', () => {
    expect(sceneCamera(scene())).toEqual({
      bounds: [
        [2.3, 50.25],
        [3.75, 51.1]
      ]
    });
  });

  it('gives centre and zoom for a scene framed by a point', () => {
    expect(sceneCamera(scene({ camera: { center: [3.32, 49.38], zoom: 11.5 } }))).toEqual({
      center: [3.32, 49.38],
      zoom: 11.5
    });
  });

  it('returns a copy that the map may keep without touching the deck', () => {
    const source = scene({ camera: { center: [3.32, 49.38], zoom: 11.5 } });
    const camera = sceneCamera(source);
    if ('center' in camera) camera.center[0] = 0;
    expect(source.camera).toEqual({ center: [3.32, 49.38], zoom: 11.5 });
  });
});

describe('presenterKeyCommand', () => {
  it('blanks the screen with B or the full stop and opens the overview with G', () => {
    expect(['b', 'B', '.'].map(presenterKeyCommand)).toEqual(['black', 'black', 'black']);
    expect(presenterKeyCommand('g')).toBe('overview');
    expect(presenterKeyCommand('ArrowRight')).toBeNull();
  });
});

describe('stepPart', () => {
  it('steps through a scene shown in parts before leaving it', () => {
    expect(stepPart(0, 'next', 2)).toBe(1);
    expect(stepPart(1, 'next', 2)).toBeNull();
    expect(stepPart(1, 'previous', 2)).toBe(0);
    expect(stepPart(0, 'previous', 2)).toBeNull();
    expect(stepPart(0, 'last', 2)).toBeNull();
  });
});

describe('pageRanges', () => {
  it('splits a long key into pages of even length, none longer than the size', () => {
    expect(pageRanges(15, 12)).toEqual([
      [0, 8],
      [8, 15]
    ]);
    expect(pageRanges(15, Number.POSITIVE_INFINITY)).toEqual([[0, 15]]);
    expect(pageRanges(0, 5)).toEqual([[0, 0]]);
  });
});

describe('panelParts', () => {
  const block = (top: number, bottom: number) => ({ top, bottom });

  it('keeps a panel that fits in one part', () => {
    expect(panelParts([block(0, 50), block(60, 90)], 100, 90)).toEqual([0]);
  });

  it('starts the next part with the first block the bottom would cut', () => {
    const blocks = [block(0, 40), block(40, 80), block(80, 120), block(120, 160), block(160, 200)];
    expect(panelParts(blocks, 100, 200)).toEqual([0, 80, 160]);
  });

  it('moves a heading that would end a part to the next, with the entry it heads', () => {
    const heading = (top: number, bottom: number) => ({ top, bottom, keepWithNext: true });
    expect(panelParts([block(0, 40), heading(40, 60), block(60, 120), block(120, 140)], 100, 140)).toEqual([
      0, 40
    ]);
    // A heading with its entry in the part stays where it is.
    expect(panelParts([heading(0, 20), block(20, 90), block(90, 150)], 100, 150)).toEqual([0, 90]);
  });

  it('cuts a block taller than the panel at the panel height', () => {
    expect(panelParts([block(0, 250)], 100, 250)).toEqual([0, 100, 200]);
  });
});

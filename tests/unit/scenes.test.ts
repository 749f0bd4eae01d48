import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DataError,
  MAX_CAPTION_LENGTH,
  parseMeasures,
  parseScenes,
  parseZones,
  type KnownPlaces
} from '../../src/lib/data/schema';

// The validation cases check scenes against these fixture ids; the shipped deck, below, against
// the zones of geodata/zones.json.
const ZONE_IDS = ['quartier-test', 'territoire-test'];

/** The 96 metropolitan département codes: 01 to 95, with Corsica as 2A and 2B instead of 20. */
const DEPARTEMENT_CODES = [
  ...Array.from({ length: 95 }, (_, index) => String(index + 1).padStart(2, '0')).filter(
    (code) => code !== '20'
  ),
  '2A',
  '2B'
];

const known: KnownPlaces = { zoneIds: new Set(ZONE_IDS), departementCodes: new Set(DEPARTEMENT_CODES) };
const FILE = 'geodata/scenes.json';

function validScene(): Record<string, unknown> {
  return {
    id: 'nord',
    title: 'Nord : 9 quartiers',
    caption: 'De la métropole lilloise au Valenciennois.',
    view: 'hdf',
    camera: { center: [3.07, 50.64], zoom: 10.5 }
  };
}

/** Parses a deck of one scene, the valid scene with `changes` applied (undefined removes a field). */
function parseOne(changes: Record<string, unknown>) {
  const scene = { ...validScene(), ...changes };
  for (const key of Object.keys(scene)) if (scene[key] === undefined) delete scene[key];
  return () => parseScenes({ scenes: [scene] }, FILE, known);
}

describe('parseScenes: valid decks', () => {
  it('accepts a scene with a centre and zoom', () => {
    expect(parseOne({})()).toEqual([validScene()]);
  });

  it('accepts a scene with bounds and every optional field', () => {
    const scene = {
      ...validScene(),
      camera: {
        bounds: [
          [1.38, 48.83],
          [4.26, 51.09]
        ]
      },
      filter: { programmes: ['strategie-pauvrete'], mode: 'any', departements: ['59', '62'] },
      layers: ['region', 'quarters'],
      zone: 'quartier-test',
      spotlight: ['59', 'quartier-test'],
      summary: true,
      numberedQuarters: true
    };
    expect(parseScenes({ scenes: [scene] }, FILE, known)).toEqual([scene]);
  });

  it('knows Corsica by 2A and 2B', () => {
    expect(parseOne({ spotlight: ['2A', '2B'] })()[0]?.spotlight).toEqual(['2A', '2B']);
  });
});

describe('parseScenes: each bad field gives its exact message', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'a zoom above 22',
      { camera: { center: [3, 50], zoom: 23 } },
      'scene "nord": field "camera.zoom": must be between 0 and 22'
    ],
    [
      'a negative zoom',
      { camera: { center: [3, 50], zoom: -1 } },
      'scene "nord": field "camera.zoom": must be between 0 and 22'
    ],
    [
      'a longitude out of range',
      { camera: { center: [183, 50], zoom: 8 } },
      'scene "nord": field "camera.center[0]": longitude must be between -180 and 180'
    ],
    [
      'a latitude out of range',
      { camera: { center: [3, 95], zoom: 8 } },
      'scene "nord": field "camera.center[1]": latitude must be between -90 and 90'
    ],
    [
      'a centre with one coordinate',
      { camera: { center: [3], zoom: 8 } },
      'scene "nord": field "camera.center": must be [longitude, latitude]'
    ],
    [
      'a centre given as text',
      { camera: { center: 'Lille', zoom: 8 } },
      'scene "nord": field "camera.center": must be [longitude, latitude]'
    ],
    [
      'bounds with west east of east',
      {
        camera: {
          bounds: [
            [4.26, 48.83],
            [1.38, 51.09]
          ]
        }
      },
      'scene "nord": field "camera.bounds": west must be less than east'
    ],
    [
      'bounds with south north of north',
      {
        camera: {
          bounds: [
            [1.38, 51.09],
            [4.26, 48.83]
          ]
        }
      },
      'scene "nord": field "camera.bounds": south must be less than north'
    ],
    [
      'bounds with a latitude out of range',
      {
        camera: {
          bounds: [
            [1.38, -91],
            [4.26, 51.09]
          ]
        }
      },
      'scene "nord": field "camera.bounds[0][1]": latitude must be between -90 and 90'
    ],
    [
      'bounds with one corner',
      { camera: { bounds: [[1.38, 48.83]] } },
      'scene "nord": field "camera.bounds": must be [[west, south], [east, north]]'
    ],
    [
      'a centre without zoom',
      { camera: { center: [3, 50] } },
      'scene "nord": field "camera.zoom": is required with "center"'
    ],
    [
      'a zoom without centre',
      { camera: { zoom: 9 } },
      'scene "nord": field "camera.center": is required with "zoom"'
    ],
    [
      'both a centre and bounds',
      {
        camera: {
          center: [3, 50],
          zoom: 9,
          bounds: [
            [1, 48],
            [4, 51]
          ]
        }
      },
      'scene "nord": field "camera": give either "center" and "zoom", or "bounds", not both'
    ],
    [
      'an empty camera',
      { camera: {} },
      'scene "nord": field "camera": needs either "center" and "zoom", or "bounds"'
    ],
    [
      'a misspelt camera field',
      { camera: { center: [3, 50], zoom: 9, pitch: 30 } },
      'scene "nord": field "camera.pitch": unknown field'
    ],
    ['no camera', { camera: undefined }, 'scene "nord": field "camera": is required'],
    ['an unknown zone', { zone: 'lens' }, 'scene "nord": field "zone": unknown zone "lens"'],
    [
      'an unknown département in the filter',
      { filter: { departements: ['59', '20'] } },
      'scene "nord": field "filter.departements[1]": unknown département "20"'
    ],
    [
      'an unknown spotlight',
      { spotlight: ['999'] },
      'scene "nord": field "spotlight[0]": unknown zone or département "999"'
    ],
    ['an empty spotlight', { spotlight: [] }, 'scene "nord": field "spotlight": must not be empty'],
    [
      'an unknown programme',
      { filter: { programmes: ['anru'] } },
      'scene "nord": field "filter.programmes[0]": unknown programme "anru"'
    ],
    [
      'an unknown mode',
      { filter: { mode: 'some' } },
      'scene "nord": field "filter.mode": must be "any" or "all"'
    ],
    [
      'an unknown layer',
      { layers: ['quarters', 'roads'] },
      'scene "nord": field "layers[1]": unknown layer "roads"'
    ],
    ['an unknown view', { view: 'europe' }, 'scene "nord": field "view": must be "hdf" or "france"'],
    ['an empty title', { title: '  ' }, 'scene "nord": field "title": must not be empty'],
    ['an empty caption', { caption: '' }, 'scene "nord": field "caption": must not be empty'],
    ['a missing caption', { caption: undefined }, 'scene "nord": field "caption": is required'],
    ['a caption of another type', { caption: 12 }, 'scene "nord": field "caption": expected a string'],
    [
      'a caption too long',
      { caption: 'a'.repeat(MAX_CAPTION_LENGTH + 1) },
      `scene "nord": field "caption": must be at most 200 characters (has 201)`
    ],
    ['a summary set to false', { summary: false }, 'scene "nord": field "summary": must be true when given'],
    [
      'numbered quarters set to false',
      { numberedQuarters: false },
      'scene "nord": field "numberedQuarters": must be true when given'
    ],
    ['an unknown field', { subtitle: 'x' }, 'scene "nord": field "subtitle": unknown field'],
    [
      'an id not in kebab case',
      { id: 'Nord_59' },
      'scene "Nord_59": field "id": must be kebab-case (lowercase letters and digits joined by single hyphens)'
    ]
  ];

  for (const [name, changes, message] of cases) {
    it(`rejects ${name}`, () => {
      expect(parseOne(changes)).toThrow(new DataError(`${FILE}: ${message}`));
    });
  }

  it('accepts a caption of exactly 200 characters', () => {
    expect(parseOne({ caption: 'a'.repeat(MAX_CAPTION_LENGTH) })).not.toThrow();
  });

  it('accepts zoom 0 and zoom 22', () => {
    expect(parseOne({ camera: { center: [3, 50], zoom: 0 } })).not.toThrow();
    expect(parseOne({ camera: { center: [3, 50], zoom: 22 } })).not.toThrow();
  });

  it('names a scene without an id by its position', () => {
    const scenes = [validScene(), { ...validScene(), id: undefined }];
    expect(() => parseScenes({ scenes }, FILE, known)).toThrow(
      new DataError(`${FILE}: scene #1: field "id": is required`)
    );
  });

  it('rejects a repeated id, naming the scene that has it first', () => {
    const scenes = [validScene(), { ...validScene(), id: 'aisne' }, validScene()];
    expect(() => parseScenes({ scenes }, FILE, known)).toThrow(
      new DataError(`${FILE}: scene "nord": field "id": "nord" is already the id of scene #0`)
    );
  });

  it('reports every problem, one per line', () => {
    expect(parseOne({ zone: 'lens', view: 'europe' })).toThrow(
      new DataError([
        `${FILE}: scene "nord": field "view": must be "hdf" or "france"`,
        `${FILE}: scene "nord": field "zone": unknown zone "lens"`
      ])
    );
  });
});

describe('parseScenes: bad deck files', () => {
  it('rejects a file that is not an object', () => {
    expect(() => parseScenes([], FILE, known)).toThrow(new DataError(`${FILE}: expected an object`));
  });

  it('rejects a file without scenes', () => {
    expect(() => parseScenes({}, FILE, known)).toThrow(new DataError(`${FILE}: field "scenes": is required`));
  });

  it('rejects an empty deck', () => {
    expect(() => parseScenes({ scenes: [] }, FILE, known)).toThrow(
      new DataError(`${FILE}: field "scenes": must list at least one scene`)
    );
  });

  it('rejects a scene that is not an object', () => {
    expect(() => parseScenes({ scenes: ['nord'] }, FILE, known)).toThrow(
      new DataError(`${FILE}: scene #0: expected an object`)
    );
  });

  it('names the file it is given', () => {
    expect(() => parseScenes({}, 'elsewhere/deck.json', known)).toThrow(
      new DataError('elsewhere/deck.json: field "scenes": is required')
    );
  });
});

// The deck file itself, checked as data against the other data files: every reference resolves,
// and the scenes cover what the zones and measures hold.
describe('the shipped deck', () => {
  const read = (file: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../geodata/${file}`, import.meta.url), 'utf8'));
  const json = read('scenes.json');
  const zones = parseZones(read('zones.json'), 'geodata/zones.json');
  const zoneIds = new Set(zones.map((zone) => zone.id));
  const measures = parseMeasures(read('measures.json'), 'geodata/measures.json', zoneIds);
  const shipped: KnownPlaces = { zoneIds, departementCodes: new Set(DEPARTEMENT_CODES) };
  const scenes = parseScenes(json, FILE, shipped);

  it('keeps every scene of the file, in order, once checked against the zones of zones.json', () => {
    const ids = (json as { scenes: { id: string }[] }).scenes.map((scene) => scene.id);
    expect(scenes.map((scene) => scene.id)).toEqual(ids);
  });

  it('opens on the Hauts-de-France view and ends on the funding summary', () => {
    expect(scenes[0]?.view).toBe('hdf');
    expect(scenes.at(-1)?.summary).toBe(true);
    expect(scenes.filter((scene) => scene.summary)).toHaveLength(1);
  });

  it('shows the NPNRU quarters, then spotlights each département of zones.json that has some', () => {
    const npnru = scenes.findIndex((scene) => scene.filter?.programmes?.includes('npnru'));
    expect(npnru).toBeGreaterThanOrEqual(0);
    const spotlit = new Set(scenes.slice(npnru).flatMap((scene) => scene.spotlight ?? []));
    const withQuarters = zones.filter((z) => z.kind === 'quarter' && z.programmes.includes('npnru'));
    for (const { departement } of withQuarters) expect(spotlit, departement).toContain(departement);
  });

  it('puts the acceleration territories on the France view', () => {
    const scene = scenes.find((candidate) => candidate.layers?.includes('territories'));
    expect(scene?.view).toBe('france');
  });

  it('spotlights the départements that the poverty measures of measures.json name', () => {
    const named = measures
      .filter((measure) => measure.programme === 'strategie-pauvrete')
      .flatMap((measure) =>
        measure.appliesTo.flatMap((target) => ('departements' in target ? target.departements : []))
      );
    expect(named.length).toBeGreaterThan(0);
    const scene = scenes.find((candidate) => candidate.filter?.programmes?.includes('strategie-pauvrete'));
    expect(scene?.spotlight?.toSorted()).toEqual([...new Set(named)].sort());
  });

  it('writes French amounts and numbers with no-break spaces', () => {
    for (const scene of scenes) {
      expect(scene.caption).not.toMatch(/\d (?:\d|Md€|M€|€)/);
    }
  });
});

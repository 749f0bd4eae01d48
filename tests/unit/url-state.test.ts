import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYERS,
  canonicalState,
  defaultState,
  parseHashView,
  parseLink,
  parseState,
  qpvLinkProblem,
  serialiseState
} from '../../src/lib/url/state';
import type { KnownValues } from '../../src/lib/url/state';
import { ignoredLinkMessage } from '../../src/lib/url/report';
import { LAYER_IDS, PANELS, PROGRAMMES } from '../../src/lib/types';
import type { AppState } from '../../src/lib/types';

// One id with characters that must be percent-encoded, to prove the codec escapes them.
const zoneIds = ['mons-nouveau-mons', 'lens-cite', 'nord', 'a b&c=d,é+%'];
const communeCodes = ['59410', '62498', '2A004'];
const epciCodes = ['246200364', '245900410'];
const departementCodes = ['02', '59', '60', '62', '80', '93', '2A'];
// The filter offers only EPCIs holding a zone: fewer than those drawn.
const filterEpciCodes = ['246200364', '200041762'];
const qpvCodes = ['QP059071', 'QP02A001', 'QP971002'];
const known: KnownValues = {
  zoneIds: new Set(zoneIds),
  communeCodes: new Set(communeCodes),
  epciCodes: new Set(epciCodes),
  qpvCodes: new Set(qpvCodes),
  departementCodes: new Set(departementCodes),
  filterEpciCodes: new Set(filterEpciCodes),
  sceneCount: 6
};

const parse = (query: string) => parseState(new URLSearchParams(query), known);

function state(
  partial: Partial<Omit<AppState, 'filter'>> & { filter?: Partial<AppState['filter']> }
): AppState {
  const base = defaultState();
  return { ...base, ...partial, filter: { ...base.filter, ...partial.filter } };
}

describe('defaultState', () => {
  it('shows every layer except communes and EPCIs, with no filter and no selection', () => {
    expect(defaultState()).toEqual({
      filter: { programmes: [], mode: 'any', departements: [], epci: null },
      layers: LAYER_IDS.filter((id) => id !== 'communes' && id !== 'epci'),
      zone: null,
      commune: null,
      epci: null,
      qpv: null,
      panel: null,
      dimOutsideFilter: false,
      qpvFrance: false,
      present: false,
      scene: 0,
      embed: false
    });
  });
});

describe('serialiseState', () => {
  it('writes the default state as an empty string', () => {
    expect(serialiseState(defaultState())).toBe('');
  });

  it('writes every parameter in a fixed order, lists comma-separated and the scene 1-based', () => {
    const s = state({
      scene: 2,
      present: true,
      panel: 'list',
      layers: ['qpv', 'quarters'],
      filter: {
        departements: ['62', '59'],
        mode: 'all',
        programmes: ['habitat-indigne', 'npnru'],
        epci: '200041762'
      },
      commune: '59410',
      epci: '246200364',
      zone: 'mons-nouveau-mons'
    });
    expect(serialiseState(s)).toBe(
      'zone=mons-nouveau-mons&commune=59410&epci=246200364&prog=npnru,habitat-indigne&mode=all&dep=59,62' +
        '&interco=200041762&layers=quarters,qpv&panel=list&present=1&scene=3'
    );
  });

  it('omits default layers given in another order', () => {
    expect(serialiseState(state({ layers: [...DEFAULT_LAYERS].reverse() }))).toBe('');
  });

  it('writes "layers=none" when every layer is off', () => {
    expect(serialiseState(state({ layers: [] }))).toBe('layers=none');
  });

  it('writes mode=all even without programmes so the choice survives a reload', () => {
    expect(serialiseState(state({ filter: { mode: 'all' } }))).toBe('mode=all');
  });

  it('percent-encodes ids with reserved characters', () => {
    expect(serialiseState(state({ zone: 'a b&c=d,é+%' }))).toBe('zone=a%20b%26c%3Dd,%C3%A9%2B%25');
    expect(parse(serialiseState(state({ zone: 'a b&c=d,é+%' }))).zone).toBe('a b&c=d,é+%');
  });
});

describe('parseState', () => {
  it('reads the empty query string as the default state', () => {
    expect(parse('')).toEqual(defaultState());
  });

  it('reads every parameter', () => {
    expect(
      parse(
        'zone=nord&commune=62498&epci=245900410&prog=logement,npnru&mode=all&dep=93,59&interco=246200364&layers=region&panel=filters&present=1&scene=6'
      )
    ).toEqual(
      state({
        zone: 'nord',
        commune: '62498',
        epci: '245900410',
        filter: {
          programmes: ['npnru', 'logement'],
          mode: 'all',
          departements: ['59', '93'],
          epci: '246200364'
        },
        layers: ['region'],
        panel: 'filters',
        present: true,
        scene: 5
      })
    );
  });

  it('opens a QPV the data holds and keeps the rest of the link', () => {
    expect(parse('qpv=QP059071&dep=59&layers=qpv').qpv).toBe('QP059071');
    expect(parse('qpv=QP059071&dep=59&layers=qpv')).toMatchObject({
      filter: { departements: ['59'] },
      layers: ['qpv']
    });
    expect(serialiseState(state({ qpv: 'QP02A001' }))).toBe('qpv=QP02A001');
  });

  it('reads and writes the spotlight option as spot=1', () => {
    expect(parse('spot=1').dimOutsideFilter).toBe(true);
    expect(parse('spot=yes').dimOutsideFilter).toBe(false);
    expect(serialiseState(state({ dimOutsideFilter: true }))).toBe('spot=1');
  });

  it('reads and writes the all-of-France choice of the QPV layer as qpvfr=1', () => {
    expect(parse('qpvfr=1').qpvFrance).toBe(true);
    expect(parse('qpvfr=yes').qpvFrance).toBe(false);
    expect(serialiseState(state({ qpvFrance: true }))).toBe('qpvfr=1');
  });

  it('drops an unknown or malformed QPV code but keeps the rest of the link', () => {
    const unknown = parse('qpv=QP062001&dep=59&panel=layers');
    expect(unknown.qpv).toBeNull();
    expect(unknown.filter.departements).toEqual(['59']);
    expect(unknown.panel).toBe('layers');
    expect(parse('qpv=qp059071').qpv).toBeNull();
  });

  it('drops an EPCI the atlas does not draw', () => {
    expect(parse('epci=200000000').epci).toBeNull();
    expect(parse('epci=246200364').epci).toBe('246200364');
  });

  it('keeps a filter EPCI only when it holds a zone, apart from the EPCI whose sheet is open', () => {
    expect(parse('interco=200041762').filter.epci).toBe('200041762');
    // Drawn (its sheet may open) but holding no zone: not a filter option.
    expect(parse('interco=245900410').filter.epci).toBeNull();
    expect(parse('interco=200000000&dep=59').filter).toEqual({
      ...defaultState().filter,
      departements: ['59']
    });
    expect(parse('interco=&interco=246200364').filter.epci).toBe('246200364');
    expect(parse('epci=245900410').filter.epci).toBeNull();
  });

  it('accepts a leading question mark as given by location.search', () => {
    expect(parse('?zone=nord').zone).toBe('nord');
  });

  it('reads "layers=none" as every layer off', () => {
    expect(parse('layers=none').layers).toEqual([]);
  });

  it('reads present=true and present=1 as presentation mode, anything else as not', () => {
    expect(parse('present=true').present).toBe(true);
    expect(parse('present=1').present).toBe(true);
    expect(parse('present=yes').present).toBe(false);
    expect(parse('present=0').present).toBe(false);
  });

  it('clamps the scene to the existing scenes', () => {
    expect(parse('scene=1').scene).toBe(0);
    expect(parse('scene=0').scene).toBe(0);
    expect(parse('scene=99').scene).toBe(5);
    expect(parse('scene=' + '9'.repeat(200)).scene).toBe(5);
  });

  it('ignores a scene that is not a positive whole number', () => {
    for (const bad of ['-1', '2.5', '1e3', 'deux', ' 2', '0x2', 'Infinity']) {
      expect(parse(`scene=${bad}`).scene).toBe(0);
    }
  });

  it('puts the scene at 0 when there are no scenes or the count is not a number', () => {
    expect(parseState(new URLSearchParams('scene=4'), { ...known, sceneCount: 0 }).scene).toBe(0);
    expect(parseState(new URLSearchParams('scene=4'), { ...known, sceneCount: Number.NaN }).scene).toBe(0);
  });

  it('falls back to the default layers when no listed layer is known', () => {
    expect(parse('layers=satellite,terrain').layers).toEqual([...DEFAULT_LAYERS]);
  });

  it('tolerates spaces around list items', () => {
    expect(parse('prog=npnru,%20logement&dep=59%20,62').filter).toEqual({
      programmes: ['npnru', 'logement'],
      mode: 'any',
      departements: ['59', '62'],
      epci: null
    });
  });

  it('deduplicates list items', () => {
    expect(parse('prog=npnru,npnru&dep=59,59').filter).toMatchObject({
      programmes: ['npnru'],
      departements: ['59']
    });
  });

  it('returns fresh lists that do not alias the default layers', () => {
    const s = parse('');
    s.layers.push('communes');
    expect(DEFAULT_LAYERS).not.toContain('communes');
  });

  // Every bad value is followed by valid ones: the rest of the state must survive.
  const rest = 'commune=59410&layers=quarters,qpv';
  const restState = { commune: '59410', layers: ['quarters', 'qpv'] } as const;
  const junk = 'x'.repeat(10 * 1024);
  it.each<[string, string, Parameters<typeof state>[0]]>([
    [
      'an unknown programme is dropped, the others kept',
      'prog=npnru,foo,habitat-indigne',
      {
        filter: { programmes: ['npnru', 'habitat-indigne'] }
      }
    ],
    [
      'a script as zone gives no zone',
      'zone=<script>alert(1)</script>&prog=npnru',
      {
        filter: { programmes: ['npnru'] }
      }
    ],
    [
      'an encoded script as zone gives no zone',
      'zone=%3Cscript%3Ealert(1)%3C%2Fscript%3E&panel=list',
      {
        panel: 'list'
      }
    ],
    ['a camera parameter in the query is ignored', 'zoom=1e9&lat=1e9&zone=nord', { zone: 'nord' }],
    [
      'the first valid zone of repeated ones wins',
      'zone=nope&zone=lens-cite&zone=nord',
      { zone: 'lens-cite' }
    ],
    [
      'the first valid programme list wins',
      'prog=foo&prog=logement&prog=npnru',
      {
        filter: { programmes: ['logement'] }
      }
    ],
    ['the first valid mode wins', 'mode=ALL&mode=all&mode=any', { filter: { mode: 'all' } }],
    ['10 KB of junk as a value is ignored', `zone=${junk}&zone=nord&prog=${junk},npnru`, { zone: 'nord' }],
    [
      '10 KB of junk as a parameter name is ignored',
      `${junk}=1&dep=59`,
      { filter: { departements: ['59'] } }
    ],
    ['empty values are ignored', 'zone=&prog=&mode=&dep=&panel=&present=&scene=', {}],
    ['names without values are ignored', 'zone&prog&present&scene&dep', {}],
    [
      'broken percent-encoding is dropped',
      'zone=%E0%A4%A&prog=%E0%A4%A,npnru&dep=%&panel=%zz',
      {
        filter: { programmes: ['npnru'] }
      }
    ],
    [
      'an unknown département is dropped, the others kept',
      'dep=59,99,<b>,62',
      {
        filter: { departements: ['59', '62'] }
      }
    ],
    ['an unknown panel gives no panel', 'panel=admin&present=1', { present: true }],
    ['an unknown mode keeps mode any', 'mode=none&scene=2', { scene: 1 }],
    ['stray separators are ignored', '&&&===&zone=nord&&', { zone: 'nord' }],
    ['a programme list of commas only is ignored', 'prog=,,,', {}],
    [
      'a value of exactly 200 characters is still read',
      `zone=${'y'.repeat(200)}&panel=list`,
      { panel: 'list' }
    ]
  ])('%s', (_name, query, expected) => {
    expect(parse(`${query}&${rest}`)).toEqual(
      state({ ...restState, layers: [...restState.layers], ...expected })
    );
  });

  it('ignores a value longer than 200 characters even when it is a known id', () => {
    const longId = 'z'.repeat(201);
    const k = { ...known, zoneIds: new Set([longId]) };
    expect(parseState(new URLSearchParams(`zone=${longId}`), k).zone).toBeNull();
    const exactId = 'z'.repeat(200);
    expect(
      parseState(new URLSearchParams(`zone=${exactId}`), { ...k, zoneIds: new Set([exactId]) }).zone
    ).toBe(exactId);
  });
});

const validState: fc.Arbitrary<AppState> = fc.record({
  filter: fc.record({
    programmes: fc.array(fc.constantFrom(...PROGRAMMES), { maxLength: 10 }),
    mode: fc.constantFrom('any' as const, 'all' as const),
    departements: fc.array(fc.constantFrom(...departementCodes), { maxLength: 10 }),
    epci: fc.option(fc.constantFrom(...filterEpciCodes), { nil: null })
  }),
  layers: fc.array(fc.constantFrom(...LAYER_IDS), { maxLength: 8 }),
  zone: fc.option(fc.constantFrom(...zoneIds), { nil: null }),
  commune: fc.option(fc.constantFrom(...communeCodes), { nil: null }),
  epci: fc.option(fc.constantFrom(...epciCodes), { nil: null }),
  qpv: fc.option(fc.constantFrom(...qpvCodes), { nil: null }),
  panel: fc.option(fc.constantFrom(...PANELS), { nil: null }),
  dimOutsideFilter: fc.boolean(),
  qpvFrance: fc.boolean(),
  present: fc.boolean(),
  scene: fc.integer({ min: 0, max: known.sceneCount - 1 }),
  embed: fc.boolean()
});

// Fragments that build near-valid query strings, to reach deeper than random text.
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom('&', '=', ',', '?', '#', '%', '%E0%A4%A', '%00', '+', ' ', '\u0000', '\uD800'),
  fc.constantFrom(
    'zone',
    'commune',
    'epci',
    'qpv',
    'qpvfr',
    'prog',
    'mode',
    'dep',
    'interco',
    'layers',
    'panel',
    'present',
    'scene',
    'none'
  ),
  fc.constantFrom(
    ...zoneIds,
    ...communeCodes,
    ...epciCodes,
    ...qpvCodes,
    'QP062001',
    ...filterEpciCodes,
    ...departementCodes,
    ...PROGRAMMES,
    ...LAYER_IDS,
    ...PANELS
  ),
  fc.constantFrom('any', 'all', '1', 'true', '0', '-1', '1e9', 'NaN', '2.5'),
  fc.integer().map(String)
);
const queryLike = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''))
);

function onlyKnownValues(s: AppState): void {
  if (s.zone !== null) expect(known.zoneIds.has(s.zone)).toBe(true);
  if (s.commune !== null) expect(known.communeCodes.has(s.commune)).toBe(true);
  if (s.epci !== null) expect(known.epciCodes.has(s.epci)).toBe(true);
  if (s.qpv !== null) expect(known.qpvCodes.has(s.qpv)).toBe(true);
  for (const p of s.filter.programmes) expect(PROGRAMMES).toContain(p);
  for (const d of s.filter.departements) expect(known.departementCodes.has(d)).toBe(true);
  if (s.filter.epci !== null) expect(known.filterEpciCodes.has(s.filter.epci)).toBe(true);
  for (const l of s.layers) expect(LAYER_IDS).toContain(l);
  expect(['any', 'all']).toContain(s.filter.mode);
  if (s.panel !== null) expect(PANELS).toContain(s.panel);
  expect(typeof s.present).toBe('boolean');
  expect(typeof s.qpvFrance).toBe('boolean');
  expect(Number.isInteger(s.scene) && s.scene >= 0 && s.scene < known.sceneCount).toBe(true);
  expect(s).toEqual(canonicalState(s));
}

describe('URL state properties', () => {
  it('parsing a serialised valid state gives the state back, lists in canonical order', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expect(parse(serialiseState(s))).toEqual(canonicalState(s));
      }),
      { numRuns: 1000 }
    );
  });

  it('serialising is stable: a parsed state serialises to the same string', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const query = serialiseState(s);
        expect(serialiseState(parse(query))).toBe(query);
      })
    );
  });

  it('any query string parses without throwing into a state made only of known values', () => {
    fc.assert(
      fc.property(queryLike, (query) => {
        onlyKnownValues(parse(query));
      }),
      { numRuns: 2000 }
    );
  });
});

describe('qpvLinkProblem', () => {
  const problem = (query: string) => qpvLinkProblem(new URLSearchParams(query), known);

  it('names a code the data does not hold as unknown, and any other value as malformed', () => {
    expect(problem('qpv=QP062001')).toEqual({ kind: 'unknown', value: 'QP062001' });
    expect(problem('qpv=lille-sud')).toEqual({ kind: 'malformed', value: 'lille-sud' });
    expect(problem('qpv=')).toEqual({ kind: 'malformed', value: '' });
  });

  it('reports nothing when the link names no QPV or one that opens', () => {
    expect(problem('zone=nord')).toBeNull();
    expect(problem('qpv=QP059071')).toBeNull();
  });

  it('shortens a long value in the message', () => {
    expect(problem(`qpv=${'x'.repeat(500)}`)?.value).toBe(`${'x'.repeat(40)}…`);
  });

  it('a bad QPV value added to any valid link loses nothing else of it, and is always reported', () => {
    const bad = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('QP062001', 'QP0590711', 'qp059071'));
    fc.assert(
      fc.property(validState, bad, (s, value) => {
        fc.pre(!known.qpvCodes.has(value));
        const withoutQpv = { ...s, qpv: null };
        const query = serialiseState(withoutQpv);
        const params = new URLSearchParams(query);
        params.append('qpv', value);
        expect(parseState(params, known)).toEqual(canonicalState(withoutQpv));
        expect(qpvLinkProblem(params, known)?.kind).toBe(
          /^QP(?:\d{3}|02[AB])\d{3}$/.test(value.trim()) ? 'unknown' : 'malformed'
        );
      }),
      { numRuns: 500 }
    );
  });
});

describe('canonicalState', () => {
  it('orders and deduplicates lists without touching other fields', () => {
    const s = state({
      zone: 'nord',
      layers: ['region', 'quarters', 'region'],
      filter: { programmes: ['logement', 'npnru', 'logement'], departements: ['62', '02', '62'] }
    });
    expect(canonicalState(s)).toEqual(
      state({
        zone: 'nord',
        layers: ['quarters', 'region'],
        filter: { programmes: ['npnru', 'logement'], departements: ['02', '62'] }
      })
    );
  });
});

describe('parseHashView', () => {
  it("reads MapLibre's zoom/lat/lng hash", () => {
    expect(parseHashView('#12.5/50.6292/3.0573')).toEqual({ zoom: 12.5, lat: 50.6292, lng: 3.0573 });
  });

  it('accepts the hash without its #, and with bearing and pitch', () => {
    expect(parseHashView('8/50/2.5')).toEqual({ zoom: 8, lat: 50, lng: 2.5 });
    expect(parseHashView('#8/50/2.5/30/45')).toEqual({ zoom: 8, lat: 50, lng: 2.5 });
  });

  it('accepts negative coordinates', () => {
    expect(parseHashView('#3/-21.1/-55.5')).toEqual({ zoom: 3, lat: -21.1, lng: -55.5 });
  });

  it('clamps zoom, latitude and longitude to the ranges the map accepts', () => {
    expect(parseHashView('#1e9/50/3')).toEqual({ zoom: 22, lat: 50, lng: 3 });
    expect(parseHashView('#-4/100/200')).toEqual({ zoom: 0, lat: 85, lng: 180 });
    expect(parseHashView('#5/-100/-200')).toEqual({ zoom: 5, lat: -85, lng: -180 });
  });

  it.each([
    ['an empty hash', ''],
    ['a bare #', '#'],
    ['two numbers', '#5/50'],
    ['more than five parts', '#5/50/3/0/0/9'],
    ['an empty part', '#5//3'],
    ['a word', '#abc/50/3'],
    ['NaN', '#NaN/50/3'],
    ['Infinity', '#Infinity/50/3'],
    ['a number too large to represent', `#1e999/50/3`],
    ['hexadecimal', '#0x10/50/3'],
    ['a script', '#<script>/50/3'],
    ['10 KB of junk', `#5/50/3${'0'.repeat(10 * 1024)}`],
    ['a named-hash form', '#map=5/50/3']
  ])('returns null for %s', (_name, hash) => {
    expect(parseHashView(hash)).toBeNull();
  });

  it('never throws and returns either null or numbers within range', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.oneof(fc.double().map(String), fc.string()), { maxLength: 6 }).map((a) => a.join('/'))
        ),
        (hash) => {
          const view = parseHashView(hash);
          if (view === null) return;
          expect(view.zoom).toBeGreaterThanOrEqual(0);
          expect(view.zoom).toBeLessThanOrEqual(22);
          expect(Math.abs(view.lat)).toBeLessThanOrEqual(85);
          expect(Math.abs(view.lng)).toBeLessThanOrEqual(180);
        }
      ),
      { numRuns: 1000 }
    );
  });
});

describe('parseLink: what a link said that was ignored', () => {
  const ignored = (query: string) => parseLink(new URLSearchParams(query), known).ignored;

  it('reports nothing for a link the atlas wrote', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expect(ignored(serialiseState(s))).toEqual([]);
      }),
      { numRuns: 500 }
    );
  });

  it('names an unknown zone and keeps the rest of the link', () => {
    const link = parseLink(new URLSearchParams('zone=xyz&dep=59'), known);
    expect(link.ignored).toEqual([{ param: 'zone', value: 'xyz', reason: 'unknown-value' }]);
    expect(link.state.zone).toBeNull();
    expect(link.state.filter.departements).toEqual(['59']);
  });

  it('names each bad item of a list, keeping the good ones', () => {
    const link = parseLink(new URLSearchParams('prog=npnru,banlieue&layers=qpv,satellite,&dep=59,99'), known);
    expect(link.ignored).toEqual([
      { param: 'prog', value: 'banlieue', reason: 'unknown-value' },
      { param: 'dep', value: '99', reason: 'unknown-value' },
      { param: 'layers', value: 'satellite', reason: 'unknown-value' }
    ]);
    expect(link.state.filter.programmes).toEqual(['npnru']);
    expect(link.state.layers).toEqual(['qpv']);
  });

  it('names a parameter the atlas does not read, but not the tracking ones chats add', () => {
    expect(ignored('zonne=nord&utm_source=mail&fbclid=abc')).toEqual([
      { param: 'zonne', value: '', reason: 'unknown-parameter' }
    ]);
  });

  it('names a scene past the last one, and a malformed flag', () => {
    expect(ignored('present=1&scene=40&spot=oui')).toEqual([
      { param: 'spot', value: 'oui', reason: 'unknown-value' },
      { param: 'scene', value: '40', reason: 'unknown-value' }
    ]);
    expect(ignored('present=1&scene=6')).toEqual([]);
  });

  it('reports a value too long to be an id, shortened', () => {
    expect(ignored(`zone=${'x'.repeat(300)}`)).toEqual([
      { param: 'zone', value: `${'x'.repeat(40)}…`, reason: 'too-long' }
    ]);
  });
});

describe('ignoredLinkMessage', () => {
  const message = (query: string) => ignoredLinkMessage(parseLink(new URLSearchParams(query), known).ignored);

  it('says nothing when everything was understood', () => {
    expect(message('zone=nord')).toBe('');
  });

  it('names what was ignored in French and says the default is shown', () => {
    expect(message('zone=xyz')).toBe(
      "Lien partiellement compris : la zone « xyz » n'existe pas ; affichage par défaut."
    );
    expect(message('prog=banlieue&foo=1')).toBe(
      "Lien partiellement compris : le programme « banlieue » n'existe pas ; le paramètre « foo » n'est pas connu ; affichage par défaut."
    );
  });

  it('lists at most four things and counts the rest', () => {
    expect(message('dep=91,92,94,95,96,97')).toMatch(
      /« 95 » n'existe pas ; 2 autres éléments non compris ; affichage par défaut\.$/
    );
  });
});

// The page's state owner, driven like the page drives it: actions write the URL, the state
// is read back from it. Runes compile here because of the `.svelte.test.ts` name.
import { describe, expect, it } from 'vitest';
import { AtlasState } from '../../src/lib/app/atlas-state.svelte';
import type { Places } from '../../src/lib/types';
import { fixtureAtlas, fixturePlaces, fixtureQpvs } from './fixtures/atlas';

/** A state owner over the fixture atlas, with a URL that navigation really changes. */
function setUp(path = '/', extraQuarters: string[] = []) {
  const data = {
    ...fixtureAtlas(extraQuarters),
    loadPlaces: (): Promise<Places> => Promise.resolve(fixturePlaces),
    loadQpvs: () => Promise.resolve(fixtureQpvs)
  };
  let url = $state(new URL(path, 'http://atlas.test'));
  const app = new AtlasState({
    data: () => data,
    url: () => url,
    goto: async (query, { replaceState }) => {
      url = new URL(`/${query ? `?${query}` : ''}${url.hash}`, url);
      calls.push({ query, replaceState });
    }
  });
  const calls: { query: string; replaceState: boolean }[] = [];
  return { app, calls, url: () => url };
}

/** Lets the lists the page asks for after its first picture arrive (they resolve at once here). */
async function loadLists(app: AtlasState): Promise<void> {
  app.loadCommunes();
  await new Promise((resolve) => setTimeout(resolve));
}

describe('the page state owner', () => {
  it('a fresh visit frames the region at once; a linked zone frames that zone', () => {
    expect(setUp('/').app.frame).toMatchObject({
      preset: 'start',
      target: {
        bounds: [
          [1.38, 48.83],
          [4.26, 51.09]
        ]
      }
    });
    const linked = setUp('/?zone=beta').app;
    expect(linked.frame?.preset).toBe('start');
    expect(linked.frame?.target).toEqual({
      bounds: [
        [3.5, 50.3],
        [3.5 + 0.05, 50.3 + 0.05]
      ]
    });
  });

  it('of a sheet and a panel sharing one side of the map, the one opened last lies on top', async () => {
    const { app } = setUp('/?zone=alpha');
    expect(app.panelOnTop).toBe(false);
    await app.togglePanel('filters');
    expect(app.panelOnTop).toBe(true);
    await app.selectZone('beta');
    expect(app.panelOnTop).toBe(false);
    // The panel's button first brings it back over the sheet, then closes it.
    await app.togglePanel('filters');
    expect(app.state.panel).toBe('filters');
    expect(app.panelOnTop).toBe(true);
    await app.togglePanel('filters');
    expect(app.state.panel).toBeNull();
  });

  it('Escape closes what lies on top: a panel opened over a sheet, then the sheet', async () => {
    const { app } = setUp('/?zone=alpha');
    await app.togglePanel('filters');
    expect(app.escape()).toBe('panel');
    await Promise.resolve();
    expect(app.state.panel).toBeNull();
    expect(app.state.zone).toBe('alpha');
    expect(app.escape()).toBe('sheet');
    await Promise.resolve();
    expect(app.state.zone).toBeNull();
    // Nothing left to close: a panel alone stays open.
    await app.togglePanel('layers');
    expect(app.escape()).toBeNull();
    expect(app.state.panel).toBe('layers');
  });

  it('Escape closes a sheet that lies over a panel, and leaves the panel open', async () => {
    const { app } = setUp('/?panel=filters&zone=alpha');
    expect(app.escape()).toBe('sheet');
    await Promise.resolve();
    expect(app.state.zone).toBeNull();
    expect(app.state.panel).toBe('filters');
  });

  it('a linked commune or EPCI is framed once the place list has loaded', async () => {
    for (const [path, preset, bounds] of [
      [
        '/?commune=59350',
        'commune',
        [
          [2.97, 50.6],
          [3.12, 50.66]
        ]
      ],
      [
        '/?epci=200093201',
        'epci',
        [
          [2.8, 50.5],
          [3.3, 50.8]
        ]
      ]
    ] as const) {
      const { app } = setUp(path);
      expect(app.frame?.preset, path).toBe('start');
      app.loadCommunes();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(app.frame, path).toMatchObject({ preset, target: { bounds } });
    }
  });

  it('a linked commune is not framed when the user asked for another frame first, nor with a camera in the link', async () => {
    const moved = setUp('/?commune=59350').app;
    moved.showView('france');
    moved.loadCommunes();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(moved.frame?.preset).toBe('view');
    const withCamera = setUp('/?commune=59350#9/50.5/3').app;
    withCamera.loadCommunes();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(withCamera.frame).toBeNull();
  });

  it('a camera in the link wins: no first frame request', () => {
    expect(setUp('/#9/50.5/3').app.frame).toBeNull();
  });

  it('selecting a zone from the list opens its sheet, then frames it once the sheet is shown', async () => {
    const { app, url } = setUp('/?panel=list');
    const before = app.frame!.key;
    await app.selectZone('alpha', { frame: true });
    expect(url().searchParams.get('zone')).toBe('alpha');
    expect(app.selectedZone?.id).toBe('alpha');
    expect(app.frame).toMatchObject({ preset: 'zone' });
    expect(app.frame!.key).toBeGreaterThan(before);
  });

  it('a click on the map selects the smallest zone and offers the others, without moving the camera', async () => {
    const { app } = setUp('/');
    const before = app.frame;
    app.pick({ zones: ['alpha', 'lhi-93'], qpv: null });
    await Promise.resolve();
    expect(app.state.zone).toBe('alpha');
    expect(app.others).toEqual(['lhi-93']);
    expect(app.frame).toBe(before);
  });

  it('a link to a QPV opens its sheet and frames its contour once the QPV list has loaded', async () => {
    const { app } = setUp('/?qpv=QP059002&dep=59');
    expect(app.state.filter.departements).toEqual(['59']);
    expect(app.frame?.preset).toBe('start');
    expect(app.linkNotice).toBe('');
    await loadLists(app);
    expect(app.selectedQpv?.name).toBe('Autre QPV');
    expect(app.frame?.preset).toBe('qpv');
    expect(app.frame?.target).toEqual({
      bounds: [
        [3.1, 50.68],
        [3.1 + 0.02, 50.68 + 0.02]
      ]
    });
    expect(app.linkNotice).toBe('');
  });

  it('a link to a QPV the data lacks says so once the QPV list has loaded, and keeps the rest of the link', async () => {
    const { app } = setUp('/?qpv=QP062001&zone=beta&panel=layers');
    expect(app.linkNotice).toBe('');
    await loadLists(app);
    expect(app.selectedQpv).toBeUndefined();
    expect(app.state.zone).toBe('beta');
    expect(app.state.panel).toBe('layers');
    expect(app.linkNotice).toContain('aucun QPV « QP062001 »');
    expect(app.linkNotice).toContain('2 QPV, dont 1 du NPNRU (département : Nord)');
    expect(setUp('/?qpv=Lille').app.linkNotice).toContain("« Lille » n'est pas un code QPV");
  });

  it('a click on a QPV smaller than the zones there opens its sheet without moving the camera', async () => {
    const { app, url } = setUp('/?zone=alpha');
    await loadLists(app);
    const before = app.frame;
    app.pick({ zones: ['lhi-93'], qpv: 'QP059002' });
    await Promise.resolve();
    expect(url().searchParams.get('qpv')).toBe('QP059002');
    expect(app.state.zone).toBeNull();
    expect(app.frame).toBe(before);
    // Escape closes it like any sheet.
    app.escape();
    await Promise.resolve();
    expect(app.state.qpv).toBeNull();
  });

  it('choosing a QPV in search opens its sheet and frames it; its quarter link opens the zone', async () => {
    const { app } = setUp('/');
    await loadLists(app);
    await app.chooseResult({ type: 'qpv', id: 'QP059001', label: 'Alpha QPV', detail: '' });
    expect(app.state.qpv).toBe('QP059001');
    expect(app.frame?.preset).toBe('qpv');
    await app.selectZone('alpha', { frame: true });
    expect(app.state).toMatchObject({ zone: 'alpha', qpv: null });
  });

  it('offers all of France for the QPVs only when the data holds some outside the region', async () => {
    const { app } = setUp('/?qpvfr=1');
    expect(app.qpvFranceOffered).toBe(false);
    // Not offered: the region's QPVs only, whatever the link says.
    expect(app.qpvDepartements).toEqual(['059', '062', '080']);

    // What the build says the QPV data holds (atlas.json qpvCoverage), here one QPV outside.
    const fixture = fixtureAtlas();
    fixture.atlas.qpvCoverage = { count: 3, npnru: 2, departements: ['59', '93'], outsideRegion: 1 };
    let url = $state(new URL('/', 'http://atlas.test'));
    const national = new AtlasState({
      data: () => ({
        ...fixture,
        loadPlaces: () => Promise.resolve(fixturePlaces),
        loadQpvs: () => Promise.resolve(fixtureQpvs)
      }),
      url: () => url,
      goto: async (query) => {
        url = new URL(`/?${query}`, url);
      }
    });
    expect(national.qpvFranceOffered).toBe(true);
    expect(national.qpvHolds).toBe('3 QPV, dont 2 du NPNRU (départements : Nord et Seine-Saint-Denis).');
    expect(national.qpvDepartements).toEqual(['059', '062', '080']);
    await national.setQpvFrance(true);
    expect(url.searchParams.get('qpvfr')).toBe('1');
    expect(national.qpvDepartements).toEqual([]);
  });

  it('the layer panel says what the QPV data holds, here nothing outside the region', () => {
    expect(setUp('/').app.qpvHolds).toBe(
      '2 QPV, dont 1 du NPNRU (département : Nord). Aucun QPV hors de la région dans les données.'
    );
  });

  it('the same view asked twice makes two requests (the user may have panned in between)', () => {
    const { app } = setUp('/');
    app.showView('france');
    const first = app.frame!.key;
    app.showView('france');
    expect(app.frame!.key).toBe(first + 1);
  });

  it('toggling a panel replaces the history entry; a second toggle closes it', async () => {
    const { app, calls } = setUp('/');
    await app.togglePanel('filters');
    expect(app.state.panel).toBe('filters');
    expect(calls.at(-1)?.replaceState).toBe(true);
    await app.togglePanel('filters');
    expect(app.state.panel).toBeNull();
  });

  it('filtering narrows the zones, the counts and the sentence together', async () => {
    const { app } = setUp('/');
    expect(app.visibleZones).toHaveLength(4);
    await app.setFilter({ programmes: [], mode: 'any', departements: ['62'], epci: null });
    expect(app.visibleZones).toEqual(['gamma']);
    expect(app.zoneRows.map((row) => row.id)).toEqual(['gamma']);
    expect(app.sentence).toMatch(/^1 /);
  });

  it('a filter that empties the view frames its result and says so; one that keeps zones in view does not', async () => {
    const { app } = setUp('/');
    // Looking at alpha only (Nord).
    app.view = [
      [2.99, 50.59],
      [3.06, 50.66]
    ];
    await app.setFilter({ programmes: [], mode: 'any', departements: ['59'], epci: null });
    expect(app.frame?.preset).toBe('start');
    expect(app.notice).toBe('');
    await app.setFilter({ programmes: [], mode: 'any', departements: ['62'], epci: null });
    expect(app.frame).toMatchObject({
      preset: 'result',
      target: {
        bounds: [
          [2.8, 50.4],
          [2.8 + 0.05, 50.4 + 0.05]
        ]
      }
    });
    expect(app.notice).toMatch(/recadrée/);
  });

  it('filtering by EPCI narrows the zones, counts and sentence; the options are the EPCIs holding a zone, by name', async () => {
    const { app, url } = setUp('/');
    expect(app.epciOptions.map((o) => o.name)).toEqual([
      'CA de Lens - Liévin',
      'CA du Hainaut de test',
      'Métropole du Nord de test'
    ]);
    expect(app.counts.epcis).toEqual({ '200000001': 2, '200000002': 1, '200000003': 1 });
    await app.setFilter({ ...app.state.filter, epci: '200000002' });
    expect(url().searchParams.get('interco')).toBe('200000002');
    expect(app.visibleZones).toEqual(['beta']);
    expect(app.sentence).toBe('1 quartier NPNRU dans la CA du Hainaut de test');
    await app.resetFilter();
    expect(url().searchParams.has('interco')).toBe(false);
    expect(app.visibleZones).toHaveLength(4);
  });

  it('a link naming an EPCI that holds no zone keeps the other filters and drops it', () => {
    const { app } = setUp('/?interco=200093201&dep=59');
    expect(app.state.filter.epci).toBeNull();
    expect(app.visibleZones).toEqual(['alpha', 'beta']);
  });

  it('a zone added to the data shows in every count and layer label with no code change', async () => {
    const label = (app: AtlasState) => app.layerEntries.find((entry) => entry.id === 'quarters')?.label;
    expect(label(setUp('/').app)).toBe('Quartiers NPNRU validés (3)');
    const { app } = setUp('/', ['delta']);
    expect(app.visibleZones).toHaveLength(5);
    expect(app.counts.departements['62']).toBe(2);
    expect(app.counts.programmes.npnru).toBe(4);
    expect(label(app)).toBe('Quartiers NPNRU validés (4)');
    expect(app.layerEntries.find((entry) => entry.id === 'territories')?.label).toBe(
      "Territoires d'accélération habitat indigne (1)"
    );
  });

  it('credits the map, the layer panel and the prints from the one sources manifest', () => {
    const { app } = setUp('/');
    expect(app.attribution).toBe('IGN 2018 · ANCT QPV 2015 · INSEE, COG 2019');
    expect(app.sourceLines[0]).toBe('Lettre de test, 1er janvier 2019');
    // The QPV entry also names the file the build read (atlas.json qpvSource).
    expect(app.layerEntries.find((entry) => entry.id === 'qpv')?.source).toBe(
      'ANCT QPV 2015 ; fichier qpv-fixture.geojson — liste QPV 2015, 2 QPV, sha256 000000000000…'
    );
  });

  it('presenting shows the scene state over the explorer state and frames the scene; exiting restores the explorer', async () => {
    const { app } = setUp('/?panel=filters&dep=62');
    await app.present(1);
    expect(app.scene?.id).toBe('alpha');
    expect(app.state.zone).toBe('alpha');
    expect(app.state.filter.departements).toEqual([]);
    expect(app.frame).toMatchObject({ preset: 'scene', target: { center: [3.02, 50.62], zoom: 11 } });
    await app.exitPresentation();
    expect(app.state.present).toBe(false);
    expect(app.state.panel).toBe('filters');
    expect(app.state.filter.departements).toEqual(['62']);
    // Back on the region: the scene's camera is not left behind.
    expect(app.frame).toMatchObject({
      preset: 'view',
      target: {
        bounds: [
          [1.38, 48.83],
          [4.26, 51.09]
        ]
      }
    });
  });

  it('a scene link frames its scene on arrival', () => {
    expect(setUp('/?present=1&scene=2').app.frame).toMatchObject({ preset: 'scene', target: { zoom: 11 } });
  });

  it('Escape closes the open sheet in the explorer, not in presentation', async () => {
    const { app } = setUp('/?zone=alpha');
    app.escape();
    await Promise.resolve();
    expect(app.state.zone).toBeNull();
    const presenting = setUp('/?present=1&scene=2').app;
    presenting.escape();
    await Promise.resolve();
    expect(presenting.state.zone).toBe('alpha');
  });

  it('a commune from search opens its sheet once the commune list is loaded', async () => {
    const { app } = setUp('/');
    app.loadCommunes();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await app.chooseResult({ type: 'commune', id: '59350', label: 'Lille', detail: 'Nord' });
    expect(app.selectedCommune?.name).toBe('Lille');
    expect(app.frame?.preset).toBe('commune');
  });
});

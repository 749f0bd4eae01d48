// The page's state owner, driven like the page drives it: actions write the URL, the state
// is read back from it. Runes compile here because of the `.svelte.test.ts` name.
import { describe, expect, it } from 'vitest';
import { AtlasState } from '../../src/lib/app/atlas-state.svelte';
import type { Places } from '../../src/lib/types';
import { fixtureAtlas, fixturePlaces } from './fixtures/atlas';

/** A state owner over the fixture atlas, with a URL that navigation really changes. */
function setUp(path = '/', extraQuarters: string[] = []) {
  const data = {
    ...fixtureAtlas(extraQuarters),
    loadPlaces: (): Promise<Places> => Promise.resolve(fixturePlaces)
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
    app.pick(['alpha', 'lhi-93']);
    await Promise.resolve();
    expect(app.state.zone).toBe('alpha');
    expect(app.others).toEqual(['lhi-93']);
    expect(app.frame).toBe(before);
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
    expect(app.layerEntries.find((entry) => entry.id === 'qpv')?.source).toBe('ANCT QPV 2015');
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

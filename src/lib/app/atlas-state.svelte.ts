// The one owner of the page's state. The URL is the shared state: this class reads it
// (with the presentation scene's override), derives what the panels show, and offers the
// user's actions as methods that write the URL. It also issues the camera's frame requests,
// which <AtlasMap> alone applies. The page only lays components out around it.
import type { Feature, Geometry } from 'geojson';
import type {
  AppState,
  AtlasData,
  CommunePlace,
  EpciPlace,
  FilterState,
  LayerId,
  Panel,
  Places,
  QpvPlace,
  View,
  ZoneKind
} from '$lib/types';
import { LAYER_IDS, PROGRAMMES } from '$lib/types';
import type { MapGeodata } from '$lib/map/style';
import { defaultTheme, projectorThemeAt } from '$lib/map/theme';
import { innerWidth } from 'svelte/reactivity/window';
import { legendEntries, legendFacts } from '$lib/map/legend';
import { featureBounds, VIEW_BOUNDS } from '$lib/map/views';
import type { MapPick } from '$lib/map/pick';
import {
  overlaps,
  unionOf,
  type Bounds,
  type FramePreset,
  type FrameRequest,
  type FrameTarget
} from '$lib/map/camera';
import { buildIndex, missingListsNote, type SearchEntry } from '$lib/search/search';
import { searchEntries } from '$lib/search/entries';
import { summarise } from '$lib/summary/summary';
import { sceneCamera, sceneState } from '$lib/present/deck';
import { numberQuarters } from '$lib/present/numbering';
import { parseLink, qpvLinkProblem, serialiseState } from '$lib/url/state';
import { ignoredLinkMessage } from '$lib/url/report';
import { coverageSentence, qpvLinkMessage, shownQpvDepartements } from '$lib/qpv/qpv';
import { filterZones, nationalOnlyProgrammes, optionCounts, resetFilter } from '$lib/filters/filter';
import { describeSelection } from '$lib/filters/sentence';
import { sheetOutsideFilter, type OpenSheet } from '$lib/filters/conflict';
import type { ZoneRow } from '$lib/zones/ZoneList.svelte';
import {
  bboxBounds,
  choose,
  chooseCommune,
  chooseEpci,
  chooseQpv,
  type Choice,
  type ChoicePlaces
} from './choice';
import { indexBy, knownValues, mapAttribution, programmesByZone, sourceLines } from './lookups';
import { layerEntries } from '$lib/layer-panel/entries';

/** What the page's load function gives. */
export interface AtlasPageData {
  atlas: AtlasData;
  geodata: MapGeodata;
  /** Fetches the commune list (large: asked for once the map is drawn). */
  loadPlaces: () => Promise<Places>;
  /** Fetches the QPV list (asked for with the communes). */
  loadQpvs: () => Promise<QpvPlace[]>;
}

/** How the state owner reaches the outside world; the page passes SvelteKit's, tests pass their own. */
export interface AtlasStateDeps {
  data: () => AtlasPageData;
  /** The current URL. */
  url: () => URL;
  /** Shows the page with this query string (without '?'), keeping the camera; resolves once it is shown. */
  goto: (query: string, options: { replaceState: boolean }) => Promise<void>;
}

export class AtlasState {
  readonly #deps: AtlasStateDeps;
  #frameKey = 0;
  /**
   * A linked commune or EPCI is framed once the place list it needs has loaded, unless the
   * link carried a camera or another frame request came first.
   */
  #frameLinkedPlace = false;

  /** The latest camera request, for <AtlasMap>. */
  frame = $state.raw<FrameRequest | null>(null);
  /** Communes for search and commune sheets, once loaded. */
  communes = $state.raw<CommunePlace[]>([]);
  /** Intercommunalities (EPCI) of the region, loaded with the communes. */
  epcis = $state.raw<EpciPlace[]>([]);
  /** True when the commune list could not be loaded. */
  communesFailed = $state(false);
  /** QPVs for search, sheets and framing, once loaded (their contours are drawn from tiles). */
  qpvs = $state.raw<QpvPlace[]>([]);
  /** True once the QPV list has loaded: until then a linked QPV code is not known to be wrong. */
  qpvsLoaded = $state(false);
  /** True when the QPV list could not be loaded. */
  qpvsFailed = $state(false);
  /** Said under the search box when a list failed to load: what search cannot find. */
  readonly searchNote = $derived(missingListsNote({ communes: this.communesFailed, qpvs: this.qpvsFailed }));
  /** Zones under the last click besides the selected one, offered on the sheet. */
  others = $state.raw<string[]>([]);
  /** What the map shows, as <AtlasMap> last reported it; null before the first picture. */
  view = $state.raw<Bounds | null>(null);
  /**
   * Where a sheet and a panel share the map's left (tablets, and wide screens with both open),
   * whichever the user opened last lies on top: true when it is the panel.
   */
  panelOnTop = $state(false);
  /** Said over the map when the atlas moved the camera on its own, e.g. after a filter. */
  notice = $state('');

  readonly atlas = $derived.by(() => this.#deps.data().atlas);
  readonly geodata = $derived.by(() => this.#deps.data().geodata);

  readonly zonesById = $derived(indexBy(this.atlas.zones, (zone) => zone.id));
  readonly featuresById = $derived(indexBy(this.geodata.zones.features, (f) => f.properties.id));
  readonly communesByCode = $derived(indexBy(this.communes, (c) => c.code));
  readonly epcisByCode = $derived(indexBy(this.epcis, (e) => e.code));
  readonly qpvByCode = $derived(indexBy(this.qpvs, (qpv) => qpv.code));
  readonly #programmesByZone = $derived(programmesByZone(this.atlas));

  /** The ids and codes a link may name. */
  readonly #known = $derived(knownValues(this.atlas, this.communes, this.epcis, [...this.qpvByCode.keys()]));
  readonly #link = $derived.by(() => parseLink(this.#deps.url().searchParams, this.#known));
  /** What the link says; in presentation it keeps the explorer's state to come back to. */
  readonly linked: AppState = $derived(this.#link.state);
  /**
   * Said over the map when the link holds values the atlas ignored, '' otherwise. A commune or
   * EPCI code is judged once their list has loaded; a QPV code has its own message (linkNotice).
   */
  readonly ignoredInLink = $derived(
    ignoredLinkMessage(
      this.#link.ignored.filter(
        ({ param, reason }) =>
          reason === 'unknown-parameter' ||
          (param !== 'qpv' && ((param !== 'commune' && param !== 'epci') || this.communes.length > 0))
      )
    )
  );
  readonly #regionDepartements = $derived(this.atlas.regionDepartements[this.atlas.region.code] ?? []);
  readonly #qpvCoverage = $derived(this.atlas.qpvCoverage);
  /** True when the QPV data reaches beyond the region: the layer panel then offers all of France. */
  readonly qpvFranceOffered = $derived(this.#qpvCoverage.outsideRegion > 0);
  /** What the QPV layer holds, in one French sentence (the layer panel and link messages say it). */
  readonly qpvHolds = $derived.by(() => {
    const sentence = coverageSentence(this.#qpvCoverage, this.atlas.departements);
    return this.qpvFranceOffered ? sentence : `${sentence} Aucun QPV hors de la région dans les données.`;
  });
  /** Said over the map when the link names a QPV that does not open: what was wrong, what the data holds. */
  readonly linkNotice = $derived.by(() => {
    const problem = qpvLinkProblem(this.#deps.url().searchParams, this.#known);
    if (!problem || (problem.kind === 'unknown' && !this.qpvsLoaded && !this.qpvsFailed)) return '';
    return qpvLinkMessage(problem, this.qpvsFailed ? null : this.qpvHolds);
  });
  /** The scene shown, in presentation mode. */
  readonly scene = $derived(this.linked.present ? this.atlas.scenes[this.linked.scene] : undefined);
  /** The state on screen: a scene fully defines it, so a scene link shows the same picture. */
  readonly state: AppState = $derived(this.scene ? sceneState(this.scene, this.linked) : this.linked);
  /** The map's theme: in presentation, its names and numbers follow the window's width like the card's text. */
  readonly theme = $derived(this.state.present ? projectorThemeAt(innerWidth.current ?? 1920) : defaultTheme);
  /** Département parts of the QPV codes drawn: the region's, or all of France when offered and chosen. */
  readonly qpvDepartements = $derived(
    shownQpvDepartements(this.#regionDepartements, this.qpvFranceOffered && this.state.qpvFrance)
  );

  /** Ids of the zones the filter keeps. */
  readonly visibleZones = $derived(
    filterZones(this.atlas.zones, this.#programmesByZone, this.state.filter, this.atlas.zoneEpcis)
  );
  readonly counts = $derived(
    optionCounts(this.atlas.zones, this.#programmesByZone, this.state.filter, this.atlas.zoneEpcis)
  );
  /** One line saying what the map shows, e.g. "9 quartiers NPNRU…". */
  readonly sentence = $derived.by(() => {
    const ofKind = (kind: ZoneKind) =>
      this.visibleZones.filter((id) => this.zonesById.get(id)?.kind === kind).length;
    return describeSelection(
      this.visibleZones.length,
      this.state.filter,
      { quarter: ofKind('quarter'), 'acceleration-territory': ofKind('acceleration-territory') },
      this.atlas.departements,
      this.atlas.epcis
    );
  });

  /** The scene's numbered quarters, in number order (none outside such a scene). */
  readonly numberedQuarters = $derived(
    this.scene?.numberedQuarters
      ? numberQuarters(this.atlas.zones, this.visibleZones, this.geodata.zoneLabels)
      : []
  );

  /** Départements kept bright: the scene's (zone ids stand for their département), or the filter's. */
  readonly brightDepartements = $derived.by((): string[] => {
    if (this.scene)
      return (this.scene.spotlight ?? []).map((id) => this.zonesById.get(id)?.departement ?? id);
    return this.state.dimOutsideFilter ? this.state.filter.departements : [];
  });

  /** Every zone, commune, EPCI, QPV and département, indexed for the search box (queried by findEntries). */
  readonly searchIndex = $derived(
    buildIndex(searchEntries(this.atlas, this.communes, this.qpvs, this.epcis))
  );
  /** Programmes some measure belongs to, in the canonical order. */
  readonly presentProgrammes = $derived(
    PROGRAMMES.filter((p) => this.atlas.measures.some((m) => m.programme === p))
  );
  /** Programmes no zone counts for, their measures being national only. */
  readonly nationalOnlyProgrammes = $derived(nationalOnlyProgrammes(this.atlas.zones, this.atlas.measures));
  readonly departementOptions = $derived(
    Object.keys(this.counts.departements).map((code) => ({
      code,
      name: this.atlas.departements[code] ?? code
    }))
  );
  /** EPCIs holding a zone, by official name (French collation), for the zone filter. */
  readonly epciOptions = $derived(
    Object.keys(this.counts.epcis)
      .map((code) => ({ code, name: this.atlas.epcis[code] ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  );
  readonly zoneRows: ZoneRow[] = $derived(
    this.visibleZones.flatMap((id) => {
      const zone = this.zonesById.get(id);
      const props = this.featuresById.get(id)?.properties;
      if (!zone || !props) return [];
      return [
        {
          id,
          name: zone.name,
          kind: zone.kind,
          departementName: this.atlas.departements[zone.departement] ?? zone.departement,
          approximate: props.approximate
        }
      ];
    })
  );
  readonly summary = $derived(
    summarise(
      this.visibleZones,
      this.atlas.zones,
      this.atlas.measures,
      this.atlas.links,
      this.atlas.departements
    )
  );
  readonly #legendFacts = $derived(legendFacts(this.atlas));
  /** The legend of the layers switched on, as shown and exported. */
  readonly legend = $derived(
    legendEntries(
      this.theme,
      this.state.layers,
      this.#legendFacts,
      this.state.filter.epci ? (this.atlas.epcis[this.state.filter.epci] ?? this.state.filter.epci) : null
    )
  );
  /** Source credits, as printed and exported. */
  readonly sourceLines = $derived(sourceLines(this.atlas));
  /** The map's credit line. */
  readonly attribution = $derived(mapAttribution(this.atlas));
  /** The layer panel's entries: counts from the data, credits from the sources manifest. */
  readonly layerEntries = $derived(
    layerEntries(
      legendEntries(this.theme, LAYER_IDS, this.#legendFacts),
      this.atlas,
      {
        quarters: this.atlas.zones.filter((zone) => zone.kind === 'quarter').length,
        territories: this.atlas.zones.filter((zone) => zone.kind === 'acceleration-territory').length,
        qpv:
          this.qpvFranceOffered && this.state.qpvFrance ? this.#qpvCoverage.count : this.atlas.qpvSource.drawn
      },
      { qpv: this.qpvHolds }
    )
  );

  readonly selectedZone = $derived(this.state.zone ? this.zonesById.get(this.state.zone) : undefined);
  readonly selectedCommune = $derived(
    this.state.commune ? this.communesByCode.get(this.state.commune) : undefined
  );
  readonly selectedEpci = $derived(this.state.epci ? this.epcisByCode.get(this.state.epci) : undefined);
  readonly selectedQpv = $derived(this.state.qpv ? this.qpvByCode.get(this.state.qpv) : undefined);

  /** What the open sheet shows, as the filters judge it (none in presentation, where no filter applies). */
  readonly #openSheet = $derived.by((): OpenSheet | null => {
    if (this.state.present) return null;
    const zone = this.selectedZone;
    if (zone) return { kind: 'zone', name: zone.name, kept: this.visibleZones.includes(zone.id) };
    const commune = this.selectedCommune;
    if (commune)
      return {
        kind: 'place',
        name: commune.name,
        departements: [commune.departement],
        epcis: [commune.epci]
      };
    const epci = this.selectedEpci;
    if (epci) return { kind: 'place', name: epci.name, departements: epci.departements, epcis: [epci.code] };
    const qpv = this.selectedQpv;
    if (qpv) return { kind: 'place', name: qpv.name, departements: [qpv.departement], epcis: null };
    return null;
  });
  /** Says when the open sheet lies outside the filters, so that map and sheet never disagree silently. */
  readonly sheetFilterConflict = $derived(
    sheetOutsideFilter(this.#openSheet, this.state.filter, this.atlas.departements, this.atlas.epcis)
  );

  constructor(deps: AtlasStateDeps) {
    this.#deps = deps;
    // The first picture: the linked scene or zone, else the region. A camera in the hash wins.
    if (this.scene) this.frameScene();
    else if (!deps.url().hash) {
      const zone = this.linked.zone ? this.#zoneTarget(this.linked.zone) : undefined;
      this.#request(zone ?? { bounds: VIEW_BOUNDS.hdf }, 'start');
      // Checked on the raw link: a commune, EPCI or QPV code is only known once its list has loaded.
      const params = deps.url().searchParams;
      this.#frameLinkedPlace =
        !zone && ['commune', 'epci', 'qpv', 'interco'].some((param) => params.has(param));
    }
  }

  /** Fetches the commune, EPCI and QPV lists once; search then finds them too. */
  loadCommunes(): void {
    this.#deps
      .data()
      .loadQpvs()
      .then(
        (qpvs) => {
          this.qpvs = qpvs;
          this.qpvsLoaded = true;
          // A linked QPV's sheet opens with its list; the map aims once that sheet is laid out.
          if (this.#frameLinkedPlace) this.#frameLinked();
        },
        () => (this.qpvsFailed = true)
      );
    this.#deps
      .data()
      .loadPlaces()
      .then(
        (places) => {
          this.communes = places.communes;
          this.epcis = places.epcis;
          if (this.#frameLinkedPlace) this.#frameLinked();
        },
        () => (this.communesFailed = true)
      );
  }

  /** Opens a zone's sheet (null closes any sheet); `frame` also moves the camera to it. */
  selectZone(id: string | null, { frame = false } = {}): Promise<void> {
    this.panelOnTop = false;
    const target = frame && id ? this.#zoneTarget(id) : undefined;
    return this.#navigate(
      { ...this.state, zone: id, commune: null, epci: null, qpv: null },
      {},
      target && { target, preset: 'zone' }
    );
  }

  /** A click on the map: the zone ids under the pointer, smallest first, or a smaller QPV to open. */
  pick({ zones, qpv }: MapPick): void {
    if (this.state.present) return;
    if (qpv) {
      this.others = [];
      void this.selectQpv(qpv);
      return;
    }
    this.others = zones.slice(1);
    void this.selectZone(zones[0] ?? null);
  }

  /** Frames one of the two views. */
  showView(view: View): void {
    this.#request({ bounds: VIEW_BOUNDS[view] }, 'view');
  }

  /** Opens a panel, or closes it when it is the open one. */
  togglePanel(panel: Panel): Promise<void> {
    const sheetOpen = Boolean(this.state.zone || this.state.commune || this.state.epci || this.state.qpv);
    // The open panel lies under a sheet: its button brings it back on top instead of closing it.
    if (this.state.panel === panel && sheetOpen && !this.panelOnTop) {
      this.panelOnTop = true;
      return Promise.resolve();
    }
    this.panelOnTop = this.state.panel !== panel;
    return this.#navigate(
      { ...this.state, panel: this.state.panel === panel ? null : panel },
      { replace: true }
    );
  }

  /**
   * Applies a filter. A newly chosen EPCI is framed (and outlined by the map); otherwise, when
   * the filter leaves the view with no zone while some remain elsewhere, frames them and says so.
   */
  async setFilter(filter: FilterState): Promise<void> {
    const chosenEpci = filter.epci !== null && filter.epci !== this.state.filter.epci ? filter.epci : null;
    await this.#navigate({ ...this.state, filter });
    const epci = chosenEpci ? this.#epciTarget(chosenEpci) : undefined;
    if (epci) this.#request(epci, 'epci');
    else this.#frameResultIfOutOfView();
  }

  /** An EPCI's box: its own once the places have loaded, else the box of its zones the filter keeps. */
  #epciTarget(code: string): { bounds: Bounds } | undefined {
    const place = this.epcisByCode.get(code);
    if (place) return { bounds: bboxBounds(place.bbox) };
    const bounds = unionOf(
      this.visibleZones.flatMap((id) => {
        const target = this.#zoneTarget(id);
        return target ? [target.bounds] : [];
      })
    );
    return bounds ? { bounds } : undefined;
  }

  async resetFilter(): Promise<void> {
    await this.#navigate({ ...this.state, filter: resetFilter(), dimOutsideFilter: false });
    this.#frameResultIfOutOfView();
  }

  #frameResultIfOutOfView(): void {
    this.notice = '';
    const view = this.view;
    const boxes = this.visibleZones.flatMap((id) => {
      const target = this.#zoneTarget(id);
      return target ? [target.bounds] : [];
    });
    const result = unionOf(boxes);
    if (!view || !result || boxes.some((box) => overlaps(box, view))) return;
    this.#request({ bounds: result }, 'result');
    this.notice = 'Aucune zone retenue dans la vue : carte recadrée sur le résultat du filtre.';
  }

  setDimOutsideFilter(on: boolean): Promise<void> {
    return this.#navigate({ ...this.state, dimOutsideFilter: on });
  }

  setLayers(layers: LayerId[]): Promise<void> {
    return this.#navigate({ ...this.state, layers }, { replace: true });
  }

  /** Draws the QPVs of all of France (true) or of the region only. */
  setQpvFrance(on: boolean): Promise<void> {
    return this.#navigate({ ...this.state, qpvFrance: on }, { replace: true });
  }

  /** A search result was chosen. */
  chooseResult(entry: SearchEntry): Promise<void> {
    this.others = [];
    return this.#apply(choose(entry, this.#places));
  }

  /** Opens a commune's sheet and frames it (from another sheet). */
  selectCommune(code: string): Promise<void> {
    return this.#apply(chooseCommune(code, this.#places));
  }

  /** Opens an intercommunality's sheet and frames it (from a commune sheet). */
  selectEpci(code: string): Promise<void> {
    return this.#apply(chooseEpci(code, this.#places));
  }

  /** Opens a QPV's sheet; `frame` also moves the camera to it (a click on the map does not). */
  selectQpv(code: string, { frame = false } = {}): Promise<void> {
    const choice = chooseQpv(code, this.#places);
    return this.#apply(frame ? choice : { ...choice, frame: null });
  }

  /**
   * Frames the commune, EPCI or QPV the link opened, else the EPCI its filter keeps (their
   * bounds come with their lists).
   */
  #frameLinked(): void {
    const { commune, epci, qpv, filter } = this.state;
    const choice = commune
      ? chooseCommune(commune, this.#places)
      : epci
        ? chooseEpci(epci, this.#places)
        : qpv
          ? chooseQpv(qpv, this.#places)
          : undefined;
    if (choice?.frame) this.#request(choice.frame.target, choice.frame.preset);
    else if (filter.epci && this.epcisByCode.has(filter.epci))
      this.#request(this.#epciTarget(filter.epci)!, 'epci');
  }

  get #places(): ChoicePlaces {
    return {
      zones: this.atlas.zones,
      zoneBounds: (id) => this.#zoneTarget(id)?.bounds,
      communes: this.communesByCode,
      epcis: this.epcisByCode,
      qpv: this.qpvByCode,
      departementBounds: (code) => {
        const place = this.atlas.departementPlaces[code];
        return place && bboxBounds(place.bbox);
      }
    };
  }

  #apply(choice: Choice): Promise<void> {
    if (choice.selection) {
      this.panelOnTop = false;
      return this.#navigate({ ...this.state, ...choice.selection }, {}, choice.frame ?? undefined);
    }
    if (choice.frame) this.#request(choice.frame.target, choice.frame.preset);
    return Promise.resolve();
  }

  /** Enters presentation mode at a scene, or steps to it. */
  present(index: number): Promise<void> {
    const scene = this.atlas.scenes[index];
    if (!scene) return Promise.resolve();
    return this.#navigate(
      { ...this.linked, present: true, scene: index },
      {},
      {
        target: sceneCamera(scene),
        preset: 'scene'
      }
    );
  }

  /** Leaves presentation mode, back to the explorer's state, framed on its zone or the region. */
  exitPresentation(): Promise<void> {
    const target = (this.linked.zone && this.#zoneTarget(this.linked.zone)) || { bounds: VIEW_BOUNDS.hdf };
    return this.#navigate(
      { ...this.linked, present: false, scene: 0 },
      {},
      {
        target,
        preset: this.linked.zone ? 'zone' : 'view'
      }
    );
  }

  /**
   * Escape in the explorer closes what lies on top: a panel opened over a sheet, else the open
   * sheet. Says which it closed, so the page can hand focus to what is uncovered.
   */
  escape(): 'panel' | 'sheet' | null {
    if (this.state.present) return null;
    const sheetOpen = Boolean(this.state.zone || this.state.commune || this.state.epci || this.state.qpv);
    if (sheetOpen && this.state.panel && this.panelOnTop) {
      void this.togglePanel(this.state.panel);
      return 'panel';
    }
    if (!sheetOpen) return null;
    void this.selectZone(null);
    return 'sheet';
  }

  /** Frames the scene a link or a reload opened (stepping frames through `present`). */
  frameScene(): void {
    if (this.scene) this.#request(sceneCamera(this.scene), 'scene');
  }

  #zoneTarget(id: string): { bounds: Bounds } | undefined {
    const feature: Feature<Geometry> | undefined = this.featuresById.get(id);
    return feature ? { bounds: featureBounds(feature) } : undefined;
  }

  #request(target: FrameTarget, preset: FramePreset): void {
    this.#frameLinkedPlace = false;
    if (preset !== 'result') this.notice = '';
    this.frame = { target, preset, key: ++this.#frameKey };
  }

  /**
   * Writes a new state into the URL (history entries let back/forward step through
   * selections). A camera move waits for the page to show the new state, so it is framed
   * around the panels that state opens.
   */
  async #navigate(
    next: AppState,
    { replace = false } = {},
    frame?: { target: FrameTarget; preset: FramePreset }
  ): Promise<void> {
    await this.#deps.goto(serialiseState(next), { replaceState: replace });
    if (frame) this.#request(frame.target, frame.preset);
  }
}

// Domain types shared by the geodata build, the map and the panels.
// Declared once here; the build validates the hand-written data against
// the schemas in `src/lib/data/schema/`, which produce
// exactly these types.
import type { TileBounds } from './map/tiles';

/** Public-policy programmes the atlas knows about (closed list). */
export const PROGRAMMES = [
  'npnru',
  'habitat-indigne',
  'strategie-pauvrete',
  'contrats-de-ville',
  'prevention-radicalisation',
  'emploi-formation',
  'logement',
  'participation',
  'sante',
  'acces-aux-droits',
  'gouvernance'
] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** What a funding amount really covers. A national envelope is never a zone's own money. */
export const SCOPES = ['national', 'regional', 'departemental', 'zone'] as const;
export type Scope = (typeof SCOPES)[number];

/** The two kinds of zone drawn and clickable on the map. */
export const ZONE_KINDS = ['quarter', 'acceleration-territory'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/**
 * How a zone's outline was obtained:
 * - `qpv`: the official 2015 QPV contour;
 * - `communes`: the union of its communes (approximate: the quarter is smaller);
 * - `departement`: the département contour (exact for acceleration territories).
 */
export const PERIMETERS = ['qpv', 'communes', 'departement'] as const;
export type Perimeter = (typeof PERIMETERS)[number];

/** A commune named by its official INSEE code (COG 2018) and name. */
export interface CommuneRef {
  insee: string;
  name: string;
}

/** A zone as written by hand in `geodata/zones.json`. */
export interface Zone {
  id: string;
  /** Name as given by the source newsletter. */
  name: string;
  kind: ZoneKind;
  /** INSEE code of the département the zone lies in. */
  departement: string;
  /** Communes concerned, matched by INSEE code. Empty for a whole département. */
  communes: CommuneRef[];
  /**
   * QPV 2015 codes confirmed for a quarter, whose official contours together draw it (empty
   * when unknown). Their official names come from the QPV file, never typed here.
   */
  qpvs: string[];
  /** Programmes the zone belongs to by definition (measures add more). */
  programmes: Programme[];
  /** Administrative status, in French, e.g. "Projet validé par l'ANRU". */
  status: string;
  /** ISO date (YYYY-MM or YYYY-MM-DD) of the source text giving that status, not of the status itself. */
  statusDate: string;
  /** Free note shown on the sheet, e.g. a naming trap. */
  note?: string;
}

/** Properties of a zone feature in the generated `zones.geojson`. Flat, for MapLibre. */
export interface ZoneProperties {
  id: string;
  name: string;
  kind: ZoneKind;
  departement: string;
  perimeter: Perimeter;
  /** True when the outline is larger than the real zone (commune union). */
  approximate: boolean;
  /** Area in km², used to pick the smallest zone under the pointer. */
  areaKm2: number;
}

/** Where a measure applies. A measure lists one or more targets. */
export type Target =
  | { zones: string[] }
  | { kind: ZoneKind }
  | { departements: string[] }
  | { region: string }
  | { national: true };

/** How a measure reaches a given zone, shown as a label on the sheet. */
export const VIAS = ['zone', 'kind', 'departement', 'region', 'national'] as const;
export type Via = (typeof VIAS)[number];

/** One amount attached to a measure, with what it really covers. */
export interface FundingLine {
  /** Amount in euros (e.g. 4e9 for 4 Md€). */
  amount: number;
  /** True when the source says "plus de" (more than). */
  atLeast?: boolean;
  scope: Scope;
  /** What the amount covers, in French ("projets validés, dont part Anru"). */
  covers: string;
  /** For non-national scopes: the territory code (département or region) it belongs to. */
  territory?: string;
}

/** A cited source: the newsletter and, where given, the official page. */
export interface SourceRef {
  label: string;
  url?: string;
  /** Lines of the newsletter text the measure is drawn from, e.g. "L.458–481" or "L.212, L.236". */
  lines?: string;
}

/**
 * Where in its year an undated measure falls, by our estimate: early, late, or just the year.
 * The source gives no date for it, so it is shown as approximate and never with a month.
 */
export const APPROXIMATE_PERIODS = ['early', 'late', 'year'] as const;
export type ApproximatePeriod = (typeof APPROXIMATE_PERIODS)[number];

/** Properties of a region, département or commune feature in the generated context layers. */
export interface PlaceProperties {
  /** Official INSEE code (COG 2018). */
  code: string;
  name: string;
}

/** A département in atlas.json: where its name is drawn (a point inside it) and its box, to frame it. */
export interface DepartementPlace {
  /** [longitude, latitude]. */
  label: [number, number];
  /** [west, south, east, north]. */
  bbox: [number, number, number, number];
}

/** Properties of a commune feature in the generated `communes.geojson`. */
export interface CommuneProperties extends PlaceProperties {
  /** INSEE code of the département the commune lies in. */
  departement: string;
  /** SIREN of its EPCI (reference vintage), or "" when none is known. Flat for MapLibre. */
  epci: string;
}

/** Properties of an EPCI feature in the generated `epci.geojson`. */
export interface EpciProperties {
  /** SIREN of the EPCI. */
  code: string;
  /** Official name, e.g. "CA de Lens - Liévin". */
  name: string;
}

/** A 2015 QPV as listed in the generated `qpvs.json` (its contour is in the QPV vector tiles). */
export interface QpvProperties {
  /** Official QPV code, e.g. "QP059001". */
  code: string;
  name: string;
  /** Communes as listed by the source, e.g. "Lille, Faches-Thumesnil, Loos, Lezennes". */
  communes: string;
  /** True when the QPV is on the NPNRU code list. */
  npnru: boolean;
  /** Id of the zone drawn with this contour, or "". */
  zoneId: string;
  /** INSEE code of its département, from the QPV code ("QP059074" → "59", "QP02A001" → "2A"). */
  departement: string;
}

/** A QPV in `qpvs.json`, for search, sheets and framing: its properties and its box. */
export interface QpvPlace extends QpvProperties {
  /** [west, south, east, north], to frame it on the map. */
  bbox: [number, number, number, number];
}

/** Properties of a QPV feature in the QPV vector tiles: what the map styles and picks by. */
export interface QpvTileProperties extends Pick<QpvProperties, 'code' | 'npnru' | 'zoneId'> {
  /** Area of its whole contour in km² (a tile holds only a piece), to pick the smallest place. */
  areaKm2: number;
}

/** What the QPV data holds: how many, how many on the NPNRU list, in which départements. */
export interface QpvCoverage {
  count: number;
  npnru: number;
  /** INSEE codes of the départements holding at least one, sorted. */
  departements: string[];
  /** How many lie outside the home region's départements. */
  outsideRegion: number;
}

/** The QPV contours the build read, as the layer panel credits them. */
export interface QpvSourceInfo {
  /** Id of its entry in `geodata/sources.json` (`sources`, or `qpvArchive` for the official archive). */
  id: string;
  /** File name as read, e.g. "qp-politiquedelaville-shp.zip". */
  file: string;
  /** Layer read in the file, e.g. "QP_METROPOLE_LB93" or "qpvs"; null for a plain GeoJSON file. */
  layer: string | null;
  /** sha256 of the file's bytes. */
  sha256: string;
  vintage: string;
  /** QPVs in the file. */
  features: number;
  /** QPVs of the home region, those drawn unless all of France is switched on. */
  drawn: number;
  /** True when read from the official national archive (every QPV of the file is in the tiles and the list). */
  national: boolean;
}

/**
 * How precise a dated item's period is, as the source gives it: a day ("avant le 30 avril
 * 2019"), a month ("fin mai"), a meteorological season ("d'ici l'été 2019": June–August), a
 * half-year ("fin du premier semestre 2019") or a year ("jusqu'en 2022").
 */
export const DATE_PRECISIONS = ['day', 'month', 'season', 'half-year', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A dated item is either something due by a date or something that happens at a date. */
export const DATED_ITEM_KINDS = ['deadline', 'event'] as const;
export type DatedItemKind = (typeof DATED_ITEM_KINDS)[number];

/** One deadline or dated event of a measure, at the precision its source gives and never more. */
export interface DatedItem {
  kind: DatedItemKind;
  /** What is due or what happens (French, the project's own words). */
  what: string;
  /** Who must do it or who acts (French); empty when the source names no one. */
  who: string[];
  /** The date exactly as the source writes it: "avant le 30 avril 2019", "fin mai", "jusqu'en 2022". */
  written: string;
  precision: DatePrecision;
  /**
   * First and last unit of the period the written date stands for, both written at `precision`:
   * `YYYY-MM-DD` for a day, `YYYY-MM` for a month, a season or a half-year (its first and last
   * month), `YYYY` for a year. A deadline's period is the time the date names, not the time before it.
   */
  start: string;
  end: string;
  /** Set when the source leaves out part of the date (a year, a month): what was inferred and from what. */
  inferred?: string;
  /** Set when the printed date is probably wrong: why, in French. The calendar shows the printed date. */
  doubt?: string;
  /** The source lines that state it, "L.12" or "L.12–14" (as in a source reference). */
  lines: string;
}

/** A measure as written by hand in `geodata/measures.json`. */
export interface Measure {
  id: string;
  title: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD), as precise as the source and never more. */
  date: string;
  /** Set when the source does not date the measure: `date` is then a bare year, our estimate. */
  approximate?: ApproximatePeriod;
  programme: Programme;
  /** Summary in the project's own words (French). */
  summary: string;
  /** Who carries it (French), e.g. ["Anru", "Collectivités"]. */
  actors: string[];
  funding: FundingLine[];
  appliesTo: Target[];
  sources: SourceRef[];
  /** Caveat about the source itself (e.g. a date the newsletter seems to misprint). */
  note?: string;
  /** Its deadlines and dated events, for the calendar; absent when the source gives none. */
  dates?: DatedItem[];
}

/** A measure linked to one zone, with the path it came through. */
export interface LinkedMeasure {
  measureId: string;
  via: Via;
}

/** Map layers a user can toggle, in no particular order (draw order lives in the map module). */
export const LAYER_IDS = [
  'quarters',
  'territories',
  'qpv',
  'communes',
  'epci',
  'departements',
  'region'
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** The two framings a user switches between. */
export const VIEWS = ['hdf', 'france'] as const;
export type View = (typeof VIEWS)[number];

/** How selected programmes combine: a zone needs at least one ('any') or all of them ('all'). */
export type ProgrammeMode = 'any' | 'all';

/** The explorer's filter: empty lists mean "no restriction". */
export interface FilterState {
  programmes: Programme[];
  mode: ProgrammeMode;
  /** Département INSEE codes; a zone matches when it lies in one of them. */
  departements: string[];
  /** SIREN of an EPCI; a zone matches when it lies in it (see AtlasData.zoneEpcis), or null. */
  epci: string | null;
}

/** Side panels of the explorer. */
export const PANELS = ['filters', 'layers', 'list', 'summary', 'calendar', 'data'] as const;
export type Panel = (typeof PANELS)[number];

/**
 * The state a user shares by link (query string). The camera itself lives in the
 * URL hash in MapLibre's `#zoom/lat/lng` form and is not part of this object.
 */
export interface AppState {
  filter: FilterState;
  layers: LayerId[];
  /** Selected zone id, or null. */
  zone: string | null;
  /** Selected commune INSEE code (from search), or null. */
  commune: string | null;
  /** Selected EPCI SIREN (from search or a commune sheet), or null. */
  epci: string | null;
  /** Selected QPV code (from search, the map or a link), or null. */
  qpv: string | null;
  panel: Panel | null;
  /** The spotlight option: dims everything outside the filtered départements. */
  dimOutsideFilter: boolean;
  /** Shows the QPVs of all of France, not only the home region's (offered when the data holds more). */
  qpvFrance: boolean;
  present: boolean;
  /** 0-based scene index in presentation mode. */
  scene: number;
  /** Embedded in another site's frame: the map, its legend and sheets only (`embed=1`). */
  embed: boolean;
}

/** A point as MapLibre takes it: [longitude, latitude] in degrees. */
export type LngLat = [number, number];

/** Where a scene puts the camera: a centre and zoom, or bounds to fit. */
export type SceneCamera = { center: LngLat; zoom: number } | { bounds: [LngLat, LngLat] };

/** One slide of presentation mode. */
export interface Scene {
  /** Kebab-case, unique in the deck. */
  id: string;
  /** French title. */
  title: string;
  /** French caption, one or two short sentences (at most 200 characters). */
  caption: string;
  view: View;
  camera: SceneCamera;
  /** Filter to apply (programmes, mode, départements); a missing part keeps the explorer's default. */
  filter?: Partial<Pick<FilterState, 'programmes' | 'mode' | 'departements'>>;
  /** Layers to show; missing means the view's default layers. */
  layers?: LayerId[];
  /** Zone to select (its sheet opens). */
  zone?: string;
  /** Département codes or zone ids kept bright while everything else is dimmed. */
  spotlight?: string[];
  /** Shows the funding summary panel. */
  summary?: true;
  /** Shows the calendar of dated items. */
  calendar?: true;
  /** Numbers the quarters shown on the map and lists their names beside it. */
  numberedQuarters?: true;
}

/** One entry of `geodata/sources.json`, as republished in `atlas.json` for the sources table. */
export interface SourceInfo {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  url: string | null;
  /** Short French credit with its vintage, as the map, the layer panel and the prints show it. */
  credit: string;
  /** Map layers drawn from this source: their layer panel entry credits it. */
  layers: LayerId[];
}

/** The reference of communes and EPCIs, with the date its codes and perimeters are those of. */
export interface ReferenceInfo extends SourceInfo {
  /** ISO date, e.g. "2019-01-01": the COG and EPCI list in force that day. */
  asOf: string;
}

/** A text the hand-written data is drawn from (`documents` in `geodata/sources.json`). */
export interface DocumentInfo {
  id: string;
  title: string;
  /** ISO date of the text (YYYY-MM or YYYY-MM-DD). */
  date: string;
  /** Short French credit with its date. */
  credit: string;
  /** Map layers whose content it gives: their layer panel entry credits it. */
  layers: LayerId[];
}

/** The generated `static/data/atlas.json`: everything but geometry. */
export interface AtlasData {
  /** ISO timestamp of the geodata build. */
  generatedAt: string;
  region: { code: string; name: string };
  /** Names of the 96 metropolitan départements by INSEE code. */
  departements: Record<string, string>;
  /** Label point and box of each département by INSEE code (their outlines are only drawn). */
  departementPlaces: Record<string, DepartementPlace>;
  /**
   * Where each zone's name and marker are drawn, [longitude, latitude] by zone id: a point inside
   * its outline, placed by the build so that the page needs no geometry library.
   */
  zoneLabels: Record<string, [number, number]>;
  /** Official names, by SIREN, of the EPCIs holding at least one zone (ordered by SIREN). */
  epcis: Record<string, string>;
  /**
   * SIRENs of the EPCIs each zone lies in, by zone id: the EPCIs of its communes, or for a zone
   * covering a whole département (no communes listed), every EPCI with a commune in it.
   */
  zoneEpcis: Record<string, string[]>;
  /** Départements of each region by region INSEE code, as the build derived them from the geometry. */
  regionDepartements: Record<string, string[]>;
  zones: Zone[];
  /** Every measure, in the one order the build decides (by programme, newest first, then id). */
  measures: Measure[];
  /** Measures reaching each zone, by zone id, in the order of `measures`. */
  links: Record<string, LinkedMeasure[]>;
  /** The presentation deck (geodata/scenes.json), validated. */
  scenes: Scene[];
  /** Texts the hand-written data is drawn from, credited first. */
  documents: DocumentInfo[];
  /** Date of the data: that of the newest of `documents` (null when none is listed). */
  dataDate: string | null;
  /** Geodata sources and references, credited on the map, the layer panel and the prints. */
  sources: SourceInfo[];
  /** The QPV contours read: file, checksum, vintage and counts. */
  qpvSource: QpvSourceInfo;
  /** What the QPV tiles and `qpvs.json` hold, against the home region. */
  qpvCoverage: QpvCoverage;
  /** [west, south, east, north] of each vector tile set (none for an empty one): the map asks for no tile outside. */
  tileBounds: { communes: TileBounds | null; qpv: TileBounds | null };
  /** The reference of commune names, postal codes, populations and EPCIs (also listed in `sources`). */
  reference: ReferenceInfo;
}

/** A commune as listed in the generated `places.json`, for search and commune sheets. */
export interface CommunePlace extends CommuneProperties {
  /** [west, south, east, north], to frame it on the map. */
  bbox: [number, number, number, number];
  /** Postal codes, sorted. */
  postalCodes: string[];
  /** Population municipale of the reference's census vintage, or null when unknown. */
  population: number | null;
  /** Names of the 2018 communes merged into it since (COG 2018 → reference vintage), if any. */
  formerNames?: string[];
}

/** An EPCI of the home region as listed in `places.json`. */
export interface EpciPlace extends EpciProperties {
  /** Codes of its member communes, sorted. */
  communes: string[];
  /** Sum of its communes' populations (same vintage as theirs). */
  population: number;
  /** Départements its communes lie in, sorted. */
  departements: string[];
  bbox: [number, number, number, number];
}

/** The generated `static/data/places.json`: every commune of the sources and the home region's EPCIs, without geometry. */
export interface Places {
  communes: CommunePlace[];
  epcis: EpciPlace[];
}

// The shareable state in the query string, and the camera in MapLibre's hash.
// Links are typed and edited by hand and pasted from chats, so parsing never
// throws: each bad value falls back to its default and the rest of the state is kept.
import { LAYER_IDS, PANELS, PROGRAMMES } from '$lib/types';
import type { AppState, LayerId, Panel, Programme } from '$lib/types';
import { isQpvCode, type QpvLinkProblem } from '$lib/qpv/code';
import { resetFilter } from '$lib/filters/filter';

/** Values a link may refer to; anything else in the URL is dropped. */
export interface KnownValues {
  zoneIds: ReadonlySet<string>;
  communeCodes: ReadonlySet<string>;
  /** SIREN of the EPCIs drawn. */
  epciCodes: ReadonlySet<string>;
  /** Codes of the QPV drawn. */
  qpvCodes: ReadonlySet<string>;
  departementCodes: ReadonlySet<string>;
  /** SIREN of the EPCIs the zone filter offers (those holding a zone). */
  filterEpciCodes: ReadonlySet<string>;
  /** Number of scenes in presentation mode. */
  sceneCount: number;
}

/** Camera read from the URL hash. */
export interface HashView {
  zoom: number;
  lat: number;
  lng: number;
}

/** Layers shown when the URL says nothing about layers. */
export const DEFAULT_LAYERS: readonly LayerId[] = [
  'quarters',
  'territories',
  'qpv',
  'departements',
  'region'
];

// Longer values are junk or an attack, never a real id.
const MAX_VALUE_LENGTH = 200;
// `layers=` alone is indistinguishable from a truncated link, so "no layer" has its own word.
const NO_LAYERS = 'none';

/** The state of a fresh visit: no filter, no selection, default layers. */
export function defaultState(): AppState {
  return {
    filter: resetFilter(),
    layers: [...DEFAULT_LAYERS],
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
  };
}

/** Same state with lists deduplicated and in canonical order (types.ts order; départements sorted). */
export function canonicalState(state: AppState): AppState {
  return {
    ...state,
    filter: {
      ...state.filter,
      programmes: inOrder(PROGRAMMES, state.filter.programmes),
      departements: [...new Set(state.filter.departements)].sort()
    },
    layers: inOrder(LAYER_IDS, state.layers)
  };
}

/** A value of a link that the atlas could not use, and why; the rest of the link still applies. */
export interface IgnoredValue {
  /** The parameter's name as written, e.g. "zone". */
  param: string;
  /** The value as written (shortened when very long); '' for a parameter the atlas does not know. */
  value: string;
  /** No such parameter, no such value (id, code, word or scene), or a value too long to be one. */
  reason: 'unknown-parameter' | 'unknown-value' | 'too-long';
}

/** The state a link gives, and what in it was ignored. */
export interface ParsedLink {
  state: AppState;
  ignored: IgnoredValue[];
}

/** The parameters the atlas reads; any other is reported as unknown. */
export const STATE_PARAMS = [
  'zone',
  'commune',
  'epci',
  'qpv',
  'prog',
  'mode',
  'dep',
  'interco',
  'layers',
  'panel',
  'spot',
  'qpvfr',
  'present',
  'scene',
  'embed'
] as const;

// Parameters that mail, chat and ad platforms append to shared links: not the user's doing, and
// nothing the atlas should read, so they are ignored without a word.
const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid|msclkid|mc_cid|mc_eid)$/i;

// A value shown back to the user is shortened: a pasted paragraph would bury the notice.
const SHOWN_VALUE_LENGTH = 40;

/** Reads the state from a query string; unknown or malformed values fall back to defaults. */
export function parseState(params: URLSearchParams, known: KnownValues): AppState {
  return parseLink(params, known).state;
}

/**
 * Reads the state from a query string like parseState, and lists every parameter or value it
 * ignored (each item of a list on its own), so the page can say what it did not understand.
 */
export function parseLink(params: URLSearchParams, known: KnownValues): ParsedLink {
  const state = defaultState();
  const ignored: IgnoredValue[] = [];
  const ignore = (param: string, value: string, reason: IgnoredValue['reason']) =>
    ignored.push({ param, value: shorten(value), reason });
  // The first value that parses wins; every value that does not is reported.
  const pick = <T>(name: string, parse: (v: string) => T | null): T | null => {
    let result: T | null = null;
    for (const v of params.getAll(name)) {
      if (v.length > MAX_VALUE_LENGTH) {
        ignore(name, v, 'too-long');
        continue;
      }
      const parsed = parse(v);
      if (parsed === null) ignore(name, v, 'unknown-value');
      else result ??= parsed;
    }
    return result;
  };
  // A comma-separated list keeps its good items; each bad item is reported, empty ones skipped.
  // `whole` reads a value that stands for the entire list (e.g. "none").
  const pickList = <T extends string>(
    name: string,
    valid: (item: string) => item is T,
    whole: (v: string) => T[] | null = () => null
  ): T[] | null => {
    let result: T[] | null = null;
    for (const v of params.getAll(name)) {
      if (v.length > MAX_VALUE_LENGTH) {
        ignore(name, v, 'too-long');
        continue;
      }
      const entire = whole(v);
      if (entire !== null) {
        result ??= entire;
        continue;
      }
      const items = splitList(v).filter((item) => item !== '');
      for (const item of items) if (!valid(item)) ignore(name, item, 'unknown-value');
      result ??= nonEmpty(items.filter(valid));
    }
    return result;
  };
  const isIn =
    (set: ReadonlySet<string>) =>
    (v: string): v is string =>
      set.has(v);

  state.zone = pick('zone', (v) => (known.zoneIds.has(v) ? v : null));
  state.commune = pick('commune', (v) => (known.communeCodes.has(v) ? v : null));
  state.epci = pick('epci', (v) => (known.epciCodes.has(v) ? v : null));
  state.qpv = pick('qpv', (v) => (known.qpvCodes.has(v) ? v : null));
  state.filter.programmes = inOrder(PROGRAMMES, pickList('prog', isProgramme) ?? []);
  state.filter.mode = pick('mode', (v) => (v === 'any' || v === 'all' ? v : null)) ?? 'any';
  state.filter.departements = [...new Set(pickList('dep', isIn(known.departementCodes)) ?? [])].sort();
  state.filter.epci = pick('interco', (v) => (known.filterEpciCodes.has(v) ? v : null));
  const layers = pickList('layers', isLayer, (v) => (v === NO_LAYERS ? [] : null));
  state.layers = layers ? inOrder(LAYER_IDS, layers) : [...DEFAULT_LAYERS];
  state.panel = pick('panel', (v) => (isPanel(v) ? v : null));
  state.dimOutsideFilter = pick('spot', parseFlag) ?? false;
  state.qpvFrance = pick('qpvfr', parseFlag) ?? false;
  state.present = pick('present', parseFlag) ?? false;
  const lastScene = Number.isFinite(known.sceneCount) ? Math.max(0, Math.floor(known.sceneCount) - 1) : 0;
  // A scene number past the last shows the last one, yet that scene is not the one the link named.
  state.scene = pick('scene', (v) => (/^\d+$/.test(v) ? clamp(Number(v) - 1, 0, lastScene) : null)) ?? 0;
  const sceneValue = params.getAll('scene').find((v) => /^\d+$/.test(v));
  if (sceneValue !== undefined && String(state.scene + 1) !== String(Number(sceneValue)))
    ignore('scene', sceneValue, 'unknown-value');
  state.embed = pick('embed', parseFlag) ?? false;

  const readable = new Set<string>(STATE_PARAMS);
  for (const name of new Set(params.keys()))
    if (!readable.has(name) && !TRACKING_PARAM.test(name)) ignore(name, '', 'unknown-parameter');
  return { state, ignored };
}

function shorten(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > SHOWN_VALUE_LENGTH ? `${trimmed.slice(0, SHOWN_VALUE_LENGTH)}…` : trimmed;
}

/**
 * Why the link's `qpv` opened no QPV sheet: a value that is not a QPV code, or a code the data
 * does not hold (null when the link names none, or one that opens). The rest of the link applies.
 */
export function qpvLinkProblem(params: URLSearchParams, known: KnownValues): QpvLinkProblem | null {
  const values = params.getAll('qpv');
  if (values.length === 0 || values.some((v) => known.qpvCodes.has(v))) return null;
  const value = values[0]!.trim();
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return { kind: isQpvCode(value) ? 'unknown' : 'malformed', value: shown };
}

/** Query string (without '?') of a state, parameters in a fixed order, defaults omitted. */
export function serialiseState(state: AppState): string {
  const s = canonicalState(state);
  const params: [string, string][] = [];
  if (s.zone !== null) params.push(['zone', s.zone]);
  if (s.commune !== null) params.push(['commune', s.commune]);
  if (s.epci !== null) params.push(['epci', s.epci]);
  if (s.qpv !== null) params.push(['qpv', s.qpv]);
  if (s.filter.programmes.length > 0) params.push(['prog', s.filter.programmes.join(',')]);
  if (s.filter.mode !== 'any') params.push(['mode', s.filter.mode]);
  if (s.filter.departements.length > 0) params.push(['dep', s.filter.departements.join(',')]);
  if (s.filter.epci !== null) params.push(['interco', s.filter.epci]);
  if (!sameList(s.layers, DEFAULT_LAYERS))
    params.push(['layers', s.layers.length > 0 ? s.layers.join(',') : NO_LAYERS]);
  if (s.panel !== null) params.push(['panel', s.panel]);
  if (s.dimOutsideFilter) params.push(['spot', '1']);
  if (s.qpvFrance) params.push(['qpvfr', '1']);
  if (s.present) params.push(['present', '1']);
  if (s.scene !== 0) params.push(['scene', String(s.scene + 1)]);
  if (s.embed) params.push(['embed', '1']);
  // Commas stay literal between list items so shared links remain readable.
  return params
    .map(([name, value]) => `${name}=${value.split(',').map(encodeURIComponent).join(',')}`)
    .join('&');
}

/** Camera of a MapLibre hash '#zoom/lat/lng[/bearing/pitch]', clamped to valid ranges; null when unreadable. */
export function parseHashView(hash: string): HashView | null {
  if (hash.length > MAX_VALUE_LENGTH) return null;
  const parts = hash.replace(/^#/, '').split('/');
  if (parts.length < 3 || parts.length > 5) return null;
  const [zoom, lat, lng] = parts.slice(0, 3).map(parseNumber);
  if (zoom === undefined || lat === undefined || lng === undefined) return null;
  if (!Number.isFinite(zoom) || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  return { zoom: clamp(zoom, 0, 22), lat: clamp(lat, -85, 85), lng: clamp(lng, -180, 180) };
}

// Number('') is 0 and Number('0x1f') is 31: accept plain decimal notation only.
function parseNumber(s: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
}

function splitList(v: string): string[] {
  return v.split(',').map((item) => item.trim());
}

function nonEmpty<T>(list: T[]): T[] | null {
  return list.length > 0 ? list : null;
}

function inOrder<T>(order: readonly T[], items: readonly T[]): T[] {
  return order.filter((item) => items.includes(item));
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function parseFlag(v: string): boolean | null {
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

function isProgramme(v: string): v is Programme {
  return (PROGRAMMES as readonly string[]).includes(v);
}

function isLayer(v: string): v is LayerId {
  return (LAYER_IDS as readonly string[]).includes(v);
}

function isPanel(v: string): v is Panel {
  return (PANELS as readonly string[]).includes(v);
}

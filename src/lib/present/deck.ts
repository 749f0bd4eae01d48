// Navigation through the presentation deck: which key does what, where a step lands, and
// the explorer state and camera a scene stands for. Presentation clickers send PageUp and
// PageDown, so those move between scenes like the arrow keys.

import { defaultState } from '$lib/url/state';
import type { AppState } from '$lib/types';
import type { Scene, SceneCamera } from '$lib/types';

/** What a key press asks of the deck. */
export type SceneAction = 'next' | 'previous' | 'first' | 'last' | 'exit';

const KEY_ACTIONS: ReadonlyMap<string, SceneAction> = new Map<string, SceneAction>([
  ['ArrowRight', 'next'],
  ['PageDown', 'next'],
  [' ', 'next'],
  // `KeyboardEvent.code` of the space bar, and its `key` in old browsers.
  ['Space', 'next'],
  ['Spacebar', 'next'],
  ['ArrowLeft', 'previous'],
  ['PageUp', 'previous'],
  ['Home', 'first'],
  ['End', 'last'],
  ['Escape', 'exit']
]);

/** Deck action of a `KeyboardEvent.key`, or null when the key does not drive the deck. */
export function sceneKeyAction(key: string): SceneAction | null {
  return KEY_ACTIONS.get(key) ?? null;
}

/** What a key asks of the presenter itself rather than of the deck. */
export type PresenterCommand = 'black' | 'overview';

const KEY_COMMANDS: ReadonlyMap<string, PresenterCommand> = new Map<string, PresenterCommand>([
  // Presentation software blanks the screen with B or the full stop; clickers send either.
  ['b', 'black'],
  ['B', 'black'],
  ['.', 'black'],
  ['g', 'overview'],
  ['G', 'overview']
]);

/** Presenter command of a `KeyboardEvent.key` (black screen, overview), or null. */
export function presenterKeyCommand(key: string): PresenterCommand | null {
  return KEY_COMMANDS.get(key) ?? null;
}

/**
 * Part of a scene shown after `action`, when the scene is shown in `parts` parts (a key too
 * long for one screen): next and previous move within the scene first, and null means the
 * step leaves the scene. The other actions always leave it.
 */
export function stepPart(part: number, action: SceneAction, parts: number): number | null {
  const last = Math.max(0, Math.floor(parts) - 1);
  const current = Number.isFinite(part) ? Math.min(last, Math.max(0, Math.floor(part))) : 0;
  if (action === 'next' && current < last) return current + 1;
  if (action === 'previous' && current > 0) return current - 1;
  return null;
}

/**
 * Splits `count` entries into pages of at most `size` (at least one entry a page): the
 * [start, end) ranges, in order; one empty page for no entries.
 */
export function pageRanges(count: number, size: number): [number, number][] {
  const total = Math.max(0, Math.floor(count));
  const per = Math.max(1, Math.min(total, Math.floor(size)) || 1);
  if (total === 0) return [[0, 0]];
  const pages = Math.ceil(total / per);
  // Pages of even length (8 + 7, not 14 + 1), so no page looks like a leftover.
  const even = Math.ceil(total / pages);
  return Array.from({ length: pages }, (_, i) => [i * even, Math.min(total, (i + 1) * even)]);
}

/** Scene index after `action` on a deck of `count` scenes, kept within the deck; 'exit' stays put. */
export function stepScene(index: number, action: SceneAction, count: number): number {
  const last = Math.max(0, Math.floor(count) - 1);
  const current = Number.isFinite(index) ? Math.min(last, Math.max(0, Math.floor(index))) : 0;
  switch (action) {
    case 'next':
      return Math.min(last, current + 1);
    case 'previous':
      return Math.max(0, current - 1);
    case 'first':
      return 0;
    case 'last':
      return last;
    case 'exit':
      return current;
  }
}

/**
 * Explorer state of a scene: its filter (missing parts take the explorer's defaults, not
 * what the presenter had clicked before), its layers, its zone and its summary panel, in
 * presentation mode. A scene fully defines what the audience sees, so stepping back shows
 * the same picture as the first time.
 */
export function sceneState(scene: Scene, base: AppState): AppState {
  const defaults = defaultState();
  return {
    ...base,
    filter: {
      programmes: [...(scene.filter?.programmes ?? defaults.filter.programmes)],
      mode: scene.filter?.mode ?? defaults.filter.mode,
      departements: [...(scene.filter?.departements ?? defaults.filter.departements)],
      epci: defaults.filter.epci
    },
    layers: [...(scene.layers ?? defaults.layers)],
    zone: scene.zone ?? null,
    commune: null,
    epci: null,
    qpv: null,
    panel: scene.summary ? 'summary' : scene.calendar ? 'calendar' : null,
    // The scene's own spotlight is drawn by presentation mode, not the explorer's option.
    dimOutsideFilter: false,
    qpvFrance: defaults.qpvFrance,
    present: true
  };
}

/** Camera of a scene as MapLibre options take it: a centre and zoom, or bounds to fit (a fresh copy). */
export function sceneCamera(scene: Scene): SceneCamera {
  const { camera } = scene;
  if ('bounds' in camera) {
    const [southWest, northEast] = camera.bounds;
    return {
      bounds: [
        [southWest[0], southWest[1]],
        [northEast[0], northEast[1]]
      ]
    };
  }
  return { center: [camera.center[0], camera.center[1]], zoom: camera.zoom };
}

/** A block of text in a scrolling panel: its top and bottom in the panel's content, in px. */
export interface TextBlock {
  top: number;
  bottom: number;
  /** A heading: it goes with the block it heads, never alone at the end of a part. */
  keepWithNext?: boolean;
}

/**
 * Where each part of a scrolling panel starts (scroll offsets, the first 0) so that every
 * block is shown whole in one part: a part ends before the first block that would be cut at
 * the panel's bottom, and the next part starts with it (or with the heading just above it). A
 * block taller than the panel is cut once, at the panel's height.
 */
export function panelParts(blocks: readonly TextBlock[], height: number, contentHeight: number): number[] {
  const starts = [0];
  if (height <= 0) return starts;
  for (let guard = 0; guard < 1000; guard++) {
    const start = starts.at(-1)!;
    const end = start + height;
    if (end >= contentHeight - 1) break;
    let cut = blocks
      .filter((block) => block.bottom > end + 0.5 && block.top >= start - 0.5)
      .reduce((first, block) => Math.min(first, block.top), Number.POSITIVE_INFINITY);
    // A heading that would end the part moves to the next one, with what it heads.
    const heading = blocks.find(
      (block) =>
        block.keepWithNext &&
        block.top > start + 1 &&
        block.bottom <= cut + 0.5 &&
        !blocks.some(
          (other) => !other.keepWithNext && other.top >= block.bottom - 0.5 && other.bottom <= cut + 0.5
        )
    );
    if (heading) cut = heading.top;
    starts.push(cut > start + 1 && Number.isFinite(cut) ? cut : end);
  }
  return starts;
}

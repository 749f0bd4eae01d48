// What choosing a search result does: which place it selects and where the camera goes.
// Pure, so each kind of result is tested in node (tests/unit/choice.test.ts).
import type { AppState, CommunePlace, EpciPlace, QpvPlace, Zone } from '$lib/types';
import type { SearchEntry } from '$lib/search/search';
import type { Bounds, FramePreset, FrameTarget } from '$lib/map/camera';

/** The places a search result can lead to. */
export interface ChoicePlaces {
  zones: readonly Zone[];
  /** Bounds of a zone's outline, undefined when the zone has none. */
  zoneBounds: (id: string) => Bounds | undefined;
  communes: ReadonlyMap<string, CommunePlace>;
  epcis: ReadonlyMap<string, EpciPlace>;
  qpv: ReadonlyMap<string, QpvPlace>;
  /** Box of a département, undefined for an unknown code. */
  departementBounds: (code: string) => Bounds | undefined;
}

/** The outcome of a choice: the new selection (null: unchanged) and the camera move (null: none). */
export interface Choice {
  selection: Pick<AppState, 'zone' | 'commune' | 'epci' | 'qpv'> | null;
  frame: { target: FrameTarget; preset: FramePreset } | null;
}

const NOTHING: Choice = { selection: null, frame: null };

/**
 * A zone, a commune, an EPCI or a QPV opens its sheet and is framed. A département drawn as a
 * zone (an acceleration territory) opens that zone; otherwise the camera only goes there.
 */
export function choose(entry: SearchEntry, places: ChoicePlaces): Choice {
  switch (entry.type) {
    case 'zone':
      return chooseZone(entry.id, places);
    case 'commune':
      return chooseCommune(entry.id, places);
    case 'epci':
      return chooseEpci(entry.id, places);
    case 'qpv':
      return chooseQpv(entry.id, places);
    case 'departement': {
      const territory = places.zones.find(
        (zone) => zone.kind === 'acceleration-territory' && zone.departement === entry.id
      );
      if (territory) return chooseZone(territory.id, places);
      const bounds = places.departementBounds(entry.id);
      if (!bounds) return NOTHING;
      return { selection: null, frame: { target: { bounds }, preset: 'departement' } };
    }
  }
}

/** A commune opens its sheet and is framed. */
export function chooseCommune(code: string, places: ChoicePlaces): Choice {
  const commune = places.communes.get(code);
  if (!commune) return NOTHING;
  return {
    selection: { zone: null, commune: commune.code, epci: null, qpv: null },
    frame: { target: { bounds: bboxBounds(commune.bbox) }, preset: 'commune' }
  };
}

/** An intercommunality opens its sheet and is framed. */
export function chooseEpci(code: string, places: ChoicePlaces): Choice {
  const epci = places.epcis.get(code);
  if (!epci) return NOTHING;
  return {
    selection: { zone: null, commune: null, epci: epci.code, qpv: null },
    frame: { target: { bounds: bboxBounds(epci.bbox) }, preset: 'epci' }
  };
}

/** A QPV opens its own sheet (which links to the quarter drawn with it, if any) and is framed. */
export function chooseQpv(code: string, places: ChoicePlaces): Choice {
  const qpv = places.qpv.get(code);
  if (!qpv) return NOTHING;
  return {
    selection: { zone: null, commune: null, epci: null, qpv: code },
    frame: { target: { bounds: bboxBounds(qpv.bbox) }, preset: 'qpv' }
  };
}

function chooseZone(id: string, places: ChoicePlaces): Choice {
  if (!places.zones.some((zone) => zone.id === id)) return NOTHING;
  const bounds = places.zoneBounds(id);
  return {
    selection: { zone: id, commune: null, epci: null, qpv: null },
    frame: bounds ? { target: { bounds }, preset: 'zone' } : null
  };
}

/** Bounds of a [west, south, east, north] box. */
export function bboxBounds([west, south, east, north]: readonly [number, number, number, number]): Bounds {
  return [
    [west, south],
    [east, north]
  ];
}

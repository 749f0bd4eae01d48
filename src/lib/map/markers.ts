// Numbered markers that stay on their quarters where quarters crowd (at regional zoom the
// quarters of Lille and Valenciennes lie a few pixels apart). Pushing crowded discs apart
// sent numbers far from their quarters, over other places; instead, quarters whose discs
// would overlap share one disc at their middle, listing their numbers ("7–11"). Pure: the
// map passes its projection in.
import type { FeatureCollection, Point } from 'geojson';
import type { LngLat } from './camera';

/** A marker to draw: the number it carries, where its quarter is. */
export interface NumberedPoint {
  id: string;
  number: number;
  at: LngLat;
}

/** Properties of a drawn disc: the quarters it stands for, its text and its radius in px. */
export interface NumberMarkerProperties {
  /** Ids of the quarters, space-separated (MapLibre keeps only flat properties). */
  ids: string;
  /** The numbers, ranges joined ("3", "7–9·11"). */
  label: string;
  /** Disc radius in px, outline excluded: wide enough for the label. */
  radius: number;
}

/** How discs are drawn: the sizes the grouping needs. */
export interface DiscStyle {
  /** Smallest disc radius in px (one or two digits). */
  radius: number;
  /** Outline width in px. */
  outline: number;
  /** Size of the number's text in px. */
  textSize: number;
}

/** Width of a digit or separator in ems of the label font (Noto Sans, tabular figures ≈ 0.57). */
const GLYPH_EM = 0.6;
/** Free pixels kept between two discs. */
const GAP = 2;

/** The numbers as a label: ascending, consecutive runs of three or more as ranges ("7–9·11"). */
export function numbersLabel(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join('·');
}

/** Radius of a disc holding `label`: the style's radius, or wider for a long label. */
export function discRadius(label: string, style: DiscStyle): number {
  const half = (label.length * GLYPH_EM * style.textSize) / 2 + style.textSize * 0.35;
  return Math.max(style.radius, Math.ceil(half));
}

/** A group of markers drawn as one disc: member indices, centre in px, radius. */
export interface MarkerGroup {
  members: number[];
  centre: [number, number];
  radius: number;
}

/**
 * Groups screen points so that no two discs overlap: each point starts as its own disc;
 * while two discs overlap, the closest pair merges into one disc at the mean of its points,
 * sized for its numbers. A disc thus lies among its own quarters, never pushed onto others.
 */
export function groupMarkers(
  points: readonly [number, number][],
  numbers: readonly number[],
  style: DiscStyle
): MarkerGroup[] {
  const make = (members: number[]): MarkerGroup => {
    const x = members.reduce((sum, i) => sum + points[i]![0], 0) / members.length;
    const y = members.reduce((sum, i) => sum + points[i]![1], 0) / members.length;
    const label = numbersLabel(members.map((i) => numbers[i]!));
    return { members, centre: [x, y], radius: discRadius(label, style) };
  };
  let groups = points.map((_, i) => make([i]));
  for (;;) {
    let best: [number, number, number] | null = null;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const ga = groups[a]!;
        const gb = groups[b]!;
        const room =
          Math.hypot(ga.centre[0] - gb.centre[0], ga.centre[1] - gb.centre[1]) -
          (ga.radius + gb.radius + 2 * style.outline + GAP);
        if (room < 0 && (best === null || room < best[2])) best = [a, b, room];
      }
    }
    if (best === null) return groups;
    const [a, b] = best;
    const merged = make([...groups[a]!.members, ...groups[b]!.members].sort((i, j) => i - j));
    groups = [...groups.filter((_, i) => i !== a && i !== b), merged];
  }
}

/** The numbered discs laid out on the current view (see groupMarkers), in number order. */
export function numberMarkers(
  markers: readonly NumberedPoint[],
  project: (at: LngLat) => [number, number],
  unproject: (pixel: [number, number]) => LngLat,
  style: DiscStyle
): FeatureCollection<Point, NumberMarkerProperties> {
  const groups = groupMarkers(
    markers.map((marker) => project(marker.at)),
    markers.map((marker) => marker.number),
    style
  ).sort((a, b) => a.members[0]! - b.members[0]!);
  return {
    type: 'FeatureCollection',
    features: groups.map((group) => {
      const members = group.members.map((i) => markers[i]!);
      return {
        type: 'Feature',
        properties: {
          ids: members.map((marker) => marker.id).join(' '),
          label: numbersLabel(members.map((marker) => marker.number)),
          radius: group.radius
        },
        geometry: {
          type: 'Point',
          coordinates: members.length === 1 ? members[0]!.at : unproject(group.centre)
        }
      };
    })
  };
}

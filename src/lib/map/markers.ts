// Numbered markers that stay readable where quarters crowd (at regional zoom the
// quarters of Lille and Valenciennes lie a few pixels apart). Each marker keeps its quarter's
// place when it can; otherwise it moves to the nearest free spot on rings around it and a
// leader line ties it back. Pure: the map passes its projection in.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { LngLat } from './camera';

/** A marker to draw: the number it carries, where its quarter is. */
export interface NumberedPoint {
  id: string;
  number: number;
  at: LngLat;
}

/** Properties of the drawn features: discs carry the number, leaders only the id. */
export interface NumberMarkerProperties {
  id: string;
  number?: number;
}

/** Directions tried on each ring, clockwise from straight up. */
const DIRECTIONS = 12;
/** Rings tried before giving up and overlapping (never reached with a region's quarters). */
const RINGS = 8;

/**
 * Screen positions for discs at `points`, in order, so that no two centres are closer than
 * `spacing` pixels: each keeps its point if free, else takes the first free spot on the
 * nearest ring (rings `spacing` apart, directions clockwise from up).
 */
export function spreadMarkers(points: readonly [number, number][], spacing: number): [number, number][] {
  const placed: [number, number][] = [];
  const free = ([x, y]: [number, number]) =>
    placed.every(([px, py]) => Math.hypot(px - x, py - y) >= spacing - 1e-6);
  for (const point of points) {
    let spot: [number, number] = point;
    search: for (let ring = 1; !free(spot) && ring <= RINGS; ring++) {
      for (let step = 0; step < DIRECTIONS * ring; step++) {
        const angle = (2 * Math.PI * step) / (DIRECTIONS * ring);
        const candidate: [number, number] = [
          point[0] + ring * spacing * Math.sin(angle),
          point[1] - ring * spacing * Math.cos(angle)
        ];
        if (free(candidate)) {
          spot = candidate;
          break search;
        }
      }
    }
    placed.push(spot);
  }
  return placed;
}

/**
 * The numbered discs laid out on the current view (see spreadMarkers), with a leader line
 * from each moved disc back to its quarter.
 */
export function numberMarkers(
  markers: readonly NumberedPoint[],
  project: (at: LngLat) => [number, number],
  unproject: (pixel: [number, number]) => LngLat,
  spacing: number
): FeatureCollection<Point | LineString, NumberMarkerProperties> {
  const spots = spreadMarkers(
    markers.map((marker) => project(marker.at)),
    spacing
  );
  const features: Feature<Point | LineString, NumberMarkerProperties>[] = [];
  markers.forEach((marker, i) => {
    const spot = spots[i]!;
    const origin = project(marker.at);
    const moved = Math.hypot(spot[0] - origin[0], spot[1] - origin[1]) > 0.5;
    const centre = moved ? unproject(spot) : marker.at;
    if (moved) {
      features.push({
        type: 'Feature',
        properties: { id: marker.id },
        geometry: { type: 'LineString', coordinates: [marker.at, centre] }
      });
    }
    features.push({
      type: 'Feature',
      properties: { id: marker.id, number: marker.number },
      geometry: { type: 'Point', coordinates: centre }
    });
  });
  return { type: 'FeatureCollection', features };
}

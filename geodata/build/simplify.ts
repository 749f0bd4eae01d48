// Lighter geometries for the web: Douglas-Peucker (turf, highQuality) then rounding.
// A ring is never lost: when simplifying or rounding degenerates it, the original stays.
import { polygon as turfPolygon, simplify } from '@turf/turf';
import type { Position } from 'geojson';
import type { Area } from './read';

/** How much to simplify one kind of layer: tolerance in degrees, decimals kept. */
export interface Simplification {
  tolerance: number;
  decimals: number;
}

/** Rounds a number to a number of decimals (5 ≈ 1 m, 4 ≈ 10 m at French latitudes). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
}

/** Rounds the positions of a ring and drops the consecutive duplicates rounding creates. */
function roundRing(ring: Position[], decimals: number): Position[] {
  const rounded: Position[] = [];
  for (const [x = NaN, y = NaN] of ring) {
    const position: Position = [roundTo(x, decimals), roundTo(y, decimals)];
    const previous = rounded[rounded.length - 1];
    if (!previous || previous[0] !== position[0] || previous[1] !== position[1]) rounded.push(position);
  }
  return rounded;
}

/** Twice the signed planar area of a ring (shoelace); zero for a degenerate ring. */
function ringArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i - 1] as Position;
    const [x1 = 0, y1 = 0] = ring[i] as Position;
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/** True when a ring still encloses something: closed, four positions or more, non-zero area. */
export function isUsableRing(ring: Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return (
    ring.length >= 4 &&
    first !== undefined &&
    last !== undefined &&
    first[0] === last[0] &&
    first[1] === last[1] &&
    ringArea2(ring) !== 0
  );
}

/** Simplifies then rounds one ring; falls back to the rounded, then the untouched, original. */
function simplifyRing(ring: Position[], { tolerance, decimals }: Simplification): Position[] {
  let simplified: Position[] = [];
  try {
    simplified =
      simplify(turfPolygon([ring]), { tolerance, highQuality: true }).geometry.coordinates[0] ?? [];
  } catch {
    // turf refuses rings that its cleaning reduces below four positions: keep the original below.
  }
  for (const candidate of [roundRing(simplified, decimals), roundRing(ring, decimals)]) {
    if (isUsableRing(candidate)) return candidate;
  }
  return ring;
}

/** Simplifies and rounds a polygon geometry without dropping any of its rings or parts. */
export function simplifyArea(geometry: Area, options: Simplification): Area {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => simplifyRing(ring, options)) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => simplifyRing(ring, options)))
  };
}

// Measures how well neighbouring outlines fit together: the area they cover twice (overlap)
// and the holes left between them (gaps), in km². Used on the build output by real-build.test.ts.
import { area, booleanValid, featureCollection, kinks, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

type AreaFeature = Feature<Polygon | MultiPolygon>;

/** Overlap and gaps between `features`, in km², and the number of gaps. */
export function seams(features: AreaFeature[]): { overlapKm2: number; gapKm2: number; gaps: number } {
  const merged = union(featureCollection(features));
  if (merged === null) return { overlapKm2: 0, gapKm2: 0, gaps: 0 };
  const total = features.reduce((sum, f) => sum + area(f), 0);
  // Every interior ring of the union is a hole no feature covers: the features leave a gap there.
  const polygons =
    merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates;
  const holes = polygons.flatMap((rings) => rings.slice(1));
  const holeArea = holes.reduce((sum, ring) => sum + area({ type: 'Polygon', coordinates: [ring] }), 0);
  return { overlapKm2: Math.max(0, total - area(merged)) / 1e6, gapKm2: holeArea / 1e6, gaps: holes.length };
}

/** True when a polygon is a valid simple feature: closed rings, no self-intersection. */
export function isSimpleValid(feature: AreaFeature): boolean {
  return booleanValid(feature) && kinks(feature).features.length === 0;
}

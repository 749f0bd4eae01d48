// A national-size SYNTHETIC data set for `npm run bench`: about 35,000
// commune polygons tiling metropolitan France's extent and 1,296 QPV polygons inside them,
// made from a seeded generator so every run draws the same shapes. It has the counts and the
// shapes' sizes of the real files, nothing else: it is written to a temporary folder, served
// only to the bench's browser, never shipped and never shown as data.
import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { CommuneProperties } from '../../src/lib/types';
import type { QpvSourceProperties } from '../../geodata/build/zones';

/** Counts of the real files: communes of France (COG 2019), metropolitan QPVs of 2015. */
export const NATIONAL_COUNTS = { communes: 35_000, qpvs: 1_296 };

/** A rough outline of metropolitan France (lon, lat), only to shape the synthetic tiling. */
const FRANCE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [-4.8, 48.4],
      [-1.8, 48.7],
      [1.5, 50.1],
      [2.5, 51.1],
      [4.2, 49.9],
      [8.2, 49.0],
      [7.6, 47.5],
      [6.9, 46.4],
      [7.7, 45.9],
      [7.0, 44.1],
      [7.5, 43.8],
      [3.2, 43.0],
      [3.1, 42.4],
      [-1.8, 43.4],
      [-1.2, 46.2],
      [-2.5, 47.3],
      [-4.8, 48.4]
    ]
  ]
};

/** mulberry32: a small seeded PRNG, numbers in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from integers: the same key always gives the same numbers. */
function seedOf(...keys: number[]): number {
  let h = 2166136261;
  for (const key of keys) h = Math.imul(h ^ (key | 0), 16777619);
  return h >>> 0;
}

/** Shape parameters, set to what the built regional layers hold (vertices per outline). */
export interface SyntheticShape {
  /** Average vertices per commune outline. */
  communeVertices: number;
  /** Average vertices per QPV outline. */
  qpvVertices: number;
  seed: number;
}

/** The synthetic communes and QPVs, in WGS84, with the properties the build's layers carry. */
export function nationalData(shape: SyntheticShape): {
  communes: FeatureCollection<Polygon, CommuneProperties>;
  qpvs: Feature<Polygon, QpvSourceProperties>[];
} {
  // A grid of jittered nodes in degrees, cells about as wide as tall on the ground.
  const lat0 = 46.5;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const side = Math.sqrt(area(FRANCE) / NATIONAL_COUNTS.communes) / 111_320; // degrees of latitude
  const [west, south, east, north] = [-4.8, 42.4, 8.2, 51.1];
  const columns = Math.ceil((east - west) / (side / kx));
  const rows = Math.ceil((north - south) / side);
  const node = (i: number, j: number): Position => {
    const random = prng(seedOf(shape.seed, 1, i, j));
    return [west + ((i + (random() - 0.5) * 0.6) * side) / kx, south + (j + (random() - 0.5) * 0.6) * side];
  };
  // Each edge between two nodes is bent the same way for both cells it borders (shared borders).
  const segments = Math.max(1, Math.round(shape.communeVertices / 4));
  const edge = (a: [number, number], b: [number, number]): Position[] => {
    const [from, to] = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? [a, b] : [b, a];
    const random = prng(seedOf(shape.seed, 2, from[0], from[1], to[0], to[1]));
    const [px, py] = node(...from) as [number, number];
    const [qx, qy] = node(...to) as [number, number];
    const points: Position[] = [[px, py]];
    for (let k = 1; k < segments; k++) {
      const t = k / segments;
      // Offset across the edge, measured on the ground (x scaled by kx).
      const bend = (random() - 0.5) * 0.16 * side;
      points.push([
        px + (qx - px) * t - (bend * (qy - py)) / side / kx,
        py + (qy - py) * t + (bend * kx * (qx - px)) / side
      ]);
    }
    points.push([qx, qy]);
    return from === a ? points : points.reverse();
  };
  const communes: Feature<Polygon, CommuneProperties>[] = [];
  const centres: Position[] = [];
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const centre: Position = [west + ((i + 0.5) * side) / kx, south + (j + 0.5) * side];
      if (!booleanPointInPolygon(centre, FRANCE)) continue;
      const corners: [number, number][] = [
        [i, j],
        [i + 1, j],
        [i + 1, j + 1],
        [i, j + 1]
      ];
      const ring: Position[] = [];
      for (let c = 0; c < 4; c++) ring.push(...edge(corners[c]!, corners[(c + 1) % 4]!).slice(0, -1));
      ring.push(ring[0]!);
      const code = String(communes.length + 1).padStart(5, '0');
      communes.push({
        type: 'Feature',
        properties: { code, name: `Commune synthétique ${code}`, departement: '', epci: '' },
        geometry: { type: 'Polygon', coordinates: [ring] }
      });
      centres.push(centre);
    }
  }

  // QPVs: irregular outlines a few hundred metres across, in distinct communes picked at random.
  const random = prng(seedOf(shape.seed, 3));
  const picked = new Set<number>();
  while (picked.size < Math.min(NATIONAL_COUNTS.qpvs, communes.length))
    picked.add(Math.floor(random() * communes.length));
  const qpvs = [...picked].map((index, n): Feature<Polygon, QpvSourceProperties> => {
    const [x, y] = centres[index]!;
    const radius = (250 + random() * 450) / 111_320;
    const ring: Position[] = [];
    for (let v = 0; v < shape.qpvVertices; v++) {
      const angle = (2 * Math.PI * v) / shape.qpvVertices;
      const r = radius * (0.75 + random() * 0.5);
      ring.push([x! + (r * Math.cos(angle)) / kx, y! + r * Math.sin(angle)]);
    }
    ring.push(ring[0]!);
    const code = `QP9${String(n + 1).padStart(5, '0')}`;
    return {
      type: 'Feature',
      properties: {
        CODE_QP: code,
        NOM_QP: `Quartier synthétique ${n + 1}`,
        COMMUNE_QP: communes[index]!.properties.name
      },
      geometry: { type: 'Polygon', coordinates: [ring] }
    };
  });
  return { communes: { type: 'FeatureCollection', features: communes }, qpvs };
}

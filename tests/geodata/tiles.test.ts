// The tiling step (geodata/build/tiles.ts) on small hand-made fixtures: which tiles exist, what
// each holds, and what the writer records of them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cutTiles } from '../../geodata/build/tiles';
import { writeOutputDir } from '../../geodata/build/write';
import type { TileSetSpec } from '../../src/lib/map/tiles';
import type { CommuneProperties } from '../../src/lib/types';
import { nationalData } from '../bench/national-data';
import { tiledOutlineCheck, tiledPieces } from './seams';

const SPEC: TileSetSpec = {
  dir: 'tiles/test',
  layer: 'communes',
  idProperty: 'code',
  minZoom: 8,
  maxZoom: 10
};

/** The tile holding a point at a zoom (Web Mercator tiling, as in the vector tile spec). */
function tileOf(lon: number, lat: number, z: number): string {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}`;
}

/** A square of `half` degrees around a point. */
function square(
  code: string,
  name: string,
  lon: number,
  lat: number,
  half = 0.002
): Feature<Polygon, CommuneProperties> {
  return {
    type: 'Feature',
    properties: { code, name, departement: code.slice(0, 2), epci: '' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon - half, lat - half],
          [lon + half, lat - half],
          [lon + half, lat + half],
          [lon - half, lat + half],
          [lon - half, lat - half]
        ]
      ]
    }
  };
}

// Two small communes far apart, each well inside one tile at every zoom from 8 to 10.
const LENS = { lon: 2.832, lat: 50.432 };
const AMIENS = { lon: 2.302, lat: 49.894 };
const fixture: FeatureCollection<Polygon, CommuneProperties> = {
  type: 'FeatureCollection',
  features: [square('62498', 'Lens', LENS.lon, LENS.lat), square('80021', 'Amiens', AMIENS.lon, AMIENS.lat)]
};

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));
const key = (t: { z: number; x: number; y: number }) => `${t.z}/${t.x}/${t.y}`;

describe('cutTiles', () => {
  it('cuts one tile per commune per zoom, from the first zoom to the last, and no empty tile', () => {
    const tiles = cutTiles(fixture, SPEC);
    const expected = [8, 9, 10].flatMap((z) => [
      tileOf(LENS.lon, LENS.lat, z),
      tileOf(AMIENS.lon, AMIENS.lat, z)
    ]);
    expect(tiles.map(key).sort()).toEqual([...new Set(expected)].sort());
  });

  it('puts each commune in the tile that holds it, with its properties as they are', () => {
    const tiles = new Map(cutTiles(fixture, SPEC).map((t) => [key(t), t.bytes]));
    const layer = decode(tiles.get(tileOf(LENS.lon, LENS.lat, 10))!).layers[SPEC.layer]!;
    expect(layer.length).toBe(1);
    expect(layer.feature(0).properties).toEqual({ code: '62498', name: 'Lens', departement: '62', epci: '' });
    const amiens = decode(tiles.get(tileOf(AMIENS.lon, AMIENS.lat, 9))!).layers[SPEC.layer]!;
    expect(amiens.feature(0).properties.name).toBe('Amiens');
  });

  it('keeps accents and apostrophes in names', () => {
    const named = { ...fixture, features: [square('59350', "L'Étang-Œuvré", LENS.lon, LENS.lat)] };
    const [tile] = cutTiles(named, SPEC);
    expect(decode(tile!.bytes).layers[SPEC.layer]!.feature(0).properties.name).toBe("L'Étang-Œuvré");
  });

  it('cuts a commune crossing a tile edge into both tiles', () => {
    // 3.515625° E is a tile edge from zoom 9 on (183.515625° / 0.703125° = 261).
    const edge = { ...fixture, features: [square('59001', 'Bord', 3.515625, LENS.lat, 0.01)] };
    const atTen = cutTiles(edge, SPEC).filter((t) => t.z === 10);
    expect(atTen.map(key).sort()).toEqual(
      [tileOf(3.515625 - 0.005, LENS.lat, 10), tileOf(3.515625 + 0.005, LENS.lat, 10)].sort()
    );
  });
});

describe('the check of outlines as the tiles draw them (tiledOutlineCheck)', () => {
  const QPV_SPEC: TileSetSpec = {
    dir: 'tiles/q',
    layer: 'qpv',
    idProperty: 'code',
    minZoom: 12,
    maxZoom: 12
  };
  /** A polygon near Lille from corners given in units of 0.001° (about 70 m by 110 m). */
  const outline = (code: string, ...rings: [number, number][][]): Feature<Polygon, { code: string }> => ({
    type: 'Feature',
    properties: { code },
    geometry: {
      type: 'Polygon',
      coordinates: rings.map((ring) => ring.map(([u, v]) => [3.05 + u / 1000, 50.62 + v / 1000]))
    }
  });
  const box = (code: string, west: number, south: number, east: number, north: number) =>
    outline(code, [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south]
    ]);
  const check = (...features: Feature<Polygon, { code: string }>[]) =>
    tiledOutlineCheck(tiledPieces(cutTiles({ type: 'FeatureCollection', features }, QPV_SPEC), QPV_SPEC));

  it('passes neighbours that share their borders, and a QPV lying in the hole of another', () => {
    const frame = outline(
      'QP059001',
      [
        [0, 0],
        [30, 0],
        [30, 30],
        [0, 30],
        [0, 0]
      ],
      [
        [10, 10],
        [10, 20],
        [20, 20],
        [20, 10],
        [10, 10]
      ]
    );
    const result = check(frame, box('QP059002', 30, 0, 40, 30), box('QP059003', 12, 12, 18, 18));
    expect(result.invalid).toEqual([]);
    // Float noise only (about 1e-12 km²).
    expect(result.overlapKm2).toBeLessThan(1e-6);
    expect(result.gapKm2).toBeLessThan(1e-6);
  });

  it('finds a self-intersecting outline', () => {
    const bowTie = outline('QP059001', [
      [0, 0],
      [20, 20],
      [20, 0],
      [0, 20],
      [0, 0]
    ]);
    expect(check(bowTie, box('QP059002', 30, 0, 40, 30)).invalid).toEqual(['QP059001']);
  });

  it('finds neighbours overlapping, and a gap left between neighbours', () => {
    expect(check(box('QP059001', 0, 0, 20, 20), box('QP059002', 10, 0, 30, 20)).overlapKm2).toBeGreaterThan(
      0.01
    );
    // Four strips around a 2×2 square that none of them covers.
    const ring = [
      box('QP059001', 0, 0, 10, 4),
      box('QP059002', 0, 6, 10, 10),
      box('QP059003', 0, 4, 4, 6),
      box('QP059004', 6, 4, 10, 6)
    ];
    expect(check(...ring).gapKm2).toBeGreaterThan(0.01);
  });
});

describe('writing a tile set', () => {
  it('writes every tile at z/x/y.pbf and records the set in the manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-tiles-'));
    try {
      const tiles = cutTiles(fixture, SPEC);
      const manifest = await writeOutputDir(join(dir, 'out'), [], '2019-01-25T00:00:00.000Z', {
        tileSets: [{ spec: SPEC, features: 2, tiles }]
      });
      for (const tile of tiles) {
        const written = await readFile(join(dir, 'out', SPEC.dir, `${tile.z}/${tile.x}/${tile.y}.pbf`));
        expect(new Uint8Array(written)).toEqual(tile.bytes);
      }
      expect(manifest.files).toEqual([
        {
          name: 'tiles/test/',
          features: 2,
          tiles: tiles.length,
          bytes: tiles.reduce((n, t) => n + t.bytes.length, 0),
          gzipBytes: tiles.reduce((n, t) => n + gzipSync(t.bytes, { level: 9 }).length, 0)
        }
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('size budget at national scale', () => {
  // MapLibre parses a tile in one worker task: a heavy tile stalls the first picture. 35,000
  // synthetic communes with the vertex count of the built ones must stay within this per tile.
  const TILE_BUDGET_GZIP = 100_000;

  it(
    'keeps every commune tile of a national-size set under the per-tile budget',
    { timeout: 120_000 },
    () => {
      const { communes } = nationalData({ communeVertices: 24, qpvVertices: 60, seed: 11 });
      expect(communes.features.length).toBeGreaterThan(30_000);
      const tiles = cutTiles(communes, SPEC);
      const largest = Math.max(...tiles.map((t) => gzipSync(t.bytes).length));
      expect(largest).toBeLessThan(TILE_BUDGET_GZIP);
    }
  );
});

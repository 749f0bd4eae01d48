// Vector tile sets cut by the geodata build (geodata/build/tiles.ts) and drawn by the map.
// One table shared by both sides, so the zooms the build cuts are the zooms the map asks for.

/** A tile set: a z/x/y directory of Mapbox Vector Tiles under the data folder. */
export interface TileSetSpec {
  /** Folder under the data folder, e.g. "tiles/communes". */
  dir: string;
  /** Name of the one layer inside every tile (the style's `source-layer`). */
  layer: string;
  /** Feature property promoted to the feature id (feature-state, selection). */
  idProperty: string;
  /** First zoom cut: the map asks for nothing below it. */
  minZoom: number;
  /** Last zoom cut: the map over-zooms its tiles beyond it. */
  maxZoom: number;
}

/**
 * Communes: outlines simplified at 200 m (geodata/build/build.ts), drawn from zoom 8. At zoom 10
 * a tile unit is about 10 m, finer than the simplification, so deeper tiles would add nothing.
 */
export const COMMUNE_TILES: TileSetSpec = {
  dir: 'tiles/communes',
  layer: 'communes',
  idProperty: 'code',
  minZoom: 8,
  maxZoom: 10
};

/**
 * Town names: one point per commune, inside it, with its name and population (to rank the
 * names that collide). Cut at zoom 10 only, where the names are first drawn, and over-zoomed
 * beyond: a point lies in one tile, so each name is placed once.
 */
export const TOWN_LABEL_TILES: TileSetSpec = {
  dir: 'tiles/towns',
  layer: 'towns',
  idProperty: 'code',
  minZoom: 10,
  maxZoom: 10
};

/**
 * QPVs: a few hundred metres wide, simplified at 2 m. From zoom 5 (all of France on a screen) to
 * 12, where a tile unit is about 2.4 m; the map over-zooms the z12 tiles when closer.
 */
export const QPV_TILES: TileSetSpec = {
  dir: 'tiles/qpv',
  layer: 'qpv',
  idProperty: 'code',
  minZoom: 5,
  maxZoom: 12
};

/** [west, south, east, north] of a tile set's features: the map asks for no tile outside it. */
export type TileBounds = [number, number, number, number];

/** Where the map finds a tile set: its URL template and its box (null for an empty set). */
export interface TileSource {
  url: string;
  bounds: TileBounds | null;
}

/** Path of one tile, relative to the data folder. */
export function tilePath(spec: TileSetSpec, z: number | string, x: number | string, y: number | string) {
  return `${spec.dir}/${z}/${x}/${y}.pbf`;
}

/** The URL template MapLibre fills in, absolute: tile requests leave from a worker. */
export function tileUrlTemplate(spec: TileSetSpec, dataUrl: string): string {
  return `${dataUrl}/${tilePath(spec, '{z}', '{x}', '{y}')}`;
}

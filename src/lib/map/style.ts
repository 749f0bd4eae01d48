// The embedded MapLibre style: every source is data handed over by the page's
// load function, so no request leaves the app (no tile, glyph or CDN server).
import type { LayerSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { AtlasData, LayerId, PlaceProperties, ZoneProperties } from '$lib/types';
import { atlasLayers, LABEL_FONT, layerGroup, SOURCES, STATE } from './layer-specs';
import { COMMUNE_TILES, QPV_TILES, TOWN_LABEL_TILES, type TileSetSpec, type TileSource } from './tiles';
import type { MapTheme } from './theme';

/** Files the map draws as they are: region, départements, zones and, under France, its neighbours. */
const DRAWN_FILES = ['zones', 'region', 'departements', 'neighbours'] as const;
export type DrawnFile = (typeof DRAWN_FILES)[number];

/** Address of each drawn file in the data folder at `dataUrl`. */
export function drawnFileUrls(dataUrl: string): Record<DrawnFile, string> {
  return Object.fromEntries(DRAWN_FILES.map((name) => [name, `${dataUrl}/${name}.geojson`])) as Record<
    DrawnFile,
    string
  >;
}

/**
 * The geometry the map draws, as loaded from the built geodata. The sources take the drawn
 * files by address: MapLibre's worker fetches and parses them, where geometry handed over as
 * objects is first copied on the page's thread, which held the first picture back.
 */
export interface MapGeodata {
  /** The page's own copy of the zones and quarters (lists, sheets, picking, label points). */
  zones: FeatureCollection<Geometry, ZoneProperties>;
  /** Where each département's name is drawn (from atlas.json: the page never reads their outlines). */
  departementLabels: FeatureCollection<Point, PlaceProperties>;
  /** Where each zone's name and marker are drawn (from atlas.json: placed by the geodata build). */
  zoneLabels: FeatureCollection<Point, ZoneProperties>;
  /** Address of each file the map draws. */
  urls: Record<DrawnFile, string>;
  /** Address of the EPCI layer, fetched the first time it is shown or an EPCI is selected. */
  epciUrl: string;
  /** The communes' vector tiles, asked only where and when they are drawn. */
  communeTiles: TileSource;
  /** The QPVs' vector tiles (their properties for search and sheets come later, in qpvs.json). */
  qpvTiles: TileSource;
  /** The town names' tiles, asked only at quarter zoom. */
  townTiles: TileSource;
}

/**
 * A vector source for a tile set: its zooms, over-zoomed beyond the last; its box, so that no
 * tile outside the data is asked for (it would be a 404); its features keyed by `spec.idProperty`.
 */
function vectorSource(spec: TileSetSpec, { url, bounds }: TileSource): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [url],
    minzoom: spec.minZoom,
    maxzoom: spec.maxZoom,
    ...(bounds ? { bounds } : {}),
    promoteId: { [spec.layer]: spec.idProperty }
  };
}

/**
 * One label point per zone (a polygon's own label would repeat per tile), at the point inside it
 * that the geodata build placed (atlas.json `zoneLabels`), with the zone's properties; a zone
 * without one is left out.
 */
export function zoneLabelPoints(
  zones: FeatureCollection<Geometry, ZoneProperties>,
  points: Readonly<Record<string, [number, number]>>
): FeatureCollection<Point, ZoneProperties> {
  return {
    type: 'FeatureCollection',
    features: zones.features.flatMap((feature) => {
      const at = points[feature.properties.id];
      return at
        ? [{ type: 'Feature', properties: feature.properties, geometry: { type: 'Point', coordinates: at } }]
        : [];
    })
  };
}

/** The départements' label points, named, from atlas.json. */
export function departementLabelPoints(
  atlas: Pick<AtlasData, 'departements' | 'departementPlaces'>
): FeatureCollection<Point, PlaceProperties> {
  return {
    type: 'FeatureCollection',
    features: Object.entries(atlas.departementPlaces).map(([code, { label }]) => ({
      type: 'Feature',
      properties: { code, name: atlas.departements[code] ?? code },
      geometry: { type: 'Point', coordinates: label }
    }))
  };
}

/**
 * The characters the départements' labels are drawn with, each once: their names in capitals, as
 * the label layer writes them (`text-transform: uppercase`), a code point each, as MapLibre splits
 * text written without combining marks.
 */
export function departementLabelGlyphs(labels: FeatureCollection<Point, PlaceProperties>): string[] {
  const glyphs = new Set<string>();
  for (const { properties } of labels.features) {
    for (const glyph of properties.name.toLocaleUpperCase()) glyphs.add(glyph);
  }
  return [...glyphs];
}

/**
 * The départements' label points are cut into tiles no deeper than zoom 3 (45° of longitude by
 * 25° of latitude) and over-zoomed beyond: the regional start view then asks for one label tile,
 * and for its glyphs once, where zoom-7 tiles asked six times, each answer coming a frame after
 * the last. A z3 tile unit is about 400 m here: a label moves by at most 4 px at zoom
 * 10, past which none is drawn.
 */
const LABEL_TILE_MAX_ZOOM = 3;

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The whole style for `geodata`, drawn with `theme`, showing the layer groups
 * `shown` and the QPVs of `qpvDepartements` (none: all) at start. Visibility is set
 * here rather than after loading: a later visibility change makes MapLibre reload
 * the layer's source.
 */
export function atlasStyle(
  geodata: MapGeodata,
  theme: MapTheme,
  shown: readonly LayerId[],
  qpvDepartements: readonly string[] = []
): StyleSpecification {
  return {
    version: 8,
    name: 'Atlas de la politique de la ville',
    'font-faces': { [LABEL_FONT]: fontUrl },
    state: {
      [STATE.brightDepartements]: { default: [] },
      [STATE.selectedEpci]: { default: '' },
      [STATE.filteredEpci]: { default: '' },
      [STATE.selectedQpv]: { default: '' },
      [STATE.selectedCommune]: { default: '' },
      [STATE.qpvDepartements]: { default: [...qpvDepartements] }
    },
    // The labels' source comes first: its tile is cut first, so the glyphs it waits for are drawn
    // on the page's thread before the other sources' tiles keep that thread busy drawing frames.
    sources: {
      [SOURCES.departementLabels]: {
        type: 'geojson',
        data: geodata.departementLabels,
        maxzoom: LABEL_TILE_MAX_ZOOM
      },
      [SOURCES.zones]: { type: 'geojson', data: geodata.urls.zones, promoteId: 'id' },
      [SOURCES.zoneLabels]: { type: 'geojson', data: geodata.zoneLabels, promoteId: 'id' },
      [SOURCES.region]: { type: 'geojson', data: geodata.urls.region },
      [SOURCES.departements]: { type: 'geojson', data: geodata.urls.departements },
      [SOURCES.communes]: vectorSource(COMMUNE_TILES, geodata.communeTiles),
      [SOURCES.epci]: { type: 'geojson', data: empty },
      [SOURCES.neighbours]: { type: 'geojson', data: geodata.urls.neighbours },
      [SOURCES.qpv]: vectorSource(QPV_TILES, geodata.qpvTiles),
      [SOURCES.towns]: vectorSource(TOWN_LABEL_TILES, geodata.townTiles),
      [SOURCES.numbers]: { type: 'geojson', data: empty }
    },
    layers: atlasLayers(theme).map((layer): LayerSpecification => {
      const group = layerGroup(layer);
      if (!group || layer.type === 'background') return layer;
      return {
        ...layer,
        layout: { ...layer.layout, visibility: shown.includes(group) ? 'visible' : 'none' }
      };
    })
  };
}

import {
  createExpression,
  featureFilter,
  isExpression,
  validateStyleMin
} from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  atlasLayers,
  HIDDEN,
  LABEL_FONT,
  layerGroup,
  SOURCES,
  STATE,
  TOWN_LABEL_LAYER
} from '../../src/lib/map/layer-specs';
import { TOWN_LABEL_TILES } from '../../src/lib/map/tiles';
import {
  atlasStyle,
  departementLabelGlyphs,
  departementLabelPoints,
  drawnFileUrls,
  zoneLabelPoints,
  type MapGeodata
} from '../../src/lib/map/style';
import { zoneLabels } from '../../geodata/build/areas';
import {
  defaultTheme,
  hatchPixels,
  presentTextSize,
  projectorTheme,
  projectorThemeAt,
  quarterHatch,
  rgbOf,
  spotlightDimmed
} from '../../src/lib/map/theme';
import { DEFAULT_LAYERS } from '../../src/lib/url/state';
import { VIEW_BOUNDS } from '../../src/lib/map/views';
import { LAYER_IDS, type ZoneProperties } from '../../src/lib/types';

/** A closed ring through the given corners. */
const ring = (...corners: [number, number][]): [number, number][] => [...corners, corners[0]!];

const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [ring([west, south], [west + size, south], [west + size, south + size], [west, south + size])]
});

/** A U-shaped polygon: its centroid falls in the notch, outside the polygon. */
const uShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    ring([3, 50], [3.3, 50], [3.3, 50.3], [3.2, 50.3], [3.2, 50.1], [3.1, 50.1], [3.1, 50.3], [3, 50.3])
  ]
};

/** Two islands far apart: the bounding-box centre lies between them. */
const islands: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [square(2, 49, 0.05).coordinates, square(2.8, 49.8, 0.05).coordinates]
};

const feature = <G extends Polygon | MultiPolygon, P>(geometry: G, properties: P): Feature<G, P> => ({
  type: 'Feature',
  geometry,
  properties
});

const zones: FeatureCollection<Polygon | MultiPolygon, ZoneProperties> = {
  type: 'FeatureCollection',
  features: [
    feature(uShape, {
      id: 'lille-concorde',
      name: 'Concorde',
      kind: 'quarter',
      departement: '59',
      perimeter: 'qpv',
      approximate: false,
      areaKm2: 0.9
    }),
    feature(islands, {
      id: 'denain-faubourg',
      name: 'Faubourg Duchâteau',
      kind: 'quarter',
      departement: '59',
      perimeter: 'communes',
      approximate: true,
      areaKm2: 11.2
    }),
    feature(square(2, 49, 2), {
      id: 'lhi-59',
      name: 'Nord',
      kind: 'acceleration-territory',
      departement: '59',
      perimeter: 'departement',
      approximate: false,
      areaKm2: 5743
    })
  ]
};

const geodata: MapGeodata = {
  zones,
  departementLabels: departementLabelPoints({
    departements: { '59': 'Nord', '62': 'Pas-de-Calais' },
    departementPlaces: {
      '59': { label: [3, 50], bbox: [2, 49, 4, 51] },
      '62': { label: [1.5, 49.5], bbox: [1, 49, 2, 50] }
    }
  }),
  zoneLabels: zoneLabelPoints(zones, zoneLabels(zones.features)),
  urls: drawnFileUrls('/data'),
  epciUrl: '/data/epci.geojson',
  communeTiles: { url: 'http://atlas.test/data/tiles/communes/{z}/{x}/{y}.pbf', bounds: [1, 49, 4, 51] },
  qpvTiles: { url: 'http://atlas.test/data/tiles/qpv/{z}/{x}/{y}.pbf', bounds: [3.01, 50.6, 3.08, 50.65] },
  townTiles: { url: 'http://atlas.test/data/tiles/towns/{z}/{x}/{y}.pbf', bounds: [1, 49, 4, 51] }
};

const themes = [
  ['default', defaultTheme],
  ['projector', projectorTheme]
] as const;

const layers = atlasLayers(defaultTheme);
const position = (id: string) => layers.findIndex((layer) => layer.id === id);
const idsWhere = (keep: (layer: LayerSpecification) => boolean) => layers.filter(keep).map((l) => l.id);
const sourceOf = (layer: LayerSpecification) => ('source' in layer ? layer.source : undefined);

/** True when `expression` contains `['feature-state', key]` anywhere. */
function readsFeatureState(expression: unknown, key: string): boolean {
  if (!Array.isArray(expression)) return false;
  if (expression[0] === 'feature-state' && expression[1] === key) return true;
  return expression.some((part) => readsFeatureState(part, key));
}

/** Whether a style expression reads the global-state property `key` anywhere inside it. */
function readsGlobalState(expression: unknown, key: string): boolean {
  if (!Array.isArray(expression)) return false;
  if (expression[0] === 'global-state' && expression[1] === key) return true;
  return expression.some((part) => readsGlobalState(part, key));
}

describe('atlasStyle', () => {
  it.each(themes)('passes the MapLibre style-spec validator with the %s theme', (_, theme) => {
    const style = atlasStyle(geodata, theme, DEFAULT_LAYERS);
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('starts with no spotlight', () => {
    const style = atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS);
    expect(style.state?.[STATE.brightDepartements]?.default).toEqual([]);
  });

  it('starts with the QPVs of the given départements drawn, all of them when none is given', () => {
    expect(
      atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS, ['059', '062']).state?.[STATE.qpvDepartements]
        ?.default
    ).toEqual(['059', '062']);
    expect(atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS).state?.[STATE.qpvDepartements]?.default).toEqual(
      []
    );
  });

  it('filters the QPV fill and outline by the qpvDepartements global state, not the selected outline', () => {
    const filterOf = (id: string) => {
      const layer = layers.find((l) => l.id === id);
      return layer && 'filter' in layer ? layer.filter : undefined;
    };
    expect(readsGlobalState(filterOf('qpv-fill'), STATE.qpvDepartements)).toBe(true);
    expect(readsGlobalState(filterOf('qpv-line'), STATE.qpvDepartements)).toBe(true);
    expect(readsGlobalState(filterOf('qpv-line-npnru'), STATE.qpvDepartements)).toBe(true);
    expect(readsGlobalState(filterOf('qpv-selected'), STATE.qpvDepartements)).toBe(false);
  });

  it("embeds every source as data or the app's own tiles, so the map requests no other server", () => {
    const style = atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const [id, source] of Object.entries(style.sources)) {
      expect(source).not.toHaveProperty('url');
      const tiles = {
        [SOURCES.communes]: geodata.communeTiles,
        [SOURCES.qpv]: geodata.qpvTiles,
        [SOURCES.towns]: geodata.townTiles
      }[id];
      if (tiles) {
        // Bounds too: the map asks for no tile outside the data, which would be a 404.
        expect(source).toMatchObject({ type: 'vector', tiles: [tiles.url], bounds: tiles.bounds });
      } else {
        expect(source.type, id).toBe('geojson');
        expect(source, id).not.toHaveProperty('tiles');
      }
    }
  });

  it('hands the drawn files to MapLibre by address, so its worker fetches and parses them', () => {
    const style = atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS);
    for (const [name, url] of Object.entries(geodata.urls)) {
      expect(style.sources[name], name).toMatchObject({ type: 'geojson', data: url });
    }
  });

  it("keys the communes' tiles by INSEE code and the QPVs' by QPV code, for feature-state", () => {
    const style = atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS);
    expect(style.sources[SOURCES.communes]).toMatchObject({ promoteId: { communes: 'code' } });
    const line = style.layers.find((layer) => layer.id === 'communes-line');
    expect(line).toMatchObject({ source: SOURCES.communes, 'source-layer': 'communes' });
    expect(style.sources[SOURCES.qpv]).toMatchObject({ promoteId: { qpv: 'code' } });
    for (const id of ['qpv-fill', 'qpv-line', 'qpv-line-npnru', 'qpv-selected'])
      expect(style.layers.find((layer) => layer.id === id)).toMatchObject({
        source: SOURCES.qpv,
        'source-layer': 'qpv'
      });
  });

  it('starts with exactly the switched-on layer groups visible, so no source reloads after loading', () => {
    const style = atlasStyle(geodata, defaultTheme, ['quarters', 'communes']);
    const visibility = Object.fromEntries(
      style.layers.filter((layer) => layerGroup(layer)).map((layer) => [layer.id, layer.layout?.visibility])
    );
    expect(visibility['quarters-fill']).toBe('visible');
    expect(visibility['communes-line']).toBe('visible');
    expect(visibility['departements-label']).toBe('none');
    expect(visibility['qpv-line']).toBe('none');
    expect(Object.values(visibility).every((value) => value === 'visible' || value === 'none')).toBe(true);
  });

  it("cuts the départements' labels so that the regional start view asks for one label tile", () => {
    const labels = atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS).sources[SOURCES.departementLabels];
    const z = labels?.type === 'geojson' ? labels.maxzoom : undefined;
    expect(z).toBeDefined();
    // The tile holding each corner of the start view (Web Mercator tiling).
    const tile = ([lon, lat]: [number, number]) => {
      const n = 2 ** z!;
      const rad = (lat * Math.PI) / 180;
      const x = Math.floor(((lon + 180) / 360) * n);
      const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
      return `${x}/${y}`;
    };
    const [[west, south], [east, north]] = VIEW_BOUNDS.hdf;
    const corners: [number, number][] = [
      [west, south],
      [west, north],
      [east, south],
      [east, north]
    ];
    expect(new Set(corners.map(tile)).size).toBe(1);
  });

  it('feeds the label source one point per zone', () => {
    const style = atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS);
    const labels = style.sources[SOURCES.zoneLabels];
    expect(
      labels?.type === 'geojson' && typeof labels.data === 'object' && 'features' in labels.data
        ? labels.data.features.map((f) => f.properties?.id)
        : null
    ).toEqual(['lille-concorde', 'denain-faubourg', 'lhi-59']);
  });
});

describe('approximate quarters, sea and town names', () => {
  /** Euclidean distance in RGB between two `#rrggbb` colours. */
  const rgbDistance = (a: string, b: string) => Math.hypot(...rgbOf(a).map((v, i) => v - rgbOf(b)[i]!));

  it.each(themes)(
    'hatches with opaque pixels of the quarter colour on a transparent ground, so overlaps draw the same pixels (%s theme)',
    (_, theme) => {
      const hatch = quarterHatch(theme);
      for (const ratio of [1, 2]) {
        const { width, height, data } = hatchPixels(hatch, ratio);
        expect(width).toBe(hatch.size * ratio);
        expect(height).toBe(width);
        let drawn = 0;
        for (let i = 0; i < data.length; i += 4) {
          expect([0, 255]).toContain(data[i + 3]);
          if (data[i + 3] === 255) {
            drawn++;
            expect([...data.slice(i, i + 3)]).toEqual(rgbOf(theme.quarter.fill));
          }
        }
        // Less than the official fill's weight: the hatch reads as lighter than an official quarter.
        expect(drawn / (width * height)).toBe(hatch.width / hatch.size);
        expect(drawn / (width * height)).toBeLessThan(theme.quarter.fillOpacity.official);
      }
    }
  );

  it.each(themes)(
    'draws approximate quarters hatched, dashed, and dashed again when selected; never filled (%s theme)',
    (_, theme) => {
      const layers = atlasLayers(theme);
      const layer = (id: string) =>
        layers.find((l) => l.id === id) as LayerSpecification & {
          paint: Record<string, unknown>;
        };
      const approximate = { type: 'Polygon', properties: { kind: 'quarter', approximate: true } } as const;
      const official = { type: 'Polygon', properties: { kind: 'quarter', approximate: false } } as const;
      const drawnFor = (id: string, f: typeof approximate | typeof official) => {
        const spec = layer(id) as { filter?: unknown };
        return spec.filter
          ? featureFilter(spec.filter as never, `${id}.filter`).filter({ zoom: 12 }, f as never)
          : true;
      };
      expect(drawnFor('quarters-hatch', approximate)).toBe(true);
      expect(drawnFor('quarters-hatch', official)).toBe(false);
      expect(drawnFor('zones-selected-approximate', approximate)).toBe(true);
      expect(drawnFor('zones-selected', approximate)).toBe(false);
      expect(drawnFor('zones-selected', official)).toBe(true);
      expect(layer('zones-selected-approximate').paint['line-dasharray']).toEqual(
        theme.quarter.approximateDash
      );
      expect(layer('quarters-line-approximate').paint['line-dasharray']).toEqual(
        theme.quarter.approximateDash
      );
    }
  );

  it.each(themes)(
    'sets the sea at least twice as far from the neighbouring land as the old pale sea was (%s theme)',
    (_, theme) => {
      // The former sea and neighbour colours of the explorer: about 20 apart in RGB.
      const before = rgbDistance('#dfe9ef', '#e4e2dd');
      expect(rgbDistance(theme.background, theme.neighbour)).toBeGreaterThanOrEqual(2 * before);
    }
  );

  it.each(themes)(
    "draws town names from zoom 10, from their tiles, yielding to the quarters' names (%s theme)",
    (_, theme) => {
      const layers = atlasLayers(theme);
      const ids = layers.map((l) => l.id);
      const towns = layers.find((l) => l.id === TOWN_LABEL_LAYER);
      expect(towns).toMatchObject({
        type: 'symbol',
        source: SOURCES.towns,
        'source-layer': TOWN_LABEL_TILES.layer,
        minzoom: 10,
        layout: { 'text-font': [LABEL_FONT] }
      });
      // A symbol layer drawn earlier yields its place to the labels of the layers above it.
      expect(ids.indexOf(TOWN_LABEL_LAYER)).toBeLessThan(ids.indexOf('quarters-label'));
      expect(TOWN_LABEL_TILES.minZoom).toBe(10);
    }
  );
});

describe('atlasLayers', () => {
  it.each(themes)(
    'dims the neighbouring land under a spotlight with the same veil as the départements outside it, opaque so overlaps do not darken it twice (%s theme)',
    (_, theme) => {
      const layers = atlasLayers(theme);
      const paint = (id: string) =>
        (layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;
      /** A veil's opacity over département `code`, with `bright` the départements in the spotlight. */
      const opacity = (id: string, bright: string[], code = '80') => {
        const parsed = createExpression(paint(id)['fill-opacity'], 'fill-opacity', null, {
          [STATE.brightDepartements]: bright
        });
        if (parsed.result !== 'success') throw new Error(`${id}: fill-opacity does not parse`);
        return parsed.value.evaluate({ zoom: 7 }, { type: 3, properties: { code } } as never);
      };
      expect(paint('spotlight')['fill-color']).toBe(theme.spotlightDim);
      expect(opacity('spotlight', ['59'])).toBe(theme.spotlightOpacity);
      expect(opacity('spotlight', ['59'], '59')).toBe(0);
      expect(opacity('spotlight', [])).toBe(0);
      expect(paint('neighbours-spotlight')['fill-color']).toBe(spotlightDimmed(theme, theme.neighbour));
      expect(opacity('neighbours-spotlight', ['59'])).toBe(1);
      expect(opacity('neighbours-spotlight', [])).toBe(0);
    }
  );

  it('lights the spotlight through the veils’ opacity, not a filter, so no tile is cut again', () => {
    for (const id of ['spotlight', 'neighbours-spotlight']) {
      const veil = atlasLayers(defaultTheme).find((l) => l.id === id) as { filter?: unknown };
      expect(JSON.stringify(veil.filter ?? null), id).not.toContain(STATE.brightDepartements);
    }
  });

  it('mixes a colour with the spotlight veil as the veil drawn once over it would', () => {
    const theme = { ...defaultTheme, spotlightDim: '#000000', spotlightOpacity: 0.5 };
    expect(spotlightDimmed(theme, '#ff8040')).toBe('#804020');
    expect(spotlightDimmed({ ...theme, spotlightOpacity: 0 }, '#ff8040')).toBe('#ff8040');
  });

  it.each(themes)('gives every layer a distinct id with the %s theme', (_, theme) => {
    const ids = atlasLayers(theme).map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every grouped layer in a group the layer panel can toggle', () => {
    const grouped = layers.filter((layer) => layer.metadata !== undefined);
    expect(grouped.length).toBeGreaterThan(0);
    for (const layer of grouped) expect(LAYER_IDS).toContain(layerGroup(layer));
  });

  it('draws at least one layer for every toggle of the layer panel', () => {
    const groups = new Set(layers.map(layerGroup));
    for (const id of LAYER_IDS) expect(groups).toContain(id);
  });

  it('draws a zone the filter hides transparent on every zone layer', () => {
    const zoneLayers = layers.filter((layer) => {
      const source = sourceOf(layer);
      return source === SOURCES.zones || source === SOURCES.zoneLabels;
    });
    expect(zoneLayers.length).toBeGreaterThan(0);
    for (const layer of zoneLayers) {
      const opacities = Object.entries(layer.paint ?? {}).filter(([name]) => name.endsWith('opacity'));
      expect(opacities.length, layer.id).toBeGreaterThan(0);
      for (const [name, value] of opacities) {
        expect(readsFeatureState(value, HIDDEN), `${layer.id} ${name}`).toBe(true);
      }
    }
  });

  it("draws no fill's edge a second time: the lines over it outline it", () => {
    const fills = layers.filter((layer) => layer.type === 'fill');
    expect(fills.length).toBeGreaterThan(0);
    for (const fill of fills) expect(fill.paint?.['fill-antialias'], fill.id).toBe(false);
  });

  it('outlines NPNRU QPVs and the others on two layers of constant paint, each QPV on one', () => {
    const outlines = layers.filter((layer) => layer.type === 'line' && layerGroup(layer) === 'qpv');
    expect(outlines.map((layer) => layer.id)).toEqual(['qpv-line', 'qpv-line-npnru']);
    const drawnBy = (npnru: boolean) =>
      outlines
        .filter((layer) =>
          featureFilter('filter' in layer ? layer.filter : undefined, `${layer.id}.filter`).filter(
            { zoom: 10, globalState: { [STATE.qpvDepartements]: [] } },
            { type: 3, properties: { code: 'QN05901M', npnru } }
          )
        )
        .map((layer) => layer.id);
    expect(drawnBy(true)).toEqual(['qpv-line-npnru']);
    expect(drawnBy(false)).toEqual(['qpv-line']);
    for (const layer of outlines) {
      for (const [name, value] of Object.entries(layer.paint ?? {})) {
        expect(isExpression(value), `${layer.id} ${name}`).toBe(false);
      }
    }
    const paintOf = (id: string) => outlines.find((layer) => layer.id === id)?.paint;
    expect(paintOf('qpv-line-npnru')).toEqual({
      'line-color': defaultTheme.qpv.npnruLine,
      'line-width': defaultTheme.qpv.npnruWidth * defaultTheme.lineScale
    });
  });

  it('names the territories at the scale of France, and hands over to the départements’ names', () => {
    const byId = (id: string) => layers.find((layer) => layer.id === id)!;
    const territories = byId('territories-label');
    expect(territories).toMatchObject({
      type: 'symbol',
      filter: ['==', ['get', 'kind'], 'acceleration-territory']
    });
    expect(territories.minzoom ?? 0).toBe(0);
    // Never both at once: a territory is a département, whose name would be written twice.
    expect(territories.maxzoom).toBeLessThanOrEqual(byId('departements-label').minzoom!);
  });

  it("draws every quarter's shape above every territory's shape", () => {
    // Names are another matter: every label lies above every shape.
    const shapes = (group: string) =>
      idsWhere((layer) => layerGroup(layer) === group && layer.type !== 'symbol').map(position);
    const quarters = shapes('quarters');
    const territories = shapes('territories');
    expect(quarters.length).toBeGreaterThan(0);
    expect(territories.length).toBeGreaterThan(0);
    expect(Math.min(...quarters)).toBeGreaterThan(Math.max(...territories));
  });

  it('draws the selection outline above every fill', () => {
    const fills = idsWhere((layer) => layer.type === 'fill' || layer.type === 'circle').map(position);
    expect(position('zones-selected')).toBeGreaterThan(Math.max(...fills));
  });

  it('draws the selection outline above the hover outline', () => {
    expect(position('zones-selected')).toBeGreaterThan(position('zones-hover'));
  });

  it('scales line widths with the projector theme', () => {
    const width = (theme: typeof defaultTheme) => {
      const layer = atlasLayers(theme).find((l) => l.id === 'region-line');
      return layer?.type === 'line' ? layer.paint?.['line-width'] : undefined;
    };
    expect(width(projectorTheme)).toBe((width(defaultTheme) as number) * projectorTheme.lineScale);
  });

  it('sizes the map names and numbers in presentation like the presentation text, 15 px at 1280 and 20 px at 1920', () => {
    const sizes = (width: number) =>
      ['departements-label', 'territories-label', TOWN_LABEL_LAYER, 'quarters-label', 'quarters-number'].map(
        (id) => {
          const layer = atlasLayers(projectorThemeAt(width)).find((l) => l.id === id);
          return layer?.type === 'symbol' ? layer.layout?.['text-size'] : undefined;
        }
      );
    expect(sizes(1280)).toEqual([15, 15, 15, 15, 15]);
    expect(sizes(1920)).toEqual([20, 20, 20, 20, 20]);
    expect(presentTextSize(1366)).toBeCloseTo(15.67, 2);
  });
});

describe('departementLabelPoints', () => {
  it("puts each département's name at its label point from atlas.json", () => {
    expect(geodata.departementLabels.features).toEqual([
      {
        type: 'Feature',
        properties: { code: '59', name: 'Nord' },
        geometry: { type: 'Point', coordinates: [3, 50] }
      },
      {
        type: 'Feature',
        properties: { code: '62', name: 'Pas-de-Calais' },
        geometry: { type: 'Point', coordinates: [1.5, 49.5] }
      }
    ]);
    const style = atlasStyle(geodata, defaultTheme, DEFAULT_LAYERS);
    expect(style.sources[SOURCES.departementLabels]).toMatchObject({
      type: 'geojson',
      data: geodata.departementLabels
    });
  });
});

describe('departementLabelGlyphs', () => {
  it("lists each character of the départements' names once, in capitals as their layer draws them", () => {
    const labels = departementLabelPoints({
      departements: { '34': 'Hérault', '80': 'Somme', '95': "Val-d'Oise", '2A': 'Corse-du-Sud' },
      departementPlaces: {
        '34': { label: [3.4, 43.6], bbox: [2.5, 43.2, 4.2, 44] },
        '80': { label: [2.3, 49.9], bbox: [1.4, 49.5, 3.2, 50.4] },
        '95': { label: [2.1, 49.1], bbox: [1.6, 48.9, 2.6, 49.2] },
        '2A': { label: [8.9, 41.8], bbox: [8.5, 41.3, 9.4, 42.4] }
      }
    });
    const glyphs = departementLabelGlyphs(labels);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    expect([...glyphs].sort()).toEqual(
      ['H', 'É', 'R', 'A', 'U', 'L', 'T', 'S', 'O', 'M', 'E', 'V', '-', 'D', "'", 'I', 'C'].sort()
    );
    // The glyphs are those the layer asks for: its names, in capitals, in the label font.
    const layer = layers[position('departements-label')]!;
    expect(layer.layout).toMatchObject({
      'text-field': ['get', 'name'],
      'text-transform': 'uppercase',
      'text-font': [LABEL_FONT]
    });
    expect(sourceOf(layer)).toBe(SOURCES.departementLabels);
  });

  it('asks for no glyph when there is no label', () => {
    expect(departementLabelGlyphs({ type: 'FeatureCollection', features: [] })).toEqual([]);
  });
});

describe('zoneLabelPoints', () => {
  it('puts each zone at the point the build placed, with its properties', () => {
    const points = zoneLabelPoints(zones, { 'lhi-59': [2.5, 49.5], 'lille-concorde': [3.05, 50.05] });
    expect(points.features.map((point) => [point.properties.id, point.geometry.coordinates])).toEqual([
      ['lille-concorde', [3.05, 50.05]],
      ['lhi-59', [2.5, 49.5]]
    ]);
    expect(points.features[0]!.properties).toBe(zones.features[0]!.properties);
  });

  it('leaves out a zone the build placed no point for', () => {
    expect(zoneLabelPoints(zones, {}).features).toEqual([]);
  });
});

describe('département names under a spotlight', () => {
  it('names every département without a spotlight, and only the bright ones under one', () => {
    const label = layers.find((layer) => layer.id === 'departements-label') as SymbolLayerSpecification;
    const named = (bright: string[]) => {
      const { filter } = featureFilter(label.filter, 'filter', { brightDepartements: bright });
      return ['59', '62', '80'].filter((code) =>
        filter({ zoom: 7 }, { type: 1, properties: { code, name: code }, geometry: [] } as never)
      );
    };
    expect(named([])).toEqual(['59', '62', '80']);
    expect(named(['59'])).toEqual(['59']);
  });
});

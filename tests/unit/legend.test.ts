import {
  createPropertyExpression,
  latest,
  type StylePropertySpecification
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { atlasLayers, HATCH_IMAGE } from '../../src/lib/map/layer-specs';
import { layerEntries } from '../../src/lib/layer-panel/entries';
import { FIXTURE_QPV_SOURCE, fixtureAtlas } from './fixtures/atlas';
import { legendEntries, legendFacts, type LegendFacts } from '../../src/lib/map/legend';
import { defaultTheme, hatchTilePath, projectorTheme, quarterHatch } from '../../src/lib/map/theme';
import { LAYER_IDS } from '../../src/lib/types';
import { fixtureDocuments, fixtureSources } from './fixtures/sources';

const facts: LegendFacts = {
  quartersDate: '2020-02',
  territoriesDate: '2020-03-02',
  qpvVintage: 'liste QPV de test',
  epciDate: '2020-01-01',
  regionName: 'Région de test'
};

describe('legendFacts', () => {
  const { atlas } = fixtureAtlas();

  it('reads the region, the QPV vintage and the EPCI date from the data', () => {
    const read = legendFacts(atlas);
    expect(read.regionName).toBe(atlas.region.name);
    expect(read.qpvVintage).toBe(atlas.qpvSource.vintage);
    expect(read.epciDate).toBe(atlas.reference.asOf);
  });

  it('gives the status date that every zone of a kind shares, and none when they differ', () => {
    const zones = atlas.zones.map((zone) => ({
      ...zone,
      statusDate: zone.kind === 'quarter' ? '2020-02' : '2020-03-02'
    }));
    expect(legendFacts({ ...atlas, zones })).toMatchObject({
      quartersDate: '2020-02',
      territoriesDate: '2020-03-02'
    });
    const quarter = zones.findIndex((zone) => zone.kind === 'quarter');
    const differing = zones.map((zone, i) => (i === quarter ? { ...zone, statusDate: '2020-01' } : zone));
    expect(legendFacts({ ...atlas, zones: differing }).quartersDate).toBeNull();
  });
});

describe('legendEntries', () => {
  it('words its dates and names from the facts, and leaves out a date there is not one of', () => {
    const labels = legendEntries(defaultTheme, LAYER_IDS, facts).map((entry) => entry.label);
    expect(labels).toContain('Quartier NPNRU validé (point de février 2020), contour officiel QPV');
    expect(labels).toContain("Territoire d'accélération habitat indigne (2 mars 2020)");
    expect(labels).toContain('Quartier prioritaire, liste QPV de test');
    expect(labels).toContain('Intercommunalité (EPCI au 1er janvier 2020)');
    expect(labels).toContain('Région Région de test');
    const undated = legendEntries(defaultTheme, ['quarters'], { ...facts, quartersDate: null });
    expect(undated[0]?.label).toBe('Quartier NPNRU validé, contour officiel QPV');
  });

  it('names the intercommunality the filters keep, dashed as the map outlines it, whatever the layers', () => {
    const entries = legendEntries(defaultTheme, ['quarters'], facts, 'CA de test');
    const filtered = entries.at(-1)!;
    expect(filtered.label).toBe('Filtre : CA de test');
    expect(filtered.swatch).toMatchObject({ shape: 'line', stroke: defaultTheme.selected });
    expect(filtered.swatch.dash).toHaveLength(2);
    expect(legendEntries(defaultTheme, ['quarters'], facts).map((entry) => entry.label)).not.toContain(
      'Filtre : CA de test'
    );
  });

  it('lists entries only for the layers switched on', () => {
    const entries = legendEntries(defaultTheme, ['territories', 'region'], facts);
    expect(new Set(entries.map((entry) => entry.layer))).toEqual(new Set(['territories', 'region']));
  });

  it('lists at least one entry for each layer when every layer is on', () => {
    const layers = new Set(legendEntries(defaultTheme, LAYER_IDS, facts).map((entry) => entry.layer));
    expect([...layers].sort()).toEqual([...LAYER_IDS].sort());
  });

  it('lists nothing when every layer is off', () => {
    expect(legendEntries(defaultTheme, [], facts)).toEqual([]);
  });

  it('keeps the map order whatever the order the layers were switched on in', () => {
    const labels = (layers: Parameters<typeof legendEntries>[1]) =>
      legendEntries(defaultTheme, layers, facts).map((entry) => entry.label);
    expect(labels(['region', 'qpv', 'quarters'])).toEqual(labels(['quarters', 'qpv', 'region']));
  });

  it('draws approximate quarters with a dash and official quarters with a solid outline', () => {
    const quarters = legendEntries(defaultTheme, ['quarters'], facts);
    expect(quarters).toHaveLength(2);
    const dashed = quarters.filter((entry) => entry.swatch.dash !== undefined);
    expect(dashed).toHaveLength(1);
    expect(dashed[0]?.label).toMatch(/approché/);
    expect(quarters.find((entry) => entry.swatch.dash === undefined)?.label).toMatch(/officiel/);
  });

  it.each([
    ['default', defaultTheme],
    ['projector', projectorTheme]
  ] as const)(
    "fills official quarters as the map does, and hatches approximate ones with the map's pattern and no fill (%s theme)",
    (_, theme) => {
      const layers = atlasLayers(theme);
      const paintOf = (id: string) =>
        (layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;
      const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)
        .paint_fill!['fill-opacity']!;
      const parsed = createPropertyExpression(
        paintOf('quarters-fill')['fill-opacity'],
        'layers.quarters-fill.paint.fill-opacity',
        spec
      );
      if (parsed.result === 'error') throw new Error(parsed.value.map((e) => e.message).join('; '));
      // The map's quarter fill for a quarter hidden or not, hovered or not.
      const onMap = (approximate: boolean, hover: boolean) =>
        parsed.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties: { approximate } }, { hover });

      const [official, approximate] = legendEntries(theme, ['quarters'], facts);
      expect(official?.swatch.fillOpacity).toBe(onMap(false, false));
      expect(official?.swatch.fill).toBe(paintOf('quarters-fill')['fill-color']);
      // No fill for an approximate quarter, under the pointer neither: only the hatch.
      expect(onMap(true, false)).toBe(0);
      expect(onMap(true, true)).toBe(0);
      expect(approximate?.swatch.fill).toBeUndefined();
      expect(approximate?.swatch.hatch).toEqual({
        color: quarterHatch(theme).color,
        size: theme.quarter.hatch.size,
        path: hatchTilePath(theme.quarter.hatch)
      });
      expect(paintOf('quarters-hatch')['fill-pattern']).toBe(HATCH_IMAGE);
      expect(approximate?.swatch.dash).toEqual(
        theme.quarter.approximateDash.map((d) => d * theme.quarter.width)
      );
    }
  );

  it('takes its colours from the theme', () => {
    const fill = (theme: typeof defaultTheme) => legendEntries(theme, ['quarters'], facts)[0]?.swatch.fill;
    expect(fill(defaultTheme)).toBe(defaultTheme.quarter.fill);
    expect(fill(projectorTheme)).toBe(projectorTheme.quarter.fill);
  });
});

describe('layerEntries', () => {
  const credits = {
    documents: fixtureDocuments,
    sources: fixtureSources,
    region: { code: '32', name: 'Test' }
  };
  const legend = legendEntries(defaultTheme, LAYER_IDS, facts);
  const entries = layerEntries(legend, credits, { quarters: 3, qpv: 7 });

  it('offers exactly one entry per layer id, in the canonical order', () => {
    expect(entries.map((entry) => entry.id)).toEqual([...LAYER_IDS]);
  });

  it('credits each layer with the documents, then the sources, that list it, each credit once', () => {
    const source = (id: string) => entries.find((entry) => entry.id === id)?.source;
    expect(source('territories')).toBe('Lettre de test, 1er janvier 2019 ; IGN 2018');
    expect(source('quarters')).toBe('Lettre de test, 1er janvier 2019 ; ANCT QPV 2015');
    expect(source('communes')).toBe('IGN 2018 ; INSEE, COG 2019');
    expect(source('region')).toBe('');
  });

  it('adds the count given for a layer to its label, and none to the others', () => {
    const label = (id: string) => entries.find((entry) => entry.id === id)?.label;
    expect(label('quarters')).toBe('Quartiers NPNRU validés (3)');
    // The extent of the QPV data is said by its 'holds' line, not the label: it varies with the data.
    expect(label('qpv')).toBe('Quartiers prioritaires (QPV) (7)');
    expect(label('territories')).toBe("Territoires d'accélération habitat indigne");
    expect(label('region')).toBe('Région Test');
  });

  it('says what the data of a layer holds when given, and nothing for the others', () => {
    const held = layerEntries(legend, credits, {}, { qpv: '7 QPV (département : Nord).' });
    expect(held.find((entry) => entry.id === 'qpv')?.holds).toBe('7 QPV (département : Nord).');
    expect(held.filter((entry) => entry.holds !== undefined).map((entry) => entry.id)).toEqual(['qpv']);
  });

  it('shows each layer with the first symbol of its legend, the solid outline for quarters', () => {
    for (const entry of entries) {
      const first = legend.find((line) => line.layer === entry.id);
      expect(entry.swatch).toEqual(first?.swatch);
    }
    expect(entries.find((entry) => entry.id === 'quarters')?.swatch.dash).toBeUndefined();
  });

  it('describes the QPV file the build read: name, layer, vintage, count and checksum', () => {
    const national = {
      ...FIXTURE_QPV_SOURCE,
      file: 'qp-politiquedelaville-shp.zip',
      layer: 'QP_METROPOLE_LB93',
      sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
      vintage: 'liste QPV 2015 (ressource du 10 janvier 2018)',
      features: 1296,
      drawn: 199,
      national: true
    };
    const qpv = layerEntries(legend, { ...credits, qpvSource: national }, { qpv: 199 }).find(
      (e) => e.id === 'qpv'
    );
    expect(qpv?.source).toContain(
      'fichier qp-politiquedelaville-shp.zip, couche QP_METROPOLE_LB93 — liste QPV 2015 (ressource du 10 janvier 2018), 1\u202f296 QPV, sha256 a1b2c3d4e5f6…'
    );
  });
});

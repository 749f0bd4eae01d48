// Assembling the content of every generated file from validated inputs (contract:
// notes/outputs.md). Pure: no IO, the same inputs give the same bytes.
import type { FeatureCollection } from 'geojson';
import { linkMeasures } from '../../src/lib/measures/link';
import type { Scene } from '../../src/lib/present/scenes';
import type { AtlasData, Measure, Zone } from '../../src/lib/types';
import { communesLayer, namedAreaLayer, placesList, qpvLayer } from './layers';
import type { Area, AreaFeature } from './read';
import type { Simplification } from './simplify';
import { SourceError, type SourceEntry } from './sources';
import type { OutputFile } from './write';
import type { AdminProperties, QpvSourceProperties, ZoneFeature } from './zones';

/** Code of the Hauts-de-France region, the atlas's home region. */
export const HOME_REGION = '32';

/** Simplification of each context layer. */
export interface LayerSimplification {
  region: Simplification;
  departements: Simplification;
  communes: Simplification;
  qpv: Simplification;
}

/** Everything the generated files are made of, already validated and in WGS84. */
export interface OutputInputs {
  generatedAt: string;
  sources: SourceEntry[];
  departements: AreaFeature<AdminProperties>[];
  regions: AreaFeature<AdminProperties>[];
  communes: AreaFeature<AdminProperties>[];
  qpvs: AreaFeature<QpvSourceProperties>[];
  npnruCodes: ReadonlySet<string>;
  zones: Zone[];
  zoneFeatures: ZoneFeature[];
  measures: Measure[];
  scenes: Scene[];
  regionDepartements: Record<string, string[]>;
}

/** A GeoJSON output file; compact JSON, since these files are only read by machines. */
function geojsonFile<P>(name: string, collection: FeatureCollection<Area, P>): OutputFile {
  return { name, content: JSON.stringify(collection), features: collection.features.length };
}

/** The content of atlas.json. */
export function buildAtlas(inputs: OutputInputs): AtlasData {
  const home = inputs.regions.find((r) => r.properties.code === HOME_REGION);
  if (!home) throw new SourceError(`the regions source has no region "${HOME_REGION}"`);
  const departements = Object.fromEntries(
    inputs.departements
      .map((d) => [d.properties.code, d.properties.nom] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1))
  );
  return {
    generatedAt: inputs.generatedAt,
    region: { code: HOME_REGION, name: home.properties.nom },
    departements,
    regionDepartements: inputs.regionDepartements,
    zones: inputs.zones,
    measures: inputs.measures,
    links: linkMeasures(inputs.zones, inputs.measures, inputs.regionDepartements),
    scenes: inputs.scenes,
    sources: inputs.sources.map(({ id, title, publisher, licence, vintage, url }) => ({
      id,
      title,
      publisher,
      licence,
      vintage,
      url
    }))
  };
}

/** Every generated file but the manifest, in the order they are listed. */
export function assembleOutputs(inputs: OutputInputs, simplification: LayerSimplification): OutputFile[] {
  const region = namedAreaLayer(
    inputs.regions.filter((r) => r.properties.code === HOME_REGION),
    simplification.region
  );
  const zones: FeatureCollection<Area, ZoneFeature['properties']> = {
    type: 'FeatureCollection',
    features: inputs.zoneFeatures
  };
  return [
    geojsonFile('zones.geojson', zones),
    geojsonFile('region.geojson', region),
    geojsonFile('departements.geojson', namedAreaLayer(inputs.departements, simplification.departements)),
    geojsonFile('qpv.geojson', qpvLayer(inputs.qpvs, inputs.npnruCodes, inputs.zones, simplification.qpv)),
    geojsonFile('communes.geojson', communesLayer(inputs.communes, simplification.communes)),
    { name: 'places.json', content: JSON.stringify(placesList(inputs.communes)), features: null },
    { name: 'atlas.json', content: JSON.stringify(buildAtlas(inputs)), features: null }
  ];
}

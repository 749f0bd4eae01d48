// Assembling the content of every generated file from validated inputs (their types are in
// src/lib/types.ts). Pure: no IO, the same inputs give the same bytes.
import type { FeatureCollection } from 'geojson';
import { compareMeasures, linkMeasures } from '../../src/lib/measures/link';
import type {
  AtlasData,
  CommuneProperties,
  EpciProperties,
  Measure,
  PlaceProperties,
  QpvProperties,
  QpvSourceInfo,
  Scene,
  SourceInfo,
  Zone
} from '../../src/lib/types';
import {
  communesLayer,
  epciLayer,
  departementPlaces,
  zoneLabels,
  namedAreas,
  placesList,
  qpvCoverage,
  qpvLayer,
  qpvList,
  qpvTileLayer,
  tileBounds,
  townLabelPoints,
  zoneEpcis
} from './areas';
import type { Area, AreaFeature } from './read';
import type { ReferenceJoin } from './reference';
import {
  DataError,
  type DocumentEntry,
  type ReferenceEntry,
  type SourceEntry
} from '../../src/lib/data/schema';
import { COMMUNE_TILES, QPV_TILES, TOWN_LABEL_TILES } from '../../src/lib/map/tiles';
import { cutTiles } from './tiles';
import type { OutputFile, TileSetOutput } from './write';
import type { QpvArchiveEntry } from './sources';
import type { AdminProperties, QpvSourceProperties, ZoneFeature } from './zones';

/** Code of the Hauts-de-France region, the atlas's home region. */
export const HOME_REGION = '32';

/** Everything the generated files are made of, already validated, in WGS84 and simplified. */
export interface OutputInputs {
  generatedAt: string;
  documents: DocumentEntry[];
  sources: (SourceEntry | QpvArchiveEntry)[];
  reference: ReferenceEntry & { asOf: string };
  neighboursSource: ReferenceEntry;
  referenceJoin: ReferenceJoin;
  /** Neighbouring countries' land, drawn under France. */
  neighbours: FeatureCollection<Area, Record<string, never>>;
  /** Every département, simplified on shared arcs. */
  departements: AreaFeature<AdminProperties>[];
  /** Every region (names only are read from it). */
  regions: AreaFeature<AdminProperties>[];
  /** The home region's outline, dissolved from its simplified départements. */
  region: AreaFeature<object>[];
  /** Communes of the reference vintage, dissolved from the 2018 outlines and simplified on shared arcs. */
  communes: AreaFeature<{ code: string }>[];
  /** EPCIs of the home region, dissolved from the same arcs as the communes. */
  epcis: AreaFeature<{ epci: string }>[];
  /** QPV contours, simplified on shared arcs. */
  qpvs: AreaFeature<QpvSourceProperties>[];
  /** The QPV file read; `drawn` is counted here. Every QPV of the file goes to the tiles and the list. */
  qpvSource: Omit<QpvSourceInfo, 'drawn'>;
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

/** The home region's source feature, or throws. */
function homeRegion(inputs: OutputInputs): AreaFeature<AdminProperties> {
  const home = inputs.regions.find((r) => r.properties.code === HOME_REGION);
  if (!home) throw new DataError(`the regions source has no region "${HOME_REGION}"`);
  return home;
}

/** The content of atlas.json, given the communes and EPCI layers it draws zone membership from, and the QPV layer. */
export function buildAtlas(
  inputs: OutputInputs,
  communes: FeatureCollection<Area, CommuneProperties>,
  epcis: FeatureCollection<Area, EpciProperties>,
  qpvs: FeatureCollection<Area, QpvProperties>
): AtlasData {
  const home = homeRegion(inputs);
  const homeDepartements = inputs.regionDepartements[HOME_REGION] ?? [];
  const coverage = qpvCoverage(
    qpvs.features.map((f) => f.properties),
    homeDepartements
  );
  // The one place the order of measures is decided: atlas.json lists them, and each zone's
  // links, in this order, and every sheet keeps it.
  const measures = [...inputs.measures].sort(compareMeasures);
  const epcisOfZones = zoneEpcis(inputs.zones, communes);
  const heldEpcis = new Set(Object.values(epcisOfZones).flat());
  const departements = Object.fromEntries(
    inputs.departements
      .map((d) => [d.properties.code, d.properties.nom] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1))
  );
  return {
    generatedAt: inputs.generatedAt,
    region: { code: HOME_REGION, name: home.properties.nom },
    departements,
    departementPlaces: departementPlaces(inputs.departements),
    zoneLabels: zoneLabels(inputs.zoneFeatures),
    epcis: Object.fromEntries(
      epcis.features
        .filter((f) => heldEpcis.has(f.properties.code))
        .map((f) => [f.properties.code, f.properties.name])
    ),
    zoneEpcis: epcisOfZones,
    regionDepartements: inputs.regionDepartements,
    zones: inputs.zones,
    measures,
    links: linkMeasures(inputs.zones, measures, inputs.regionDepartements),
    scenes: inputs.scenes,
    documents: inputs.documents,
    dataDate: newestDate(inputs.documents),
    sources: [...inputs.sources, inputs.reference, inputs.neighboursSource].map(sourceInfo),
    qpvSource: { ...inputs.qpvSource, drawn: coverage.count - coverage.outsideRegion },
    qpvCoverage: coverage,
    tileBounds: { communes: tileBounds(communes), qpv: tileBounds(qpvs) },
    reference: { ...sourceInfo(inputs.reference), asOf: inputs.reference.asOf }
  };
}

/** The date of the newest text, or null for none (ISO dates sort as strings). */
function newestDate(documents: readonly DocumentEntry[]): string | null {
  return (
    documents
      .map((d) => d.date)
      .sort()
      .at(-1) ?? null
  );
}

/** What atlas.json republishes of a source or reference entry. */
function sourceInfo({
  id,
  title,
  publisher,
  licence,
  vintage,
  url,
  credit,
  layers
}: SourceEntry | QpvArchiveEntry | ReferenceEntry): SourceInfo {
  return { id, title, publisher, licence, vintage, url, credit, layers };
}

/** Every generated file but the manifest, in the order they are listed, the QPV source as credited, and the tile sets. */
export function assembleOutputs(inputs: OutputInputs): {
  files: OutputFile[];
  qpvSource: QpvSourceInfo;
  tileSets: TileSetOutput[];
  atlas: AtlasData;
} {
  const region: FeatureCollection<Area, PlaceProperties> = {
    type: 'FeatureCollection',
    features: inputs.region.map((f) => ({
      type: 'Feature',
      properties: { code: HOME_REGION, name: homeRegion(inputs).properties.nom },
      geometry: f.geometry
    }))
  };
  const zones: FeatureCollection<Area, ZoneFeature['properties']> = {
    type: 'FeatureCollection',
    features: inputs.zoneFeatures
  };
  const epcis = epciLayer(inputs.epcis, inputs.referenceJoin);
  // Every QPV of the file, national or not: the map draws them from tiles, the region's by default.
  const qpvs = qpvLayer(inputs.qpvs, inputs.npnruCodes, inputs.zones);
  const communes = communesLayer(
    inputs.communes,
    inputs.referenceJoin,
    new Set(epcis.features.map((f) => f.properties.code))
  );
  const atlas = buildAtlas(inputs, communes, epcis, qpvs);
  const places = placesList(communes, epcis, inputs.referenceJoin);
  const towns = townLabelPoints(communes, places);
  const files = [
    geojsonFile('neighbours.geojson', inputs.neighbours),
    geojsonFile('zones.geojson', zones),
    geojsonFile('region.geojson', region),
    geojsonFile('departements.geojson', namedAreas(inputs.departements)),
    geojsonFile('communes.geojson', communes),
    geojsonFile('epci.geojson', epcis),
    {
      name: 'places.json',
      content: JSON.stringify(places),
      features: null
    },
    { name: 'qpvs.json', content: JSON.stringify(qpvList(qpvs)), features: null },
    { name: 'atlas.json', content: JSON.stringify(atlas), features: null }
  ];
  // The map draws the communes from tiles; communes.geojson stays the layer's whole outline file.
  // The QPVs have no GeoJSON file: their contours are in tiles, their properties in qpvs.json.
  const tileSets = [
    { spec: COMMUNE_TILES, features: communes.features.length, tiles: cutTiles(communes, COMMUNE_TILES) },
    { spec: QPV_TILES, features: qpvs.features.length, tiles: cutTiles(qpvTileLayer(qpvs), QPV_TILES) },
    { spec: TOWN_LABEL_TILES, features: towns.features.length, tiles: cutTiles(towns, TOWN_LABEL_TILES) }
  ];
  return { files, qpvSource: atlas.qpvSource, tileSets, atlas };
}

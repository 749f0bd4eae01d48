// The geodata build: the thin IO shell around the pure steps. Reads geodata/*.json and the
// raw sources, validates, reprojects, assembles zones and layers, links measures, then
// writes static/data atomically. Every step it calls can be tested on its own.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import {
  DataError,
  parseDocumentManifest,
  parseMeasures,
  parseReferenceManifest,
  parseScenes,
  parseSourceManifest,
  parseZones,
  QPV_CODE,
  type ReferenceEntry,
  type SourceEntry
} from '../../src/lib/data/schema';
import type { Zone } from '../../src/lib/types';
import { readShapefileArchive } from './archive';
import { readGeoPackageLayer } from './gpkg';
import { departementOfCommune, departementsByRegion } from './areas';
import { assembleOutputs, HOME_REGION } from './outputs';
import { assembleOpenData, OPEN_DATA_DIR, writeOpenData } from './opendata';
import { parseAreaCollection, parseCodeList, parseJsonBytes, parseJsonText, type AreaFeature } from './read';
import { resolveCrs, toWgs84 } from './reproject';
import { neighbourLand } from './neighbours';
import { joinReference, joinReport, readReference } from './reference';
import {
  parseQpvArchiveEntry,
  readLocalSource,
  readSource,
  sha256Hex,
  sourceById,
  type Fetch,
  type QpvArchiveEntry,
  type SourceDirs
} from './sources';
import {
  communeTopology,
  departementTopology,
  sharedSimplify,
  type TopologySimplification
} from './topology';
import { writeOutputDir, type Manifest } from './write';
import {
  buildZoneFeatures,
  checkZoneReferences,
  publishedZones,
  type AdminProperties,
  type QpvSourceProperties,
  type ZoneSimplification
} from './zones';

/** Where the build reads and writes. */
export interface BuildOptions extends SourceDirs {
  /** A folder holding the reference packages by name, like node_modules; the installed ones by default. */
  referencesDir?: string;
  /** Project root holding geodata/sources.json, geodata/zones.json and geodata/measures.json. */
  root: string;
  outDir: string;
  /** Where the open-data package goes; `donnees/` beside outDir by default. */
  openDataDir?: string;
  /** Build time written in the outputs; now by default. */
  now?: Date;
  fetch?: Fetch;
  /** Path of the official QPV archive; when absent the build looks in the sources dir, then in geodata/local/. */
  qpvArchive?: string;
}

/** What a successful build produced. */
export interface BuildResult {
  /** The build report of the reference join: mappings of merged communes, unknown codes. */
  referenceReport: string[];
  manifest: Manifest;
  /** Path of the QPV source actually read (relative to the sources dir, or the archive's path). */
  qpvSource: string;
  durationMs: number;
}

/** Data file paths, relative to the root; also the labels used in error messages. */
export const DATA_FILES = {
  sources: 'geodata/sources.json',
  zones: 'geodata/zones.json',
  measures: 'geodata/measures.json',
  scenes: 'geodata/scenes.json'
} as const;

/** Ids of the sources the build reads; every `communes-*` source is read too. */
export const SOURCE_IDS = {
  departements: 'departements',
  regions: 'regions',
  qpvGeojson: 'qpv-2015-mel-lambert93',
  qpvGeoPackage: 'qpv-2015-mel-gpkg',
  npnru: 'npnru-qpv-2015-codes'
} as const;

/** Layer of the GeoPackage holding the QPV contours. */
const QPV_LAYER = 'qpvs';
/** Published name of the official QPV archive, which the build looks for. */
const QPV_ARCHIVE_FILE = 'qp-politiquedelaville-shp.zip';
/** Git-ignored folder, relative to the root, where a maintainer may drop the official QPV archive. */
export const QPV_DROP_IN_DIR = 'geodata/local';
const QPV_PROPERTIES = ['CODE_QP', 'NOM_QP', 'COMMUNE_QP'] as const;
const ADMIN_PROPERTIES = ['code', 'nom'] as const;

/**
 * Simplification. Zones keep the ring-by-ring Douglas-Peucker of simplify.ts, in degrees
 * (0.00001° ≈ 1 m; 0.0001° ≈ 10 m): quarters are small and drawn alone. Context layers are
 * simplified on shared arcs with mapshaper (topology.ts), intervals in metres: départements
 * (and the region dissolved from them) are seen at national and regional zooms; communes and
 * EPCI are lazy-loaded context; QPV keep metre precision, being a few hundred metres wide.
 */
export const SIMPLIFICATION: {
  zones: ZoneSimplification;
  topology: Record<TopologyLayer, TopologySimplification>;
} = {
  zones: {
    qpv: { tolerance: 0.00001, decimals: 5 },
    communes: { tolerance: 0.0001, decimals: 5 },
    departement: { tolerance: 0.005, decimals: 4 }
  },
  topology: {
    departements: { intervalMetres: 500, decimals: 4 },
    communes: { intervalMetres: 200, decimals: 4 },
    qpv: { intervalMetres: 2, decimals: 5 }
  }
};
type TopologyLayer = 'departements' | 'communes' | 'qpv';

/** Ids of the references of sources.json the build reads. */
export const REFERENCE_IDS = {
  communes: 'cog-2019-decoupage-administratif',
  neighbours: 'natural-earth-neighbours'
} as const;

/** The folder of a reference package, after checking it is the version sources.json pins. */
async function referenceDir(entry: ReferenceEntry, referencesDir: string | undefined): Promise<string> {
  const dir = referencesDir
    ? join(referencesDir, entry.package)
    : dirname(createRequire(import.meta.url).resolve(`${entry.package}/package.json`));
  let version: unknown;
  try {
    version = (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version?: unknown })
      .version;
  } catch {
    throw new DataError(`${join(dir, 'package.json')}: reference package not found (npm install?)`);
  }
  if (version !== entry.version)
    throw new DataError(
      `${DATA_FILES.sources}: reference "${entry.id}" pins ${entry.package} ${entry.version}, but ${String(version)} is installed`
    );
  return dir;
}

/** The reference with that id, or throws. */
function referenceById(entries: ReferenceEntry[], id: string): ReferenceEntry {
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new DataError(`${DATA_FILES.sources}: no reference with id "${id}"`);
  return entry;
}

/** Reads a project data file as JSON, naming it when missing or malformed. */
async function readDataFile(root: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DataError([`${file}: not found`]);
    throw error;
  }
  try {
    return parseJsonText(text, file);
  } catch (error) {
    throw new DataError([(error as Error).message]);
  }
}

/** Reads an Admin Express source (départements, regions or communes) in WGS84. */
async function loadAdminSource(
  entry: SourceEntry,
  dirs: SourceDirs,
  fetchBytes?: Fetch
): Promise<AreaFeature<AdminProperties>[]> {
  const bytes = await readSource(entry, dirs, fetchBytes);
  const { collection, declaredCrs } = parseAreaCollection(
    parseJsonBytes(bytes, entry.path),
    entry.path,
    ADMIN_PROPERTIES
  );
  return toWgs84(collection, resolveCrs(declaredCrs, entry.crs, entry.path), entry.path).features;
}

/** The QPV contours read, in WGS84, and what the manifest and the layer panel say of them. */
export interface QpvSource {
  features: AreaFeature<QpvSourceProperties>[];
  /** Path of the file read, as named in error messages. */
  file: string;
  /** The source credited in atlas.json. */
  entry: SourceEntry | QpvArchiveEntry;
  layer: string | null;
  sha256: string;
  national: boolean;
}

/**
 * The official QPV archive to read, or null when the maintainer has brought none: the path
 * given, else the published file name under qpv-2015/ of the sources dir, else in the drop-in folder.
 */
function findQpvArchive(options: BuildOptions): string | null {
  if (options.qpvArchive !== undefined) {
    if (!existsSync(options.qpvArchive))
      throw new DataError(`${options.qpvArchive}: QPV archive not found (GEODATA_QPV_ARCHIVE)`);
    return options.qpvArchive;
  }
  const candidates = [
    join(options.sourcesDir, 'qpv-2015', QPV_ARCHIVE_FILE),
    join(options.root, QPV_DROP_IN_DIR, QPV_ARCHIVE_FILE)
  ];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Reads the official QPV archive: its metropolitan layer, validated and in WGS84. */
async function loadQpvArchive(path: string, entry: QpvArchiveEntry): Promise<QpvSource> {
  const bytes = await readFile(path);
  const archive = await readShapefileArchive(bytes, path, entry.layer);
  const label = `${path} (${archive.layer})`;
  const { collection } = parseAreaCollection(archive.collection, label, QPV_PROPERTIES);
  return {
    features: toWgs84(collection, archive.crs, label).features,
    file: path,
    entry,
    layer: archive.layer,
    sha256: sha256Hex(bytes),
    national: true
  };
}

/**
 * Reads the QPV contours in WGS84: the official archive when the maintainer brought it, else
 * the GeoJSON derived from the GeoPackage where it is available locally (it has no public
 * address), else layer `qpvs` of the GeoPackage itself.
 */
async function loadQpvSource(
  manifestJson: unknown,
  entries: SourceEntry[],
  options: BuildOptions
): Promise<QpvSource> {
  const dirs: SourceDirs = { sourcesDir: options.sourcesDir, cacheDir: options.cacheDir };
  const archive = findQpvArchive(options);
  if (archive !== null)
    return loadQpvArchive(archive, parseQpvArchiveEntry(manifestJson, DATA_FILES.sources));
  const geojson = entries.find((e) => e.id === SOURCE_IDS.qpvGeojson);
  const local = geojson ? await readLocalSource(geojson, dirs) : null;
  if (geojson && local) {
    const { collection, declaredCrs } = parseAreaCollection(
      parseJsonBytes(local, geojson.path),
      geojson.path,
      QPV_PROPERTIES
    );
    const crs = resolveCrs(declaredCrs, geojson.crs, geojson.path);
    return {
      features: toWgs84(collection, crs, geojson.path).features,
      file: geojson.path,
      entry: geojson,
      layer: null,
      sha256: geojson.sha256,
      national: false
    };
  }
  const gpkg = sourceById(entries, SOURCE_IDS.qpvGeoPackage, DATA_FILES.sources);
  const layer = await readGeoPackageLayer(await readSource(gpkg, dirs, options.fetch), QPV_LAYER, gpkg.path);
  const label = `${gpkg.path} (layer ${QPV_LAYER})`;
  const { collection } = parseAreaCollection(layer.collection, label, QPV_PROPERTIES);
  return {
    features: toWgs84(collection, resolveCrs(layer.crs, gpkg.crs, label), label).features,
    file: gpkg.path,
    entry: gpkg,
    layer: QPV_LAYER,
    sha256: gpkg.sha256,
    national: false
  };
}

/** Indexes features by a code property; a code appearing twice is an error. */
function indexByCode<P>(
  features: AreaFeature<P>[],
  code: (p: P) => string,
  what: string
): Map<string, AreaFeature<P>> {
  const map = new Map<string, AreaFeature<P>>();
  for (const feature of features) {
    const key = code(feature.properties);
    if (map.has(key)) throw new DataError(`${what}: code "${key}" appears twice`);
    map.set(key, feature);
  }
  return map;
}

/** The inputs both the build and `npm run geodata:suggest` read: the zones, the QPV file, the NPNRU list. */
export interface QpvMatchingInputs {
  manifestJson: unknown;
  entries: SourceEntry[];
  departements: AreaFeature<AdminProperties>[];
  regions: AreaFeature<AdminProperties>[];
  departementIndex: Map<string, AreaFeature<AdminProperties>>;
  codes: { departements: Set<string>; regions: Set<string> };
  zones: Zone[];
  qpv: QpvSource;
  npnruCodes: Set<string>;
}

/** Reads and validates the zones, the QPV file the build would read, and the NPNRU code list. */
export async function readQpvMatchingInputs(options: BuildOptions): Promise<QpvMatchingInputs> {
  const dirs: SourceDirs = { sourcesDir: options.sourcesDir, cacheDir: options.cacheDir };
  const manifestJson = await readDataFile(options.root, DATA_FILES.sources);
  const entries = parseSourceManifest(manifestJson, DATA_FILES.sources);
  const source = (id: string) => sourceById(entries, id, DATA_FILES.sources);
  const departements = await loadAdminSource(source(SOURCE_IDS.departements), dirs, options.fetch);
  const regions = await loadAdminSource(source(SOURCE_IDS.regions), dirs, options.fetch);
  const qpv = await loadQpvSource(manifestJson, entries, options);
  const npnruEntry = source(SOURCE_IDS.npnru);
  const npnruCodes = parseCodeList(
    new TextDecoder().decode(await readSource(npnruEntry, dirs, options.fetch)),
    npnruEntry.path,
    'code_qp',
    QPV_CODE
  );
  const departementIndex = indexByCode(departements, (p) => p.code, source(SOURCE_IDS.departements).path);
  const codes = {
    departements: new Set(departementIndex.keys()),
    regions: new Set(indexByCode(regions, (p) => p.code, source(SOURCE_IDS.regions).path).keys())
  };
  const zones = parseZones(await readDataFile(options.root, DATA_FILES.zones), DATA_FILES.zones, codes);
  return { manifestJson, entries, departements, regions, departementIndex, codes, zones, qpv, npnruCodes };
}

/** Runs the whole build; throws DataError or DataError on bad input, leaving outDir untouched. */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const generatedAt = (options.now ?? new Date()).toISOString();
  const dirs: SourceDirs = { sourcesDir: options.sourcesDir, cacheDir: options.cacheDir };
  const { manifestJson, entries, departements, regions, departementIndex, codes, zones, qpv, npnruCodes } =
    await readQpvMatchingInputs(options);
  const references = parseReferenceManifest(manifestJson, DATA_FILES.sources);
  const documents = parseDocumentManifest(manifestJson, DATA_FILES.sources);
  const referenceEntry = referenceById(references, REFERENCE_IDS.communes);
  const { asOf } = referenceEntry;
  if (asOf === undefined)
    throw new DataError(
      `${DATA_FILES.sources}: reference "${referenceEntry.id}": field "asOf": missing (the date its codes and EPCIs are those of)`
    );
  const neighboursEntry = referenceById(references, REFERENCE_IDS.neighbours);
  const communeEntries = entries.filter((e) => e.id.startsWith('communes-'));
  if (communeEntries.length === 0) throw new DataError(`${DATA_FILES.sources}: no "communes-*" source`);
  const communes: AreaFeature<AdminProperties>[] = [];
  for (const entry of communeEntries) communes.push(...(await loadAdminSource(entry, dirs, options.fetch)));

  const measures = parseMeasures(
    await readDataFile(options.root, DATA_FILES.measures),
    DATA_FILES.measures,
    new Set(zones.map((z) => z.id)),
    codes
  );

  // The deck is optional (a fork may ship none); when present it must be valid.
  const scenes = existsSync(join(options.root, DATA_FILES.scenes))
    ? parseScenes(await readDataFile(options.root, DATA_FILES.scenes), DATA_FILES.scenes, {
        zoneIds: new Set(zones.map((z) => z.id)),
        departementCodes: codes.departements
      })
    : [];

  // Bad references in zones.json are reported before the slow geometry steps.
  const zoneSources = {
    departements: departementIndex,
    communes: indexByCode(communes, (p) => p.code, 'communes sources'),
    qpvs: indexByCode(qpv.features, (p) => p.CODE_QP, qpv.file),
    qpvFile: qpv.file
  };
  const referenceProblems = checkZoneReferences(zones, zoneSources, DATA_FILES.zones);
  if (referenceProblems.length > 0) throw new DataError(referenceProblems);

  // Reference data, joined by INSEE code; merged communes map to the commune they joined.
  const reference = await readReference(
    join(await referenceDir(referenceEntry, options.referencesDir), 'data')
  );
  const neighbours = neighbourLand(
    JSON.parse(
      await readFile(
        join(await referenceDir(neighboursEntry, options.referencesDir), 'countries-50m.json'),
        'utf8'
      )
    ) as Parameters<typeof neighbourLand>[0]
  );
  const referenceJoin = joinReference(
    communes.map((f) => f.properties),
    reference
  );
  // Zones as published, under the reference's codes and names; a typed name that drifted
  // from the COG stops the build here, before the slow geometry steps.
  const officialZones = publishedZones(zones, referenceJoin, DATA_FILES.zones);

  // Shared-arc simplification: communes and the home region's EPCIs in one topology,
  // départements and the home region in another, QPV in a third.
  const regionDepartements = departementsByRegion(departements, regions);
  const homeDepartements = new Set(regionDepartements[HOME_REGION] ?? []);
  const communeLayers = await communeTopology(
    communes.map((f) => {
      const code = referenceJoin.codeOf.get(f.properties.code) ?? f.properties.code;
      const epci = referenceJoin.communes.get(code)?.epci ?? null;
      const home = homeDepartements.has(departementOfCommune(code));
      return { ...f, properties: { code, epci: home && epci !== null ? epci : '' } };
    }),
    SIMPLIFICATION.topology.communes
  );
  const departementLayers = await departementTopology(
    departements,
    homeDepartements,
    SIMPLIFICATION.topology.departements
  );
  const qpvs = await sharedSimplify(qpv.features, SIMPLIFICATION.topology.qpv);

  const zoneFeatures = buildZoneFeatures(
    zones,
    {
      ...zoneSources,
      drawnDepartements: new Map(departementLayers.departements.map((f) => [f.properties.code, f.geometry]))
    },
    DATA_FILES.zones,
    SIMPLIFICATION.zones
  );
  const { files, qpvSource, tileSets, atlas } = assembleOutputs({
    generatedAt,
    documents,
    // Only the QPV file actually read is credited: the GeoJSON and the GeoPackage hold the same
    // contours, and crediting both names CGET/ANCT twice in every source list.
    sources: [
      ...entries.filter(
        (e) => (e.id !== SOURCE_IDS.qpvGeojson && e.id !== SOURCE_IDS.qpvGeoPackage) || e === qpv.entry
      ),
      ...(qpv.national ? [qpv.entry] : [])
    ],
    reference: { ...referenceEntry, asOf },
    neighboursSource: neighboursEntry,
    referenceJoin,
    neighbours,
    departements: departementLayers.departements,
    regions,
    region: departementLayers.region,
    communes: communeLayers.communes,
    epcis: communeLayers.epcis,
    qpvs,
    qpvSource: {
      id: qpv.entry.id,
      file: basename(qpv.file),
      layer: qpv.layer,
      sha256: qpv.sha256,
      vintage: qpv.entry.vintage,
      features: qpv.features.length,
      national: qpv.national
    },
    npnruCodes,
    zones: officialZones,
    zoneFeatures,
    measures,
    scenes,
    regionDepartements
  });
  // Assembled before anything is written, so that a refusal leaves both folders as they were.
  const openData = assembleOpenData(atlas, zoneFeatures, {
    qpv: [qpv.entry.id],
    communes: communeEntries.map((e) => e.id),
    departement: [SOURCE_IDS.departements]
  });
  const manifest = await writeOutputDir(options.outDir, files, generatedAt, { qpvSource, tileSets });
  await writeOpenData(options.openDataDir ?? join(dirname(options.outDir), OPEN_DATA_DIR), openData);
  return {
    manifest,
    qpvSource: qpv.file,
    referenceReport: joinReport(
      referenceJoin,
      `${referenceEntry.package} ${referenceEntry.version} (${referenceEntry.vintage})`
    ),
    durationMs: performance.now() - started
  };
}

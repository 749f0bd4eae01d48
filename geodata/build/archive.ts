// Reading a zipped shapefile set as published, e.g. the official QPV archive
// `qp-politiquedelaville-shp.zip` (CGET/ANCT, data.gouv.fr). fflate unzips it in
// memory; mapshaper reads the .shp and .dbf, decoding the .dbf text with the encoding its .cpg
// names (auto-detected when there is none); the CRS comes from the .prj, parsed with proj4.
// Reprojection and validation stay with the other sources (reproject.ts, read.ts).
import { unzipSync } from 'fflate';
import mapshaper from 'mapshaper';
import proj4 from 'proj4';
import { DataError } from '../../src/lib/data/schema';

/** One shapefile layer of an archive, as GeoJSON in its own CRS. */
export interface ArchiveLayer {
  /** Name of the layer (the .shp file name without extension). */
  layer: string;
  /** "EPSG:2154" (Lambert-93) or "EPSG:4326" (WGS84 lon/lat), from the .prj. */
  crs: 'EPSG:2154' | 'EPSG:4326';
  /** The features as mapshaper reads them: a GeoJSON FeatureCollection, still to validate. */
  collection: unknown;
}

/** The files of one shapefile layer, by lowercase extension ("shp", "dbf", "prj", "cpg"…). */
type LayerFiles = Map<string, Uint8Array>;

/** Unzips an archive into its shapefile layers, by layer name; folders inside the zip are ignored. */
function shapefileLayers(bytes: Uint8Array, file: string): Map<string, LayerFiles> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new DataError(
      `${file}: not a readable zip archive (corrupt or truncated?): ${(error as Error).message}`
    );
  }
  const layers = new Map<string, LayerFiles>();
  for (const [path, content] of Object.entries(entries)) {
    const name = path.split('/').pop() ?? '';
    const match = /^(.+)\.([A-Za-z0-9]+)$/.exec(name);
    // Skip folders, macOS resource forks and hidden files.
    if (!match || path.startsWith('__MACOSX/') || name.startsWith('.')) continue;
    const [, layer = '', extension = ''] = match;
    if (!layers.has(layer)) layers.set(layer, new Map());
    layers.get(layer)?.set(extension.toLowerCase(), content);
  }
  return layers;
}

const DEGREE = Math.PI / 180;
const near = (a: number | undefined, b: number, tolerance: number) =>
  a !== undefined && Math.abs(a - b) <= tolerance;

/** The CRS a .prj declares, when it is Lambert-93 or WGS84 lon/lat; null for any other. */
export function crsOfPrj(wkt: string): 'EPSG:2154' | 'EPSG:4326' | null {
  let projection: proj4.ProjectionDefinition & { a?: number };
  try {
    projection = proj4.Proj(wkt.trim()) as typeof projection;
  } catch {
    return null;
  }
  if (projection === undefined || projection === null) return null;
  // Both RGF93 (GRS80) and WGS84 have a 6,378,137 m semi-major axis.
  if (!near(projection.a, 6378137, 0.5)) return null;
  if (projection.projName === 'longlat') return 'EPSG:4326';
  const parallels = [projection.lat1, projection.lat2].map((v) => (v ?? NaN) / DEGREE).sort();
  const lambert93 =
    /lambert_conformal_conic|lcc/i.test(projection.projName ?? '') &&
    near(parallels[0], 44, 1e-6) &&
    near(parallels[1], 49, 1e-6) &&
    near(projection.lat0, 46.5 * DEGREE, 1e-9) &&
    near(projection.long0, 3 * DEGREE, 1e-9) &&
    near(projection.x0, 700000, 0.001) &&
    near(projection.y0, 6600000, 0.001);
  return lambert93 ? 'EPSG:2154' : null;
}

/** The layer to read: the one named `preferred` when present, else the only one. */
function pickLayer(layers: Map<string, LayerFiles>, preferred: string, file: string): string {
  const withShp = [...layers.keys()].filter((name) => layers.get(name)?.has('shp')).sort();
  if (withShp.length === 0) throw new DataError(`${file}: no shapefile (.shp) in the archive`);
  const named = withShp.find((name) => name.toLowerCase() === preferred.toLowerCase());
  if (named) return named;
  const [only] = withShp;
  if (withShp.length === 1 && only) return only;
  throw new DataError(
    `${file}: no layer ${preferred} in the archive, and several others to choose from: ${withShp.join(', ')}`
  );
}

/**
 * Reads one shapefile layer of a zip archive: `preferred` when the archive holds it, else its
 * only layer. Throws a DataError naming the archive and the member file when the zip is
 * unreadable, the .dbf or .prj is missing, or the projection is neither Lambert-93 nor WGS84.
 */
export async function readShapefileArchive(
  bytes: Uint8Array,
  file: string,
  preferred: string
): Promise<ArchiveLayer> {
  const layers = shapefileLayers(bytes, file);
  const layer = pickLayer(layers, preferred, file);
  const files = layers.get(layer) as LayerFiles;
  for (const extension of ['dbf', 'prj'])
    if (!files.has(extension))
      throw new DataError(
        `${file}: ${layer}.${extension} is missing (a shapefile needs its .shp, .dbf and .prj)`
      );
  const prj = new TextDecoder().decode(files.get('prj'));
  const crs = crsOfPrj(prj);
  if (crs === null)
    throw new DataError(
      `${file}: ${layer}.prj: the projection is neither Lambert-93 (EPSG:2154) nor WGS84 (EPSG:4326): ${prj.trim().slice(0, 80)}`
    );
  // mapshaper reads the .cpg as text, the others as bytes.
  const inputs: Record<string, Uint8Array | string> = {};
  for (const extension of ['shp', 'shx', 'dbf']) {
    const content = files.get(extension);
    if (content) inputs[`layer.${extension}`] = content;
  }
  const cpg = files.get('cpg');
  if (cpg) inputs['layer.cpg'] = new TextDecoder().decode(cpg);
  let output: Record<string, string | Uint8Array>;
  try {
    output = (await mapshaper.applyCommands(
      '-i layer.shp -o format=geojson geojson-type=FeatureCollection layer.json',
      inputs
    )) as Record<string, string | Uint8Array>;
  } catch (error) {
    throw new DataError(`${file}: ${layer}.shp: unreadable shapefile: ${(error as Error).message}`);
  }
  const json = output['layer.json'];
  const text = typeof json === 'string' ? json : new TextDecoder().decode(json);
  return { layer, crs, collection: JSON.parse(text) as unknown };
}

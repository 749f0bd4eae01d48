// Writing QPV contours as the official archive ships them: a shapefile set (.shp, .shx, .dbf,
// .cpg, .prj) in a zip, made on the fly with mapshaper and fflate. Nothing is committed.
import { zipSync } from 'fflate';
import mapshaper from 'mapshaper';

/** The ESRI .prj of RGF93 / Lambert-93 (EPSG:2154), as GIS software writes it. */
export const LAMBERT_93_PRJ =
  'PROJCS["RGF_1993_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.0],PARAMETER["Standard_Parallel_2",44.0],PARAMETER["Latitude_Of_Origin",46.5],UNIT["Meter",1.0]]';

/** The ESRI .prj of Web Mercator: a projection the build must refuse. */
export const WEB_MERCATOR_PRJ =
  'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';

/** The layer name of the metropolitan QPV contours in the official archive. */
export const OFFICIAL_LAYER = 'QP_METROPOLE_LB93';

/**
 * The shapefile set of a GeoJSON collection of Lambert-93 coordinates, by file name: the .dbf
 * in Windows-1252 with a .cpg saying so (French names then need decoding), and the given .prj.
 */
export async function shapefileSet(
  collection: { features: unknown[] },
  layer = OFFICIAL_LAYER,
  prj = LAMBERT_93_PRJ
): Promise<Record<string, Uint8Array>> {
  const output = (await mapshaper.applyCommands(
    `-i in.json -o format=shapefile encoding=win1252 ${layer}.shp`,
    { 'in.json': { type: 'FeatureCollection', features: collection.features } }
  )) as Record<string, Uint8Array | string>;
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(output))
    files[name] = typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content);
  files[`${layer}.prj`] = new TextEncoder().encode(prj);
  return files;
}

/** Zips files as the archive is published: one folder holding the shapefile set. */
export function zipArchive(
  files: Record<string, Uint8Array>,
  folder = 'qp-politiquedelaville-shp'
): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`${folder}/${name}`, bytes]))
  );
}

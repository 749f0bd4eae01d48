// Bringing every source to WGS84 lon/lat (RFC 7946), the only CRS the app reads.
import proj4 from 'proj4';
import type { Position } from 'geojson';
import type { Area, AreaCollection } from './read';
import { DataError } from '../../src/lib/data/schema';

/**
 * RGF93 v1 / Lambert-93 (EPSG:2154): Lambert Conic Conformal 2SP on GRS80, standard parallels
 * 44°N and 49°N, origin 46°30'N 3°E at (700 000, 6 600 000). RGF93 and WGS84 differ by a few
 * centimetres, hence the null datum shift. https://epsg.io/2154
 */
export const LAMBERT_93 =
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';

const WGS84 = 'EPSG:4326';
const lambert93 = proj4(LAMBERT_93, WGS84);

/** Converts a Lambert-93 [x, y] in metres to WGS84 [lon, lat] in degrees. */
export function lambert93ToWgs84(position: Position): Position {
  const [x, y] = position as [number, number];
  return lambert93.forward([x, y]);
}

/** Picks the CRS of a source from its file and its manifest entry; they must agree when both say. */
export function resolveCrs(
  declaredInFile: string | null,
  declaredInManifest: string | null,
  file: string
): string {
  if (declaredInFile !== null && declaredInManifest !== null && declaredInFile !== declaredInManifest)
    throw new DataError(
      `${file}: the file declares ${declaredInFile} but geodata/sources.json says ${declaredInManifest}`
    );
  // RFC 7946: a GeoJSON file with no CRS information is WGS84 lon/lat.
  return declaredInFile ?? declaredInManifest ?? WGS84;
}

/** Applies a function to every position of a polygon geometry. */
export function mapPositions(geometry: Area, f: (p: Position) => Position): Area {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(f)) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(f)))
  };
}

/** Every position of a polygon geometry, rings flattened. */
export function positionsOf(geometry: Area): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

/** Throws unless every position is a plausible lon/lat (catches projected files that declare no CRS). */
function assertLonLat(collection: AreaCollection<unknown>, file: string): void {
  collection.features.forEach((feature, index) => {
    for (const [lon = NaN, lat = NaN] of positionsOf(feature.geometry)) {
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
        throw new DataError(
          `${file}: feature #${index}: coordinate [${lon}, ${lat}] is not lon/lat: declare the CRS in the file or in geodata/sources.json`
        );
    }
  });
}

/** Returns the collection in WGS84 lon/lat, reprojecting from Lambert-93 when needed. */
export function toWgs84<P>(collection: AreaCollection<P>, crs: string, file: string): AreaCollection<P> {
  if (crs === 'EPSG:2154') {
    const features = collection.features.map((feature) => ({
      ...feature,
      geometry: mapPositions(feature.geometry, lambert93ToWgs84)
    }));
    const result: AreaCollection<P> = { type: 'FeatureCollection', features };
    assertLonLat(result, file);
    return result;
  }
  if (crs !== WGS84)
    throw new DataError(`${file}: unsupported CRS ${crs} (the build reads EPSG:4326 and EPSG:2154)`);
  assertLonLat(collection, file);
  return collection;
}

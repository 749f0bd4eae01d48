// Where the site serves the open-data package, and its one loader, called when the « Données »
// panel opens (the package is not needed to explore, nor kept in the offline copy).
import { base } from '$app/paths';
import { DESCRIPTOR_FILE, OPEN_DATA_DIR, fetchPackage, type LoadedPackage } from './package';

/** Fetches the site's datapackage.json; rejects with an OpenDataError saying what to do. */
export function loadOpenData(): Promise<LoadedPackage> {
  return fetchPackage(new URL(`${base}/${OPEN_DATA_DIR}/${DESCRIPTOR_FILE}`, location.href).href);
}

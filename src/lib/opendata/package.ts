// The open-data package's descriptor (Frictionless Data Package, datapackage.json,
// https://specs.frictionlessdata.io/data-package/): its shape, declared once for the geodata
// build that writes it and the « Données » panel that lists it, and the panel's reading of it
// (the list of files, their sizes in French, the citation). The panel lists what the build
// wrote, sizes and all, so it cannot drift from the files served.
import { formatDate } from '../format/date';
import type { CSV_DIALECT, TableSchema } from './table';

/** Name of the package's folder beside the data folder; the site serves it as /donnees/. */
export const OPEN_DATA_DIR = 'donnees';
/** The descriptor's file name, in the package's folder. */
export const DESCRIPTOR_FILE = 'datapackage.json';

/** A Data Package licence. */
export interface PackageLicence {
  name?: string;
  path?: string;
  title: string;
}

/** A Data Package source: a text or a data set the resource is drawn from, with its vintage. */
export interface PackageSource {
  title: string;
  path?: string;
}

/** One resource of datapackage.json. */
export interface PackageResource {
  name: string;
  path: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
  encoding: 'utf-8';
  bytes: number;
  /** sha256 of the file's bytes, prefixed as the spec asks for a hash other than MD5. */
  hash: string;
  dialect?: typeof CSV_DIALECT;
  schema?: TableSchema;
  sources: PackageSource[];
  licenses: PackageLicence[];
}

/** The content of datapackage.json. */
export interface DataPackage {
  profile: 'data-package';
  name: string;
  title: string;
  description: string;
  homepage: string;
  /** Build time. */
  created: string;
  /** Date of the newest source text: what the data is "as of". */
  dataDate: string | null;
  keywords: string[];
  licenses: PackageLicence[];
  sources: PackageSource[];
  resources: PackageResource[];
}

/** The descriptor as the panel received it: its content, its own size and where it was found. */
export interface LoadedPackage {
  descriptor: DataPackage;
  /** Size of datapackage.json itself, which the descriptor cannot state. */
  descriptorBytes: number;
  /** Absolute address of datapackage.json: the resources' paths are relative to it. */
  url: string;
}

/** One file of the package as the panel lists it. */
export interface PackageFile {
  /** File name, also the name it downloads under. */
  path: string;
  /** Absolute address to download it from. */
  href: string;
  title: string;
  description: string;
  /** Format in capitals, as people name it: CSV, GEOJSON, ICS, JSON. */
  format: string;
  bytes: number;
  licences: PackageLicence[];
}

/** Why the package could not be shown; `message` is French, said to the person, with what to do. */
export class OpenDataError extends Error {
  override name = 'OpenDataError';
}

const OFFLINE =
  "Le catalogue des données n'a pas pu être chargé : le site ne répond pas. Les fichiers de données ne font pas partie de la copie hors ligne de l'atlas ; reconnectez-vous puis réessayez.";

/**
 * Reads the descriptor from the bytes served at `url`, checking the few fields the panel relies
 * on (a malformed file is said, not shown half).
 */
export function parsePackage(bytes: ArrayBuffer, url: string): LoadedPackage {
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new OpenDataError(unreadable(url, "ce n'est pas du JSON"));
  }
  const problem = descriptorProblem(descriptor);
  if (problem) throw new OpenDataError(unreadable(url, problem));
  return { descriptor: descriptor as DataPackage, descriptorBytes: bytes.byteLength, url };
}

function unreadable(url: string, why: string): string {
  return `Le catalogue des données (${url}) est illisible : ${why}. Le site est peut-être en cours de mise à jour ; rechargez la page dans un moment.`;
}

function descriptorProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'ce n’est pas un objet';
  const { title, resources } = value as Partial<Record<keyof DataPackage, unknown>>;
  if (typeof title !== 'string') return 'titre absent';
  if (!Array.isArray(resources)) return 'liste des fichiers absente';
  const bad = resources.findIndex(
    (r: unknown) =>
      typeof r !== 'object' ||
      r === null ||
      typeof (r as PackageResource).path !== 'string' ||
      typeof (r as PackageResource).bytes !== 'number' ||
      typeof (r as PackageResource).title !== 'string'
  );
  return bad === -1 ? null : `le fichier n° ${bad + 1} n'a pas de chemin, de titre ou de taille`;
}

/**
 * Fetches the descriptor at `url` (absolute). A failure becomes an OpenDataError saying what
 * happened and what to do: offline (the service worker keeps the package out of the offline
 * copy), absent from this site, or unreadable.
 */
export async function fetchPackage(url: string, fetchFn: typeof fetch = fetch): Promise<LoadedPackage> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch {
    throw new OpenDataError(OFFLINE);
  }
  if (!response.ok)
    throw new OpenDataError(
      response.status === 404
        ? `Ce site ne publie pas de catalogue des données (${url} : introuvable). Le paquet de données est produit par « npm run geodata » ; prévenez la personne qui publie l'atlas.`
        : `Le catalogue des données n'a pas pu être chargé (HTTP ${response.status}). Réessayez dans un moment.`
    );
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch {
    throw new OpenDataError(OFFLINE);
  }
  return parsePackage(bytes, url);
}

/** Every file of the package, the descriptor first, then its resources in its order. */
export function packageFiles({ descriptor, descriptorBytes, url }: LoadedPackage): PackageFile[] {
  const self: PackageFile = {
    path: fileName(url),
    href: url,
    title: 'Description du paquet',
    description:
      'Le descripteur Data Package (Frictionless) : la liste de ces fichiers, leurs colonnes (Table Schema), leurs sources et leurs licences.',
    format: 'JSON',
    bytes: descriptorBytes,
    licences: descriptor.licenses ?? []
  };
  return [
    self,
    ...descriptor.resources.map((resource) => ({
      path: resource.path,
      href: new URL(resource.path, url).href,
      title: resource.title,
      description: resource.description,
      format: resource.format.toUpperCase(),
      bytes: resource.bytes,
      licences: resource.licenses ?? descriptor.licenses ?? []
    }))
  ];
}

function fileName(url: string): string {
  return new URL(url).pathname.split('/').pop() || DESCRIPTOR_FILE;
}

const UNITS = ['o', 'ko', 'Mo', 'Go'] as const;
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/**
 * A file size in French, in SI units as French usage writes them (1 ko = 1 000 octets):
 * 950 → « 950 o », 12 431 → « 12,4 ko », 1 250 000 → « 1,3 Mo ». A no-break space joins number and unit.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`formatBytes: not a size: ${bytes}`);
  let value = bytes;
  let unit = 0;
  // Rounded before comparing, so 999 960 o reads « 1 Mo », not « 1 000 ko ».
  while (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1000) {
    value /= 1000;
    unit++;
  }
  const number = unit === 0 ? whole.format(value) : oneDecimal.format(value);
  return `${number}\u00a0${UNITS[unit]}`;
}

/**
 * How to cite the atlas, from the descriptor: its title, the date of the data (the newest
 * source text), the day the files were built, the licence and the atlas's address (the
 * descriptor's `homepage`, relative to it). Without a data date it names only the build day.
 */
export function citation({ descriptor, url }: LoadedPackage): string {
  const home = new URL(descriptor.homepage || '../', url).href;
  const licence = descriptor.licenses?.[0]?.title;
  const parts = [
    descriptor.title,
    descriptor.dataDate ? `données au ${formatDate(descriptor.dataDate)}` : null,
    isoDay(descriptor.created) ? `fichiers produits le ${formatDate(isoDay(descriptor.created)!)}` : null,
    licence ?? null,
    home
  ];
  return `${parts.filter(Boolean).join(', ')}.`;
}

function isoDay(timestamp: string | undefined): string | null {
  const day = timestamp?.slice(0, 10) ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

// « Télécharger la sélection »: the zones the explorer shows, as the open-data package writes
// every zone (same columns, same code: zones.ts), generated in the browser. Loaded only when a
// download is asked for, so the CSV writer stays out of the page's first load.
import type { Feature, Geometry } from 'geojson';
import type { FilterState, ZoneProperties } from '$lib/types';
import { tableCsv } from './table';
import { ZONES_SCHEMA, zoneRows, zonesGeojson, type ZoneTableData } from './zones';

/** The two formats the selection downloads in. */
export type SelectionFormat = 'csv' | 'geojson';

/** A file made in the browser: its name, media type and text. */
export interface SelectionFile {
  name: string;
  type: string;
  text: string;
}

const MEDIA_TYPES: Record<SelectionFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json'
};

/**
 * The file name of a selection, saying what it holds: the zones, then the filter's programmes
 * (joined by « ou » or « et » as the filter combines them), départements and EPCI;
 * `zones_toutes` without a filter. Only ASCII letters, digits and hyphens, for every system.
 */
export function selectionFileName(filter: FilterState, format: SelectionFormat): string {
  const parts = [
    filter.programmes.join(filter.mode === 'all' ? '-et-' : '-ou-'),
    filter.departements.length > 0 ? `dep-${filter.departements.join('-')}` : '',
    filter.epci ? `epci-${filter.epci}` : ''
  ]
    .filter(Boolean)
    .map((part) => part.toLowerCase().replace(/[^a-z0-9-]+/g, '-'));
  return `zones_${parts.join('_') || 'toutes'}.${format}`;
}

/**
 * The file of the zones named, in their order: the package's zones table (UTF-8 with its byte
 * order mark) or its GeoJSON (RFC 7946) with the outlines the map draws.
 */
export function selectionFile(
  format: SelectionFormat,
  data: ZoneTableData,
  features: readonly Feature<Geometry, ZoneProperties>[],
  ids: readonly string[],
  filter: FilterState
): SelectionFile {
  const rows = zoneRows(data, features, ids);
  const text = format === 'csv' ? tableCsv(ZONES_SCHEMA, rows) : JSON.stringify(zonesGeojson(features, rows));
  return { name: selectionFileName(filter, format), type: MEDIA_TYPES[format], text };
}

/** Hands a file to the browser's downloads through a temporary link. */
export function saveFile(file: SelectionFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Firefox; the blob is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

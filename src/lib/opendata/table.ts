// Tables of the open-data package (Frictionless Table Schema, https://specs.frictionlessdata.io/table-schema/)
// and the one way they are written as CSV, shared by the geodata build and the browser's
// "download what the filters show".
import { stringify } from 'csv-stringify/browser/esm/sync';

/** The Table Schema field types the package uses. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** One column of a table: a Table Schema field descriptor. */
export interface TableField {
  name: string;
  type: FieldType;
  /** French column title. */
  title: string;
  /** French description: what the column holds, its codes, its list separator. */
  description: string;
  /** `default` reads dates as YYYY-MM-DD. */
  format?: 'default';
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: readonly string[];
    pattern?: string;
  };
}

/** A Table Schema: its fields, primary key and foreign keys. */
export interface TableSchema {
  fields: TableField[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  /** Values read as null: an empty cell. */
  missingValues: string[];
}

/** One row of a table, by field name; null for an empty cell. */
export type TableRow = Record<string, string | number | boolean | null>;

/** Column separator; declared in each resource's `dialect`. */
export const CSV_DELIMITER = ',';
/** Separator of the values of a multi-valued cell ("59350;59009"); stated in each such column's description. */
export const LIST_SEPARATOR = ';';

/** The CSV dialect of every table (Frictionless CSV Dialect). */
export const CSV_DIALECT = {
  delimiter: CSV_DELIMITER,
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
  header: true
} as const;

/**
 * A byte order mark opens each file. The CSV is UTF-8 either way, but a spreadsheet opening a
 * CSV by double-click (Excel in a French locale) guesses Windows-1252 when there is none and
 * shows "Ã©" for every "é"; with it, the accents of the names come through intact.
 */
export const UTF8_BOM = '\uFEFF';

/** Joins the values of a multi-valued cell. */
export function joinList(values: readonly string[]): string {
  return values.join(LIST_SEPARATOR);
}

/** The CSV text of a table: BOM, header of field names, one line per row (RFC 4180, CRLF). */
export function tableCsv(schema: TableSchema, rows: readonly TableRow[]): string {
  const names = schema.fields.map((f) => f.name);
  const records = rows.map((row) => names.map((name) => cell(row[name] ?? null)));
  return (
    UTF8_BOM +
    stringify([names, ...records], {
      delimiter: CSV_DIALECT.delimiter,
      record_delimiter: 'windows',
      quoted_match: /^\s|\s$/
    })
  );
}

/** A value as Table Schema reads it back: booleans `true`/`false`, numbers in plain notation. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return value;
}

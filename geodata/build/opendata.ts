// The open-data package the build writes beside the site's data (static/donnees/, served as
// /donnees/): the atlas's zones, measures, amounts, links and dated items as CSV tables with
// their Table Schemas, the zones' outlines as GeoJSON and the dated items as iCalendar, all
// described by one Frictionless Data Package descriptor, datapackage.json
// (https://specs.frictionlessdata.io/data-package/). Assembling is pure; writing is atomic like
// static/data (write.ts): a staging folder, read back, then swapped in.
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import icalGenerator from 'ical-generator';
import { DataError } from '../../src/lib/data/schema';
import { compareDatedItems, periodDays } from '../../src/lib/measures/dated';
import { isTargeted } from '../../src/lib/measures/link';
import {
  APPROXIMATE_PERIODS,
  DATE_PRECISIONS,
  DATED_ITEM_KINDS,
  PROGRAMMES,
  SCOPES,
  VIAS,
  type AtlasData,
  type DatedItem,
  type Measure,
  type Perimeter,
  type SourceInfo
} from '../../src/lib/types';
import {
  CSV_DIALECT,
  joinList,
  LIST_SEPARATOR,
  tableCsv,
  type TableRow,
  type TableSchema
} from '../../src/lib/opendata/table';
import { ZONES_SCHEMA, zoneRows, zonesGeojson } from '../../src/lib/opendata/zones';
import {
  OPEN_DATA_DIR,
  type DataPackage,
  type PackageLicence,
  type PackageResource,
  type PackageSource
} from '../../src/lib/opendata/package';
import { swapInto } from './write';
import type { ZoneFeature } from './zones';

/** The licence of the atlas's own content (its tables, its selection and wording). */
export const ATLAS_LICENCE = {
  name: 'etalab-2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  title: 'Licence Ouverte / Open Licence version 2.0'
} as const;

// The descriptor's shape is the panel's too: declared once, beside the panel that reads it.
export { OPEN_DATA_DIR };
export type { DataPackage, PackageLicence, PackageResource, PackageSource };

const LIST = `liste séparée par « ${LIST_SEPARATOR} »`;
const MEASURE_ID = { pattern: '[a-z0-9]+(-[a-z0-9]+)*' };

/** Table Schema of mesures.csv: one row per measure. */
export const MEASURES_SCHEMA: TableSchema = {
  fields: [
    {
      name: 'id',
      type: 'string',
      title: 'Identifiant',
      description: "Identifiant de la mesure dans l'atlas.",
      constraints: { required: true, unique: true, ...MEASURE_ID }
    },
    {
      name: 'titre',
      type: 'string',
      title: 'Titre',
      description: 'Titre de la mesure.',
      constraints: { required: true }
    },
    {
      name: 'date',
      type: 'string',
      title: 'Date',
      description: 'AAAA, AAAA-MM ou AAAA-MM-JJ : aussi précise que la source, jamais plus.',
      constraints: { required: true, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' }
    },
    {
      name: 'date_estimee',
      type: 'string',
      title: 'Date estimée',
      description:
        "Vide quand la source date la mesure. Sinon la date est une année que nous estimons, et ce champ dit où dans l'année : early (début), late (fin), year (l'année seulement).",
      constraints: { enum: APPROXIMATE_PERIODS }
    },
    {
      name: 'programme',
      type: 'string',
      title: 'Programme',
      description: 'Programme de politique publique de la mesure.',
      constraints: { required: true, enum: PROGRAMMES }
    },
    {
      name: 'resume',
      type: 'string',
      title: 'Résumé',
      description: "Résumé, dans les mots de l'atlas.",
      constraints: { required: true }
    },
    { name: 'acteurs', type: 'string', title: 'Acteurs', description: `Qui porte la mesure, ${LIST}.` },
    {
      name: 'sources',
      type: 'string',
      title: 'Sources',
      description: `Sources citées, ${LIST} ; chacune « libellé (lignes de la lettre) adresse », lignes et adresse quand elles sont connues.`,
      constraints: { required: true }
    },
    {
      name: 'note',
      type: 'string',
      title: 'Note',
      description: 'Réserve sur la source elle-même, le cas échéant.'
    }
  ],
  primaryKey: ['id'],
  missingValues: ['']
};

const MEASURE_KEY = { fields: ['mesure'], reference: { resource: 'mesures', fields: ['id'] } };
const MEASURE_FIELD = {
  name: 'mesure',
  type: 'string' as const,
  title: 'Mesure',
  description: 'Identifiant de la mesure (colonne id de mesures.csv).',
  constraints: { required: true, ...MEASURE_ID }
};
const RANK_FIELD = {
  name: 'rang',
  type: 'integer' as const,
  title: 'Rang',
  description: 'Rang dans la mesure, à partir de 1, dans l’ordre de la source.',
  constraints: { required: true }
};

/** Table Schema of montants.csv: one row per amount of a measure. */
export const AMOUNTS_SCHEMA: TableSchema = {
  fields: [
    MEASURE_FIELD,
    RANK_FIELD,
    {
      name: 'montant',
      type: 'number',
      title: 'Montant (€)',
      description: 'Montant en euros.',
      constraints: { required: true }
    },
    {
      name: 'au_moins',
      type: 'boolean',
      title: 'Au moins',
      description: 'true quand la source dit « plus de » : le montant est un minimum.',
      constraints: { required: true }
    },
    {
      name: 'portee',
      type: 'string',
      title: 'Portée',
      description:
        "Ce que le montant couvre : national (enveloppe nationale, jamais l'argent propre d'une zone), regional, departemental, zone.",
      constraints: { required: true, enum: SCOPES }
    },
    {
      name: 'territoire',
      type: 'string',
      title: 'Territoire',
      description: 'Code INSEE du département ou de la région du montant, pour une portée non nationale.'
    },
    {
      name: 'couvre',
      type: 'string',
      title: 'Ce que couvre le montant',
      description: 'En clair, tel que la source le dit.',
      constraints: { required: true }
    }
  ],
  primaryKey: ['mesure', 'rang'],
  foreignKeys: [MEASURE_KEY],
  missingValues: ['']
};

/** Table Schema of liens-mesures-zones.csv: which measure reaches which zone, and through what. */
export const LINKS_SCHEMA: TableSchema = {
  fields: [
    MEASURE_FIELD,
    {
      name: 'zone',
      type: 'string',
      title: 'Zone',
      description: 'Identifiant de la zone (colonne id de zones.csv).',
      constraints: { required: true }
    },
    {
      name: 'via',
      type: 'string',
      title: 'Par',
      description:
        'Comment la mesure atteint la zone : zone (elle la nomme), kind (tous les quartiers ou territoires), departement, region, national.',
      constraints: { required: true, enum: VIAS }
    },
    {
      name: 'ciblee',
      type: 'boolean',
      title: 'Zone ciblée',
      description:
        'true quand la mesure cible la zone (tout sauf national) : son programme compte alors parmi ceux de la zone.',
      constraints: { required: true }
    }
  ],
  primaryKey: ['mesure', 'zone'],
  foreignKeys: [MEASURE_KEY, { fields: ['zone'], reference: { resource: 'zones', fields: ['id'] } }],
  missingValues: ['']
};

/** Table Schema of echeances.csv: one row per deadline or dated event of a measure. */
export const DATED_SCHEMA: TableSchema = {
  fields: [
    MEASURE_FIELD,
    RANK_FIELD,
    {
      name: 'nature',
      type: 'string',
      title: 'Nature',
      description: 'deadline : échéance (à faire avant) ; event : événement daté.',
      constraints: { required: true, enum: DATED_ITEM_KINDS }
    },
    {
      name: 'quoi',
      type: 'string',
      title: 'Quoi',
      description: 'Ce qui est dû ou ce qui a lieu.',
      constraints: { required: true }
    },
    {
      name: 'qui',
      type: 'string',
      title: 'Qui',
      description: `Qui doit agir, ${LIST} ; vide quand la source ne le dit pas.`
    },
    {
      name: 'date_ecrite',
      type: 'string',
      title: 'Date écrite',
      description: 'La date exactement comme la source l’écrit.',
      constraints: { required: true }
    },
    {
      name: 'precision',
      type: 'string',
      title: 'Précision',
      description:
        'Précision de la date écrite : day, month, season (saison météorologique), half-year, year.',
      constraints: { required: true, enum: DATE_PRECISIONS }
    },
    {
      name: 'debut',
      type: 'string',
      title: 'Début',
      description: 'Première unité de la période, à la précision : AAAA-MM-JJ, AAAA-MM ou AAAA.',
      constraints: { required: true, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' }
    },
    {
      name: 'fin',
      type: 'string',
      title: 'Fin',
      description: 'Dernière unité de la période, à la même précision.',
      constraints: { required: true, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' }
    },
    {
      name: 'premier_jour',
      type: 'date',
      format: 'default',
      title: 'Premier jour',
      description: 'Premier jour de la période que la date écrite désigne.',
      constraints: { required: true }
    },
    {
      name: 'dernier_jour',
      type: 'date',
      format: 'default',
      title: 'Dernier jour',
      description: 'Dernier jour (inclus) de la période que la date écrite désigne.',
      constraints: { required: true }
    },
    {
      name: 'deduit',
      type: 'string',
      title: 'Déduit',
      description:
        'Ce qui a été déduit quand la source omet une partie de la date (une année, un mois), et d’où.'
    },
    {
      name: 'doute',
      type: 'string',
      title: 'Doute',
      description:
        'Pourquoi la date imprimée est probablement fausse, le cas échéant (la date reste celle imprimée).'
    },
    {
      name: 'lignes',
      type: 'string',
      title: 'Lignes de la source',
      description: 'Lignes de la lettre qui le disent, « L.12 » ou « L.12–14 ».',
      constraints: { required: true }
    }
  ],
  primaryKey: ['mesure', 'rang'],
  foreignKeys: [MEASURE_KEY],
  missingValues: ['']
};

/** A dated item with its measure and rank, in calendar order. */
interface DatedEntry {
  measure: Measure;
  rank: number;
  item: DatedItem;
}

function datedEntries(measures: readonly Measure[]): DatedEntry[] {
  return measures
    .flatMap((measure) => (measure.dates ?? []).map((item, i) => ({ measure, rank: i + 1, item })))
    .sort((a, b) => compareDatedItems(a.item, b.item) || a.measure.id.localeCompare(b.measure.id));
}

/**
 * Refuses a list value holding the list separator: the cell could not be split back. Named by
 * the source file, measure or zone and field, like every data error of the build.
 */
function listProblems(atlas: AtlasData): string[] {
  const problems: string[] = [];
  const check = (file: string, record: string, field: string, values: readonly string[]) => {
    values.forEach((value, i) => {
      if (value.includes(LIST_SEPARATOR))
        problems.push(
          `${file}: ${record}: field "${field}[${i}]": must not contain "${LIST_SEPARATOR}", the open-data list separator`
        );
    });
  };
  for (const zone of atlas.zones)
    check(
      'geodata/zones.json',
      `zone "${zone.id}"`,
      'communes.name',
      zone.communes.map((c) => c.name)
    );
  for (const measure of atlas.measures) {
    const record = `measure "${measure.id}"`;
    check('geodata/measures.json', record, 'actors', measure.actors);
    check(
      'geodata/measures.json',
      record,
      'sources.label',
      measure.sources.map((s) => s.label)
    );
    (measure.dates ?? []).forEach((item, d) =>
      check('geodata/measures.json', record, `dates[${d}].who`, item.who)
    );
  }
  return problems;
}

function sourceCell(source: Measure['sources'][number]): string {
  return [source.label, source.lines && `(${source.lines})`, source.url].filter(Boolean).join(' ');
}

function measureRows(measures: readonly Measure[]): TableRow[] {
  return measures.map((m) => ({
    id: m.id,
    titre: m.title,
    date: m.date,
    date_estimee: m.approximate ?? null,
    programme: m.programme,
    resume: m.summary,
    acteurs: joinList(m.actors),
    sources: joinList(m.sources.map(sourceCell)),
    note: m.note ?? null
  }));
}

function amountRows(measures: readonly Measure[]): TableRow[] {
  return measures.flatMap((m) =>
    m.funding.map((line, i) => ({
      mesure: m.id,
      rang: i + 1,
      montant: line.amount,
      au_moins: line.atLeast === true,
      portee: line.scope,
      territoire: line.territory ?? null,
      couvre: line.covers
    }))
  );
}

function linkRows(atlas: AtlasData): TableRow[] {
  return atlas.measures.flatMap((m) =>
    atlas.zones.flatMap((zone) =>
      (atlas.links[zone.id] ?? [])
        .filter((link) => link.measureId === m.id)
        .map((link) => ({ mesure: m.id, zone: zone.id, via: link.via, ciblee: isTargeted(link.via) }))
    )
  );
}

function datedRows(entries: readonly DatedEntry[]): TableRow[] {
  return entries.map(({ measure, rank, item }) => {
    const { first, last } = periodDays(item);
    return {
      mesure: measure.id,
      rang: rank,
      nature: item.kind,
      quoi: item.what,
      qui: joinList(item.who),
      date_ecrite: item.written,
      precision: item.precision,
      debut: item.start,
      fin: item.end,
      premier_jour: first,
      dernier_jour: last,
      deduit: item.inferred ?? null,
      doute: item.doubt ?? null,
      lignes: item.lines
    };
  });
}

/** The day after an ISO day: iCalendar's DTEND of an all-day event is exclusive (RFC 5545 §3.6.1). */
function dayAfter(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

const KIND_SUMMARY: Record<DatedItem['kind'], string> = { deadline: 'Échéance', event: 'Événement' };

/**
 * The dated items as iCalendar (RFC 5545): one all-day event per item spanning the whole period
 * its written date stands for ("fin mai" is all of May), with a UID made of the measure id and
 * the item's rank, stable from one build to the next. ical-generator writes CRLF lines folded at
 * 75 octets. No absolute address of the site is known at build time: the description names the
 * measure's id, as the atlas's links do (?zone=… opens a zone, the measure is listed in its sheets).
 */
export function datedCalendar(entries: readonly DatedEntry[], stamp: string): string {
  const calendar = icalGenerator({
    name: 'Atlas de la politique de la ville — échéances',
    prodId: { company: 'atlas-politique-de-la-ville', product: 'donnees', language: 'FR' }
  });
  for (const { measure, rank, item } of entries) {
    const { first, last } = periodDays(item);
    const lines = [
      `${KIND_SUMMARY[item.kind]} (date écrite dans la source : « ${item.written} »).`,
      item.who.length > 0 ? `Qui : ${item.who.join(', ')}.` : '',
      item.inferred ? `Date en partie déduite : ${item.inferred}` : '',
      item.doubt ? `Date douteuse : ${item.doubt}` : '',
      `Mesure « ${measure.title} » (identifiant ${measure.id}), lignes ${item.lines} de la lettre.`
    ];
    calendar.createEvent({
      id: `${measure.id}-${rank}@atlas-politique-de-la-ville`,
      start: new Date(`${first}T00:00:00Z`),
      end: dayAfter(last),
      allDay: true,
      stamp: new Date(stamp),
      summary: `${KIND_SUMMARY[item.kind]} : ${item.what} (${item.written})`,
      description: lines.filter(Boolean).join('\n')
    });
  }
  // RFC 5545 §3.1 ends every content line, the last one too, with CRLF.
  return `${calendar.toString()}\r\n`;
}

/** A file of the package, before it is measured. */
interface PackageFile {
  resource: Omit<PackageResource, 'bytes' | 'hash' | 'encoding' | 'path'>;
  file: string;
  content: string;
}

const CSV_FORMAT = { format: 'csv', mediatype: 'text/csv', dialect: CSV_DIALECT };

function packageSource(s: SourceInfo | AtlasData['documents'][number]): PackageSource {
  const vintage = 'vintage' in s ? s.vintage : s.date;
  return { title: `${s.title} (${vintage})`, ...('url' in s && s.url ? { path: s.url } : {}) };
}

/**
 * The licences of the sources as sources.json declares them, one Data Package licence per
 * licence, its title naming the sources under it with their vintages.
 */
function sourceLicences(sources: readonly SourceInfo[]): PackageLicence[] {
  const byLicence = new Map<string, SourceInfo[]>();
  for (const source of sources)
    byLicence.set(source.licence, [...(byLicence.get(source.licence) ?? []), source]);
  return [...byLicence].map(([licence, under]) => {
    const title = `${licence} : ${under.map((s) => `${s.title} (${s.vintage})`).join(', ')}`;
    if (licence.startsWith('Licence Ouverte 2.0'))
      return { name: ATLAS_LICENCE.name, path: ATLAS_LICENCE.path, title };
    // Not an Open Definition id the atlas can vouch for: the title states it as the source does.
    return { name: 'other-at', title };
  });
}

/** Ids of the sources each kind of zone outline is drawn from (see ZoneProperties.perimeter). */
export type ContourSources = Record<Perimeter, readonly string[]>;

/**
 * Every file of the package, datapackage.json last, from the atlas, the zones' outlines and the
 * ids of the sources those outlines come from.
 */
export function assembleOpenData(
  atlas: AtlasData,
  zoneFeatures: readonly ZoneFeature[],
  contourSources: ContourSources
): { name: string; content: string }[] {
  const problems = listProblems(atlas);
  if (problems.length > 0) throw new DataError(problems);
  const texts = atlas.documents.map(packageSource);
  const reference = packageSource(atlas.reference);
  // The sources whose geometry draws the zones: those of the perimeters the zones actually have.
  const drawnFrom = new Set(zoneFeatures.flatMap((f) => contourSources[f.properties.perimeter]));
  const contours = atlas.sources.filter((s) => drawnFrom.has(s.id));
  const zoneTable = zoneRows(
    atlas,
    zoneFeatures,
    atlas.zones.map((z) => z.id)
  );
  const dated = datedEntries(atlas.measures);
  const own = [ATLAS_LICENCE];
  const files: PackageFile[] = [
    {
      file: 'zones.csv',
      content: tableCsv(ZONES_SCHEMA, zoneTable),
      resource: {
        name: 'zones',
        title: 'Zones',
        description:
          "Une ligne par zone de l'atlas (quartiers et territoires d'accélération) : communes, EPCI, QPV, département, programmes, origine du contour.",
        ...CSV_FORMAT,
        schema: ZONES_SCHEMA,
        sources: [...texts, reference],
        licenses: own
      }
    },
    {
      file: 'mesures.csv',
      content: tableCsv(MEASURES_SCHEMA, measureRows(atlas.measures)),
      resource: {
        name: 'mesures',
        title: 'Mesures',
        description: 'Une ligne par mesure : titre, date, programme, résumé, acteurs, sources.',
        ...CSV_FORMAT,
        schema: MEASURES_SCHEMA,
        sources: texts,
        licenses: own
      }
    },
    {
      file: 'montants.csv',
      content: tableCsv(AMOUNTS_SCHEMA, amountRows(atlas.measures)),
      resource: {
        name: 'montants',
        title: 'Montants',
        description:
          "Une ligne par montant d'une mesure, avec ce qu'il couvre vraiment (portée, territoire).",
        ...CSV_FORMAT,
        schema: AMOUNTS_SCHEMA,
        sources: texts,
        licenses: own
      }
    },
    {
      file: 'liens-mesures-zones.csv',
      content: tableCsv(LINKS_SCHEMA, linkRows(atlas)),
      resource: {
        name: 'liens-mesures-zones',
        title: 'Liens entre mesures et zones',
        description:
          'Une ligne par mesure et zone atteinte, avec le chemin du lien (la zone, son type, son département, sa région, la France).',
        ...CSV_FORMAT,
        schema: LINKS_SCHEMA,
        sources: texts,
        licenses: own
      }
    },
    {
      file: 'echeances.csv',
      content: tableCsv(DATED_SCHEMA, datedRows(dated)),
      resource: {
        name: 'echeances',
        title: 'Échéances et dates',
        description:
          'Une ligne par échéance ou événement daté d’une mesure, à la précision de la source, avec la période que la date écrite désigne.',
        ...CSV_FORMAT,
        schema: DATED_SCHEMA,
        sources: texts,
        licenses: own
      }
    },
    {
      file: 'zones.geojson',
      content: JSON.stringify(zonesGeojson(zoneFeatures, zoneTable)),
      resource: {
        name: 'zones-contours',
        title: 'Contours des zones',
        description:
          'Les contours des zones (GeoJSON RFC 7946, WGS84, 6 décimales), avec les colonnes de zones.csv pour propriétés.',
        format: 'geojson',
        mediatype: 'application/geo+json',
        sources: [...contours.map(packageSource), ...texts],
        // The contours are the IGN's and ANCT's, under their own licence; the properties are the atlas's.
        licenses: [...own, ...sourceLicences(contours)]
      }
    },
    {
      file: 'echeances.ics',
      content: datedCalendar(dated, atlas.generatedAt),
      resource: {
        name: 'echeances-calendrier',
        title: 'Calendrier des échéances',
        description:
          'Les mêmes échéances au format iCalendar (RFC 5545), à importer dans un agenda : un événement « journée entière » couvrant la période que la date écrite désigne.',
        format: 'ics',
        mediatype: 'text/calendar',
        sources: texts,
        licenses: own
      }
    }
  ];
  const descriptor: DataPackage = {
    profile: 'data-package',
    name: 'atlas-politique-de-la-ville-hauts-de-france',
    title: 'Atlas de la politique de la ville — Hauts-de-France',
    description:
      "Les zones, mesures, montants et échéances de l'atlas, tirés de la lettre « Points d'actualité politique de la ville » et des textes qu'elle cite.",
    homepage: '../',
    created: atlas.generatedAt,
    dataDate: atlas.dataDate,
    keywords: ['politique de la ville', 'NPNRU', 'QPV', 'Hauts-de-France'],
    licenses: own,
    sources: texts,
    resources: files.map(({ file, content, resource }) => {
      const bytes = Buffer.from(content, 'utf8');
      return {
        ...resource,
        path: file,
        encoding: 'utf-8',
        bytes: bytes.length,
        hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`
      };
    })
  };
  return [
    ...files.map(({ file, content }) => ({ name: file, content })),
    { name: 'datapackage.json', content: `${JSON.stringify(descriptor, null, 2)}\n` }
  ];
}

/**
 * Writes the package into `dir` atomically: a staging folder beside it, every file read back
 * and measured against the descriptor, then swapped in; the previous package stays on any error.
 */
export async function writeOpenData(
  dir: string,
  files: readonly { name: string; content: string }[]
): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(dir)}.tmp-`));
  try {
    await chmod(staging, 0o755);
    for (const { name, content } of files) await writeFile(join(staging, name), content);
    const descriptor = JSON.parse(await readFile(join(staging, 'datapackage.json'), 'utf8')) as DataPackage;
    for (const resource of descriptor.resources) {
      const written = (await stat(join(staging, resource.path))).size;
      if (written !== resource.bytes)
        throw new Error(`${resource.path}: written ${written} bytes, expected ${resource.bytes}`);
    }
    await swapInto(staging, dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

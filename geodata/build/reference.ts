// The reference data joined to the 2018 commune outlines by INSEE code: official names
// (with their article), postal codes, populations and EPCI membership, from the npm package
// @etalab/decoupage-administratif (one package version per COG vintage; the version is pinned
// in package.json and in geodata/sources.json, "references").
//
// The outlines are COG 2018; the reference is COG 2019 (1 January 2019, the date the atlas
// depicts). A 2018 code that no longer exists in 2019 (a commune merged into a commune
// nouvelle on 1 January 2019) is mapped to the commune it joined, through the package's
// communes déléguées and its history of communes; each mapping is reported, never dropped.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../../src/lib/data/schema';

/** One record of the package's data/communes.json (the fields the atlas reads). */
export interface ReferenceCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
  /** For a commune déléguée or associée: the code of the commune it belongs to. */
  chefLieu?: string;
}

/** One record of the package's data/epci.json. */
export interface ReferenceEpci {
  /** SIREN of the EPCI. */
  code: string;
  nom: string;
  membres: { code: string }[];
}

/** One record of the package's data/historique-communes.json (the fields the atlas reads). */
export interface ReferenceHistory {
  code: string;
  dateDebut?: string;
  /** "COM-80442@2019-01-01": the commune a former commune now belongs to. */
  pole?: string;
}

/** The package's data, as read from its `data/` folder. */
export interface Reference {
  communes: ReferenceCommune[];
  epcis: ReferenceEpci[];
  history: ReferenceHistory[];
}

/** A commune of the reference vintage, with what the atlas shows of it. */
export interface OfficialCommune {
  code: string;
  name: string;
  postalCodes: string[];
  /** Population municipale of the census vintage the package carries, or null when it has none. */
  population: number | null;
  /** SIREN of its EPCI, or null when it belongs to none in the reference. */
  epci: string | null;
}

/** A 2018 code that the reference vintage knows under another commune. */
export interface CommuneMapping {
  from: string;
  fromName: string;
  to: string;
  toName: string;
}

/** The result of joining 2018 outlines to the reference. */
export interface ReferenceJoin {
  /** For every 2018 code of the outlines: the code of the commune it belongs to in the reference. */
  codeOf: Map<string, string>;
  /** The reference communes the outlines cover, by code. */
  communes: Map<string, OfficialCommune>;
  /** 2018 codes mapped to another commune (merged since), sorted by code. */
  mapped: CommuneMapping[];
  /** 2018 codes the reference does not know at all: kept under their 2018 name, sorted. */
  unmatched: { code: string; name: string }[];
  /** The EPCIs holding at least one of the communes, by SIREN. */
  epcis: Map<string, { code: string; name: string }>;
}

const FILES = { communes: 'communes.json', epcis: 'epci.json', history: 'historique-communes.json' } as const;

/** Reads the three data files of the reference package from `dir`, naming any file that is missing or bad. */
export async function readReference(dir: string): Promise<Reference> {
  const read = async (file: string): Promise<unknown[]> => {
    let text: string;
    try {
      text = await readFile(join(dir, file), 'utf8');
    } catch {
      throw new DataError(`${join(dir, file)}: reference file not found`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DataError(`${join(dir, file)}: not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(json)) throw new DataError(`${join(dir, file)}: expected an array`);
    return json;
  };
  return {
    communes: (await read(FILES.communes)) as ReferenceCommune[],
    epcis: (await read(FILES.epcis)) as ReferenceEpci[],
    history: (await read(FILES.history)) as ReferenceHistory[]
  };
}

/** The code in a history `pole` id ("COM-80442@2019-01-01" → "80442"), or null. */
function poleCode(pole: string | undefined): string | null {
  return /^COM-([0-9][0-9AB][0-9]{3})@/.exec(pole ?? '')?.[1] ?? null;
}

/**
 * Joins the 2018 outlines (code and 2018 name) to the reference. A code that is a current
 * commune keeps its code; one that became a commune déléguée or associée, or was absorbed,
 * goes to the commune it belongs to (the latest history record with a pole).
 */
export function joinReference(
  outlines: { code: string; nom: string }[],
  reference: Reference
): ReferenceJoin {
  const current = new Map(
    reference.communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c])
  );
  const belongsTo = new Map<string, string>();
  for (const c of reference.communes)
    if (c.type !== 'commune-actuelle' && c.chefLieu && !belongsTo.has(c.code))
      belongsTo.set(c.code, c.chefLieu);
  const latestPole = new Map<string, { date: string; code: string }>();
  for (const h of reference.history) {
    const code = poleCode(h.pole);
    const date = h.dateDebut ?? '';
    const previous = latestPole.get(h.code);
    if (code !== null && (!previous || previous.date < date)) latestPole.set(h.code, { date, code });
  }
  const epciOfCommune = new Map<string, ReferenceEpci>();
  for (const epci of reference.epcis) for (const m of epci.membres) epciOfCommune.set(m.code, epci);

  const join: ReferenceJoin = {
    codeOf: new Map(),
    communes: new Map(),
    mapped: [],
    unmatched: [],
    epcis: new Map()
  };
  for (const { code, nom } of outlines) {
    let target = current.has(code) ? code : (belongsTo.get(code) ?? latestPole.get(code)?.code ?? null);
    if (target !== null && !current.has(target)) target = null;
    if (target === null) {
      join.unmatched.push({ code, name: nom });
      join.codeOf.set(code, code);
      join.communes.set(code, { code, name: nom, postalCodes: [], population: null, epci: null });
      continue;
    }
    const official = current.get(target) as ReferenceCommune;
    if (target !== code) join.mapped.push({ from: code, fromName: nom, to: target, toName: official.nom });
    join.codeOf.set(code, target);
    const epci = epciOfCommune.get(target);
    if (epci) join.epcis.set(epci.code, { code: epci.code, name: epci.nom });
    join.communes.set(target, {
      code: target,
      name: official.nom,
      postalCodes: [...(official.codesPostaux ?? [])].sort(),
      population: official.population ?? null,
      epci: epci?.code ?? null
    });
  }
  const byCode = (a: { from?: string; code?: string }, b: { from?: string; code?: string }) =>
    (a.from ?? a.code ?? '') < (b.from ?? b.code ?? '') ? -1 : 1;
  join.mapped.sort(byCode);
  join.unmatched.sort(byCode);
  return join;
}

/** The report lines of a join: every mapping and every code the reference does not know. */
export function joinReport(join: ReferenceJoin, vintage: string): string[] {
  return [
    `reference ${vintage}: ${join.communes.size} communes, ${join.epcis.size} EPCI; ${join.mapped.length} 2018 codes mapped to the commune they joined, ${join.unmatched.length} unknown`,
    ...join.mapped.map((m) => `  mapped ${m.from} ${m.fromName} → ${m.to} ${m.toName}`),
    ...join.unmatched.map((u) => `  not in the reference, kept with its 2018 name: ${u.code} ${u.name}`)
  ];
}

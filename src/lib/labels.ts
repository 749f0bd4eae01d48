// French wording of the closed lists in types.ts: programmes, scopes, approximate periods,
// zone kinds and the paths (vias) through which a measure reaches a zone.
import type { ApproximatePeriod, Programme, Scope, Via, Zone, ZoneKind } from './types';

/** Full French label of each programme, as shown in filters and sheets. */
export const PROGRAMME_LABELS: Readonly<Record<Programme, string>> = {
  npnru: 'NPNRU (renouvellement urbain)',
  'habitat-indigne': "Lutte contre l'habitat indigne",
  'strategie-pauvrete': 'Stratégie pauvreté',
  'contrats-de-ville': 'Contrats de ville',
  'prevention-radicalisation': 'Prévention de la radicalisation',
  'emploi-formation': 'Emploi et formation',
  logement: 'Logement',
  participation: 'Participation des habitants',
  sante: 'Santé et accès aux soins',
  'acces-aux-droits': 'Accès aux droits et aux services publics',
  gouvernance: 'Pilotage national de la politique de la ville'
};

/** Short lower-case name of each programme, used inside sentences ("3 quartiers NPNRU habitat indigne"). */
export const PROGRAMME_SHORT_LABELS: Readonly<Record<Programme, string>> = {
  npnru: 'NPNRU',
  'habitat-indigne': 'habitat indigne',
  'strategie-pauvrete': 'stratégie pauvreté',
  'contrats-de-ville': 'contrats de ville',
  'prevention-radicalisation': 'prévention de la radicalisation',
  'emploi-formation': 'emploi et formation',
  logement: 'logement',
  participation: 'participation des habitants',
  sante: 'santé',
  'acces-aux-droits': 'accès aux droits',
  gouvernance: 'pilotage national'
};

/** One-sentence French description of each programme, for tooltips and the legend. */
export const PROGRAMME_DESCRIPTIONS: Readonly<Record<Programme, string>> = {
  npnru:
    "Nouveau programme national de renouvellement urbain : projets de transformation des quartiers, validés et financés en partie par l'Anru.",
  'habitat-indigne':
    'Repérage et traitement des logements insalubres, lutte contre les marchands de sommeil et redressement des copropriétés dégradées.',
  'strategie-pauvrete':
    "Stratégie nationale de prévention et de lutte contre la pauvreté, contractualisée entre l'État et les départements.",
  'contrats-de-ville':
    "Contrats entre l'État et les collectivités qui organisent la politique de la ville dans chaque territoire, prorogés jusqu'en 2022.",
  'prevention-radicalisation':
    'Actions de prévention primaire et de suivi des situations de radicalisation, déclinées en plans départementaux.',
  'emploi-formation':
    "Accès à l'emploi et à la formation des habitants des quartiers (emplois francs, plan d'investissement dans les compétences, parcours emploi compétences).",
  logement:
    'Plans et lois de portée nationale pour le logement : production, rénovation, habitat ancien dégradé, y compris hors des quartiers du NPNRU.',
  participation: 'Place des habitants dans les décisions : conseils citoyens et instances participatives.',
  sante: 'Organisation du système de santé et accès aux soins, dont la médecine de proximité.',
  'acces-aux-droits':
    'Accès de chacun à ses droits et aux services publics, y compris quand les démarches passent en ligne.',
  gouvernance: "Services de l'État qui conduisent la politique de la ville au niveau national, comme le CGET."
};

/** French words placed before the year of an approximate date ("début 2019", "fin 2018", "2018"). */
export const APPROXIMATE_PERIOD_PREFIXES: Readonly<Record<ApproximatePeriod, string>> = {
  early: 'début ',
  late: 'fin ',
  year: ''
};

/** French label of each funding scope: whose money an amount really is. */
export const SCOPE_LABELS: Readonly<Record<Scope, string>> = {
  national: 'Enveloppe nationale',
  regional: 'Enveloppe régionale',
  departemental: 'Enveloppe départementale',
  zone: 'Montant propre à la zone'
};

/** Singular and plural French noun of each zone kind. */
export const ZONE_KIND_LABELS: Readonly<Record<ZoneKind, { one: string; many: string }>> = {
  quarter: { one: 'quartier NPNRU', many: 'quartiers NPNRU' },
  'acceleration-territory': { one: "territoire d'accélération", many: "territoires d'accélération" }
};

/** French label of how a measure reaches `zone`, naming its département or the region where relevant. */
export function viaLabel(
  via: Via,
  zone: Pick<Zone, 'kind' | 'departement'>,
  departementNames: Readonly<Record<string, string>>,
  regionName: string
): string {
  switch (via) {
    case 'zone':
      return 'Directement';
    case 'kind':
      return `Pour tous les ${ZONE_KIND_LABELS[zone.kind].many}`;
    case 'departement':
      return `Via le département : ${departementNames[zone.departement] ?? zone.departement}`;
    case 'region':
      return `Via la région ${regionName}`;
    case 'national':
      return 'Mesure nationale';
  }
}

/**
 * Heading of a sheet's group of measures reaching the place by `via`, with their count
 * (« 20 mesures nationales »); `kind` names the zoning of a group reaching it as a kind of zone.
 */
export function reachHeading(via: Via, count: number, kind?: ZoneKind): string {
  const measures = count > 1 ? `${count} mesures` : `${count} mesure`;
  const plural = count > 1 ? 's' : '';
  switch (via) {
    case 'zone':
      return `${measures} ciblée${plural}`;
    case 'kind':
      return kind
        ? `${measures} pour tous les ${ZONE_KIND_LABELS[kind].many}`
        : `${measures} pour toute une catégorie de zones`;
    case 'departement':
      return `${measures} départementale${plural}`;
    case 'region':
      return `${measures} régionale${plural}`;
    case 'national':
      return `${measures} nationale${plural}`;
  }
}

// One short French sentence stating the current selection. It is shown above the
// list and reused as the caption of image exports, so it stays on one line.
import { PROGRAMMES } from '$lib/types';
import type { FilterState, Programme, ZoneKind } from '$lib/types';
import { PROGRAMME_LABELS, PROGRAMME_SHORT_LABELS, ZONE_KIND_LABELS } from '$lib/labels';

/** Number of selected zones of each kind. */
export type KindsCount = Readonly<Record<ZoneKind, number>>;

// How each département is introduced: "dans" + article, or "en" for feminine names
// used without article. Only the départements the atlas shows; others fall back.
type Article = 'le' | 'la' | "l'" | 'les' | 'en' | 'à';
const ARTICLES: Readonly<Record<string, Article>> = {
  '02': "l'",
  '06': 'les',
  '13': 'les',
  '59': 'le',
  '60': "l'",
  '62': 'le',
  '67': 'le',
  '75': 'à',
  '77': 'en',
  '78': 'les',
  '80': 'la',
  '91': 'en',
  '92': 'les',
  '93': 'en',
  '94': 'le',
  '95': 'le'
};

// Beyond this many départements, naming them all would not fit in a caption.
const MAX_NAMED_DEPARTEMENTS = 3;

/**
 * French sentence for `count` selected zones under `filter`, e.g. "7 quartiers NPNRU dans le Nord"
 * or "3 zones dans la CA de Lens - Liévin".
 */
export function describeSelection(
  count: number,
  filter: FilterState,
  kindsCount: KindsCount,
  departementNames: Readonly<Record<string, string>>,
  epciNames: Readonly<Record<string, string>> = {}
): string {
  if (count <= 0) return 'Aucune zone ne correspond aux filtres';
  const places = [
    filter.epci === null ? '' : epciLocative(filter.epci, epciNames),
    placePhrase([...new Set(filter.departements)], departementNames)
  ].filter((place) => place !== '');
  const subject = subjectPhrase(count, filter, kindsCount);
  return places.length > 0 ? `${subject} ${places.join(', ')}` : subject;
}

// Every EPCI kind is a feminine noun (communauté, métropole), so "la" fits each official
// name: "dans la CA de Lens - Liévin", "dans la Métropole Européenne de Lille".
function epciLocative(siren: string, epciNames: Readonly<Record<string, string>>): string {
  const name = epciNames[siren];
  return name === undefined ? `dans l'intercommunalité ${siren}` : `dans la ${name}`;
}

/** French locative of one département, e.g. "dans l'Aisne", "en Essonne", "dans le département Gironde". */
export function departementLocative(
  code: string,
  departementNames: Readonly<Record<string, string>>
): string {
  const { preposition, noun } = locative(code, departementNames);
  return `${preposition} ${noun}`;
}

function subjectPhrase(count: number, filter: FilterState, kindsCount: KindsCount): string {
  const programmes = PROGRAMMES.filter((p) => filter.programmes.includes(p));
  const quarters = kindsCount.quarter;
  const territories = kindsCount['acceleration-territory'];
  const onlyKind: ZoneKind | null =
    quarters === count && territories === 0
      ? 'quarter'
      : territories === count && quarters === 0
        ? 'acceleration-territory'
        : null;
  const [programme] = programmes;
  if (onlyKind && programmes.length <= 1) {
    // "quartiers NPNRU NPNRU" would say the same thing twice.
    const redundant = onlyKind === 'quarter' && programme === 'npnru';
    const qualifier = programme && !redundant ? ` ${PROGRAMME_SHORT_LABELS[programme]}` : '';
    return `${count} ${kindNoun(onlyKind, count)}${qualifier}`;
  }
  if (onlyKind && filter.mode === 'all') {
    // Every zone has every programme: name the kind, then the programmes it does not already say.
    const implied: Programme = onlyKind === 'quarter' ? 'npnru' : 'habitat-indigne';
    const others = programmes.filter((p) => p !== implied).map((p) => PROGRAMME_SHORT_LABELS[p]);
    return `${count} ${kindNoun(onlyKind, count)} ${enumerate(others, 'et')}`;
  }
  const zones = `${count} ${count === 1 ? 'zone' : 'zones'}`;
  if (programmes.length === 0) {
    if (quarters + territories !== count) return zones;
    return `${zones} : ${quarters} ${kindNoun('quarter', quarters)} et ${territories} ${kindNoun('acceleration-territory', territories)}`;
  }
  // "visée(s) par": a zone counts for a programme only when a measure of it targets the zone (see isTargeted).
  const targeted = `${zones} ${count === 1 ? 'visée' : 'visées'} par`;
  if (programme && programmes.length === 1) return `${targeted} le programme ${sentenceLabel(programme)}`;
  const conjunction = filter.mode === 'all' ? 'et' : 'ou';
  return `${targeted} les programmes ${enumerate(programmes.map(sentenceLabel), conjunction)}`;
}

function placePhrase(codes: string[], departementNames: Readonly<Record<string, string>>): string {
  if (codes.length === 0) return '';
  if (codes.length > MAX_NAMED_DEPARTEMENTS) return `dans ${codes.length} départements`;
  let previous = '';
  const parts = codes.map((code) => {
    const { preposition, noun } = locative(code, departementNames);
    // "dans le Nord et le Pas-de-Calais": "dans" is said once; "en" is always repeated.
    const part = preposition === 'dans' && previous === 'dans' ? noun : `${preposition} ${noun}`;
    previous = preposition;
    return part;
  });
  return enumerate(parts, 'et');
}

function locative(
  code: string,
  departementNames: Readonly<Record<string, string>>
): { preposition: string; noun: string } {
  const name = departementNames[code];
  const article = ARTICLES[code];
  if (name === undefined) return { preposition: 'dans', noun: `le département ${code}` };
  switch (article) {
    case undefined:
      return { preposition: 'dans', noun: `le département ${name}` };
    case 'en':
    case 'à':
      return { preposition: article, noun: name };
    case "l'":
      return { preposition: 'dans', noun: `l'${name}` };
    default:
      return { preposition: 'dans', noun: `${article} ${name}` };
  }
}

function kindNoun(kind: ZoneKind, count: number): string {
  return count === 1 ? ZONE_KIND_LABELS[kind].one : ZONE_KIND_LABELS[kind].many;
}

// Inside a sentence the explanatory parenthesis of a label ("NPNRU (renouvellement urbain)") is noise.
function sentenceLabel(programme: Programme): string {
  return PROGRAMME_LABELS[programme].replace(/\s*\(.*\)$/, '');
}

function enumerate(items: readonly string[], conjunction: 'et' | 'ou'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

// What a link said that the atlas did not understand, in one French sentence for the notice
// over the map. The parser (state.ts) lists the values; this module only words them.
import type { IgnoredValue } from './state';

// What each parameter names, with its article, for "la zone « xyz » n'existe pas".
const NAMED: Readonly<Record<string, string>> = {
  zone: 'la zone',
  commune: 'la commune',
  epci: "l'intercommunalité",
  qpv: 'le QPV',
  prog: 'le programme',
  mode: 'le mode de filtre',
  dep: 'le département',
  layers: 'la couche',
  panel: 'le panneau',
  scene: 'la scène'
};

// Beyond this many, the sentence says how many more: the notice must stay short over the map.
const MAX_LISTED = 4;

/** One ignored value in French, e.g. "la zone « xyz » n'existe pas". */
export function describeIgnored({ param, value, reason }: IgnoredValue): string {
  if (reason === 'unknown-parameter') return `le paramètre « ${param} » n'est pas connu`;
  if (reason === 'too-long') return `la valeur de « ${param} » est trop longue`;
  if (param === 'interco') return `le filtre d'intercommunalité « ${value} » n'est pas proposé`;
  const named = NAMED[param];
  if (named) return `${named} « ${value} » n'existe pas`;
  return `la valeur « ${value} » de « ${param} » n'est pas comprise`;
}

/**
 * The notice for a link's ignored values, e.g. « Lien partiellement compris : la zone « xyz »
 * n'existe pas ; affichage par défaut. », or '' when every value was understood.
 */
export function ignoredLinkMessage(ignored: readonly IgnoredValue[]): string {
  const parts = [...new Set(ignored.map(describeIgnored))];
  if (parts.length === 0) return '';
  const listed = parts.slice(0, MAX_LISTED);
  const more = parts.length - listed.length;
  if (more > 0) listed.push(`${more} autre${more > 1 ? 's' : ''} élément${more > 1 ? 's' : ''} non compris`);
  return `Lien partiellement compris : ${listed.join(' ; ')} ; affichage par défaut.`;
}

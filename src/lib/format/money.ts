// French formatting of euro amounts.
// Intl fr-FR already writes the narrow no-break space (U+202F) between digit groups and the
// decimal comma; what it lacks is hand-coded: the joined "Md€"/"M€" units of French
// administrative writing (Intl's compact notation gives "4 Md €") and the ordinal "1er".

const NO_BREAK_SPACE = '\u00a0';

const scaledNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const wholeNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** Rounds like the formatters above, so the unit is chosen on the number actually shown. */
function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Formats euros the French way: 4e9 → "4 Md€", 1.5e9 → "1,5 Md€", 14e6 → "14 M€", 1000 → "1 000 €"; `atLeast` prefixes "plus de". */
export function formatEuros(amount: number, atLeast = false): string {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`formatEuros: expected a non-negative amount, got ${amount}`);
  }
  let text: string;
  // Compare after rounding: 999,999,999 € shows as "1 Md€", not "1 000 M€".
  if (roundTo2(amount / 1e9) >= 1) {
    text = `${scaledNumber.format(amount / 1e9)}${NO_BREAK_SPACE}Md€`;
  } else if (roundTo2(amount / 1e6) >= 1) {
    text = `${scaledNumber.format(amount / 1e6)}${NO_BREAK_SPACE}M€`;
  } else {
    text = `${wholeNumber.format(amount)}${NO_BREAK_SPACE}€`;
  }
  return atLeast ? `plus de ${text}` : text;
}

// French formatting of head counts ("21 253").

const formatter = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A population in French notation, with a narrow no-break space between thousands. */
export function formatPopulation(count: number): string {
  return formatter.format(count);
}

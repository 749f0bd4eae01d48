// QPV codes as the CGET/ANCT publishes them: "QP" then the département on three characters
// ("059", "02A", "971") then a number on three digits. Pure, with no import: the geodata
// build's schema and the app read codes through this one module.

/** A well-formed QPV code, e.g. "QP059071" or "QP02A001". */
export const QPV_CODE = /^QP(?:\d{3}|02[AB])\d{3}$/;

/** True when `code` has the form of a QPV code (whether or not such a QPV exists). */
export function isQpvCode(code: string): boolean {
  return QPV_CODE.test(code);
}

/** INSEE code of the département a QPV code names: "QP059071" → "59", "QP02A001" → "2A", "QP971001" → "971". */
export function qpvDepartement(code: string): string {
  const part = code.slice(2, 5);
  return part.startsWith('0') ? part.slice(1) : part;
}

/** Commune names of a QPV as its source lists them ("Hem,  Roubaix, Lys-lez-Lannoy", with uneven spacing). */
export function qpvCommuneNames(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name !== '');
}

/** Why a `?qpv=` link opened nothing: not a QPV code, or a code the data does not hold. */
export type QpvLinkProblem = { kind: 'malformed' | 'unknown'; value: string };

// The schema of `geodata/zones.json`: the quarters and acceleration territories, each with its
// communes, QPV codes and programmes, checked against the département list.
import { z } from 'zod';
import { ZONE_KINDS, type Zone } from '../../types';
import { QPV_CODE, qpvDepartement } from '../../qpv/code';
import {
  DataError,
  METROPOLITAN_DEPARTEMENTS,
  departementCode,
  isoDate,
  parseRecords,
  programme,
  recordsOf,
  slug,
  text,
  type CodeLists
} from './shared';

const INSEE_COMMUNE = /^(?:\d{5}|2[AB]\d{3})$/;

const communeRef = z.strictObject({
  insee: z.string().regex(INSEE_COMMUNE, { error: 'must be a 5-character commune INSEE code' }),
  name: text
});

export const zoneSchema = z
  .strictObject({
    id: slug,
    name: text,
    kind: z.enum(ZONE_KINDS),
    departement: departementCode,
    communes: z.array(communeRef),
    qpvs: z.array(z.string().regex(QPV_CODE, { error: 'must be a QPV code like "QP059071"' })),
    programmes: z.array(programme),
    status: text,
    statusDate: isoDate,
    note: text.optional()
  })
  .superRefine((zone, ctx) => {
    if (zone.kind === 'acceleration-territory') {
      if (zone.communes.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['communes'],
          message: 'an acceleration territory is a whole département: communes must be empty'
        });
      if (zone.qpvs.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['qpvs'],
          message: 'an acceleration territory has no QPV: must be empty'
        });
    } else if (zone.communes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['communes'], message: 'a quarter lists at least one commune' });
    }
    zone.communes.forEach((commune, i) => {
      if (!commune.insee.startsWith(zone.departement))
        ctx.addIssue({
          code: 'custom',
          path: ['communes', i, 'insee'],
          message: `commune "${commune.insee}" is not in département "${zone.departement}"`
        });
    });
    // A QPV code carries its département on three characters: QP059071 is in 59.
    const seenQpvs = new Set<string>();
    zone.qpvs.forEach((code, i) => {
      if (QPV_CODE.test(code) && qpvDepartement(code) !== zone.departement)
        ctx.addIssue({
          code: 'custom',
          path: ['qpvs', i],
          message: `QPV "${code}" is not in département "${zone.departement}"`
        });
      if (seenQpvs.has(code))
        ctx.addIssue({ code: 'custom', path: ['qpvs', i], message: `duplicate QPV "${code}"` });
      seenQpvs.add(code);
    });
    const seen = new Set<string>();
    zone.programmes.forEach((p, i) => {
      if (seen.has(p))
        ctx.addIssue({ code: 'custom', path: ['programmes', i], message: `duplicate programme "${p}"` });
      seen.add(p);
    });
  });

/** Validates the content of `geodata/zones.json` and returns its zones, or throws a DataError. */
export function parseZones(json: unknown, file: string, codes: CodeLists = {}): Zone[] {
  const departements = codes.departements ?? new Set(METROPOLITAN_DEPARTEMENTS);
  const records = recordsOf(json, 'zones', file);
  const problems: string[] = [];
  const zones = parseRecords(records, 'zone', file, zoneSchema, problems);
  // A QPV belongs to one quarter at most: its sheet names that quarter.
  const quarterOfQpv = new Map<string, string>();
  for (const zone of zones) {
    if (!departements.has(zone.departement))
      problems.push(
        `${file}: zone "${zone.id}": field "departement": unknown département "${zone.departement}"`
      );
    zone.qpvs.forEach((code, i) => {
      const other = quarterOfQpv.get(code);
      if (other !== undefined && other !== zone.id)
        problems.push(
          `${file}: zone "${zone.id}": field "qpvs[${i}]": QPV "${code}" is already in zone "${other}"`
        );
      else quarterOfQpv.set(code, zone.id);
    });
  }
  if (problems.length > 0) throw new DataError(problems);
  return zones;
}

// The one validation module of the hand-written data, one file per file it validates:
// `zones.ts` (geodata/zones.json), `measures.ts` and `dated-items.ts` (geodata/measures.json),
// `scenes.ts` (geodata/scenes.json), `sources.ts` (geodata/sources.json), and `shared.ts` for
// the error type of bad input (DataError), the common field types and the way a problem names
// its file, record and field. The data schemas produce exactly the domain types of
// `src/lib/types.ts`, proved at compile time below.
import type { z } from 'zod';
import type { DatedItem, FundingLine, Measure, Scene, Zone } from '../../types';
import type { datedItemSchema } from './dated-items';
import type { fundingLineSchema, measureSchema } from './measures';
import type { sceneSchema } from './scenes';
import type { zoneSchema } from './zones';

export {
  DataError,
  METROPOLITAN_DEPARTEMENTS,
  METROPOLITAN_REGIONS,
  QPV_CODE,
  SLUG,
  formatPath,
  parseSourceLines,
  type CodeLists
} from './shared';
export { parseZones } from './zones';
export { parseMeasures } from './measures';
export { MAX_CAPTION_LENGTH, parseScenes, sceneSchema, scenesFileSchema, type KnownPlaces } from './scenes';
export {
  parseDocumentManifest,
  parseReferenceManifest,
  parseSourceManifest,
  type DocumentEntry,
  type ReferenceEntry,
  type SourceEntry
} from './sources';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/** Compile-time proof that the schemas produce exactly the domain types: fails to compile otherwise. */
export type SchemasProduceDomainTypes = [
  Assert<Equals<z.output<typeof zoneSchema>, Zone>>,
  Assert<Equals<z.output<typeof measureSchema>, Measure>>,
  Assert<Equals<z.output<typeof fundingLineSchema>, FundingLine>>,
  Assert<Equals<z.output<typeof datedItemSchema>, DatedItem>>,
  Assert<Equals<z.output<ReturnType<typeof sceneSchema>>, Scene>>
];

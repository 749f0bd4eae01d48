// The schema of the presentation deck `geodata/scenes.json`: each scene's texts, camera,
// filter and layers, its references checked against the known zones and départements.
import { z } from 'zod';
import { LAYER_IDS, PROGRAMMES, VIEWS, type Scene, type SceneCamera } from '../../types';
import { DataError, SLUG, formatPath } from './shared';

/** The ids and codes scenes may refer to. */
export interface KnownPlaces {
  zoneIds: ReadonlySet<string>;
  departementCodes: ReadonlySet<string>;
}

/** Longest caption: the audience reads it in about a second while the map moves. */
export const MAX_CAPTION_LENGTH = 200;

const MIN_ZOOM = 0;
const MAX_ZOOM = 22;

/** Wraps a message function so a missing value falls through to the generic "is required". */
function unlessMissing(message: (input: unknown) => string) {
  return (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : message(issue.input);
}

const quoted = (value: unknown): string => JSON.stringify(value) ?? String(value);

// Scene texts are kept as written (the data files' `text` trims).
const sceneText = z.string().refine((value) => value.trim().length > 0, { error: 'must not be empty' });

const longitude = z
  .number()
  .min(-180, { error: 'longitude must be between -180 and 180' })
  .max(180, { error: 'longitude must be between -180 and 180' });
const latitude = z
  .number()
  .min(-90, { error: 'latitude must be between -90 and 90' })
  .max(90, { error: 'latitude must be between -90 and 90' });
const lngLat = z.tuple([longitude, latitude], {
  error: unlessMissing(() => 'must be [longitude, latitude]')
});

const zoom = z
  .number()
  .min(MIN_ZOOM, { error: `must be between ${MIN_ZOOM} and ${MAX_ZOOM}` })
  .max(MAX_ZOOM, { error: `must be between ${MIN_ZOOM} and ${MAX_ZOOM}` });

const bounds = z
  .tuple([lngLat, lngLat], { error: unlessMissing(() => 'must be [[west, south], [east, north]]') })
  .refine(([southWest, northEast]) => southWest[0] < northEast[0], {
    error: 'west must be less than east'
  })
  .refine(([southWest, northEast]) => southWest[1] < northEast[1], {
    error: 'south must be less than north'
  });

const camera = z
  .strictObject({ center: lngLat.optional(), zoom: zoom.optional(), bounds: bounds.optional() })
  .transform((value, context): SceneCamera => {
    const { center, zoom: level, bounds: box } = value;
    if (box !== undefined) {
      if (center === undefined && level === undefined) return { bounds: box };
      context.issues.push({
        code: 'custom',
        input: value,
        message: 'give either "center" and "zoom", or "bounds", not both'
      });
    } else if (center !== undefined && level !== undefined) {
      return { center, zoom: level };
    } else if (center !== undefined) {
      context.issues.push({
        code: 'custom',
        input: value,
        path: ['zoom'],
        message: 'is required with "center"'
      });
    } else if (level !== undefined) {
      context.issues.push({
        code: 'custom',
        input: value,
        path: ['center'],
        message: 'is required with "zoom"'
      });
    } else {
      context.issues.push({
        code: 'custom',
        input: value,
        message: 'needs either "center" and "zoom", or "bounds"'
      });
    }
    return z.NEVER;
  });

const sceneProgramme = z.enum(PROGRAMMES, {
  error: unlessMissing((input) => `unknown programme ${quoted(input)}`)
});
const layer = z.enum(LAYER_IDS, { error: unlessMissing((input) => `unknown layer ${quoted(input)}`) });
const view = z.enum(VIEWS, {
  error: unlessMissing(() => `must be ${VIEWS.map((name) => `"${name}"`).join(' or ')}`)
});
const mode = z.enum(['any', 'all'], { error: unlessMissing(() => 'must be "any" or "all"') });

/** The schema of one scene, checking references against the known zones and départements. */
export function sceneSchema(known: KnownPlaces) {
  const departement = z.string().refine((code) => known.departementCodes.has(code), {
    error: (issue) => `unknown département ${quoted(issue.input)}`
  });
  const zone = z.string().refine((id) => known.zoneIds.has(id), {
    error: (issue) => `unknown zone ${quoted(issue.input)}`
  });
  const place = z.string().refine((value) => known.zoneIds.has(value) || known.departementCodes.has(value), {
    error: (issue) => `unknown zone or département ${quoted(issue.input)}`
  });

  return z.strictObject({
    id: z.string().regex(SLUG, {
      error: 'must be kebab-case (lowercase letters and digits joined by single hyphens)'
    }),
    title: sceneText,
    caption: sceneText.refine((value) => value.length <= MAX_CAPTION_LENGTH, {
      error: (issue) => `must be at most ${MAX_CAPTION_LENGTH} characters (has ${String(issue.input).length})`
    }),
    view,
    camera,
    filter: z
      .strictObject({
        programmes: z.array(sceneProgramme).optional(),
        mode: mode.optional(),
        departements: z.array(departement).optional()
      })
      .optional(),
    layers: z.array(layer).optional(),
    zone: zone.optional(),
    spotlight: z.array(place).min(1, { error: 'must not be empty' }).optional(),
    summary: z.literal(true, { error: unlessMissing(() => 'must be true when given') }).optional(),
    calendar: z.literal(true, { error: unlessMissing(() => 'must be true when given') }).optional(),
    numberedQuarters: z.literal(true, { error: unlessMissing(() => 'must be true when given') }).optional()
  });
}

/** The schema of the whole deck file, `{ "scenes": [...] }`, with unique scene ids. */
export function scenesFileSchema(known: KnownPlaces) {
  return z.strictObject({
    scenes: z
      .array(sceneSchema(known))
      .min(1, { error: 'must list at least one scene' })
      .superRefine((scenes, context) => {
        const firstIndex = new Map<string, number>();
        scenes.forEach((scene, index) => {
          const first = firstIndex.get(scene.id);
          if (first === undefined) {
            firstIndex.set(scene.id, index);
          } else {
            context.addIssue({
              code: 'custom',
              path: [index, 'id'],
              message: `"${scene.id}" is already the id of scene #${first}`
            });
          }
        });
      })
  });
}

/** Messages for the issues the schema leaves to zod, in the same plain style. */
function genericMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    const expected: Record<string, string> = {
      string: 'a string',
      number: 'a number',
      array: 'a list',
      tuple: 'a list',
      object: 'an object',
      boolean: 'true or false'
    };
    return `expected ${expected[issue.expected] ?? issue.expected}`;
  }
  return undefined;
}

/** Names a scene by its id when it has one, else by its 0-based position. */
function sceneLabel(json: unknown, index: number): string {
  const scenes = (json as { scenes?: unknown }).scenes;
  const scene = Array.isArray(scenes) ? (scenes[index] as unknown) : undefined;
  const id = typeof scene === 'object' && scene !== null ? (scene as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `scene "${id}"` : `scene #${index}`;
}

/** Turns one zod issue into lines "file: scene "id": field "path": message". */
function describeIssue(file: string, json: unknown, issue: z.core.$ZodIssue): string[] {
  const fields =
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown field' }))
      : [{ path: issue.path, message: issue.message }];
  return fields.map(({ path, message }) => {
    const parts = [file];
    let rest: readonly PropertyKey[] = path;
    const [top, index] = path;
    if (top === 'scenes' && typeof index === 'number') {
      parts.push(sceneLabel(json, index));
      rest = path.slice(2);
    }
    const field = formatPath(rest);
    if (field !== '') parts.push(`field "${field}"`);
    parts.push(message);
    return parts.join(': ');
  });
}

/** Validates the deck file and returns its scenes, or throws a DataError naming file, scene and field of every problem. */
export function parseScenes(json: unknown, file: string, known: KnownPlaces): Scene[] {
  const result = scenesFileSchema(known).safeParse(json, { error: genericMessage });
  if (result.success) return result.data.scenes;
  throw new DataError(result.error.issues.flatMap((issue) => describeIssue(file, json, issue)));
}

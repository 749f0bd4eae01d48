// Topology-aware simplification with mapshaper (https://github.com/mbloch/mapshaper): the
// outlines of a layer are converted to shared arcs, simplified arc by arc, then written back,
// so that two neighbours keep exactly the same border (no gap, no overlap), and an outline
// dissolved from others (an EPCI from its communes, the region from its départements) keeps
// exactly their borders. Everything runs in memory through mapshaper's Node API.
import mapshaper from 'mapshaper';
import type { Feature, FeatureCollection } from 'geojson';
import type { Area } from './read';

/** How much to simplify a topology: the Visvalingam interval in metres and the decimals written. */
export interface TopologySimplification {
  /** mapshaper's `interval`: metres for lon/lat data. 0 keeps every vertex. */
  intervalMetres: number;
  decimals: number;
}

type Layer<P> = FeatureCollection<Area, P>;

/** Runs mapshaper commands on in-memory GeoJSON layers; returns the named output layers. */
async function run(inputs: Record<string, unknown>, commands: string): Promise<Record<string, Layer<never>>> {
  const output = (await mapshaper.applyCommands(commands, inputs)) as Record<string, string | Uint8Array>;
  return Object.fromEntries(
    Object.entries(output).map(([name, content]) => [
      name.replace(/\.json$/, ''),
      JSON.parse(typeof content === 'string' ? content : new TextDecoder().decode(content)) as Layer<never>
    ])
  );
}

/** The simplification commands: shared-arc simplification that keeps every shape, then a repair pass. */
function simplifyCommands({ intervalMetres }: TopologySimplification): string {
  // keep-shapes: no small commune disappears; -clean fixes any self-intersection simplification made.
  return intervalMetres > 0 ? `-simplify interval=${intervalMetres} keep-shapes -clean` : '-clean';
}

/** Writes the target layers as GeoJSON with the given precision. */
function outputCommand(targets: string[], { decimals }: TopologySimplification): string {
  return `-o target=${targets.join(',')} format=geojson geojson-type=FeatureCollection precision=${10 ** -decimals}`;
}

/** Keeps only the geometry-bearing features (mapshaper writes null geometries for emptied shapes). */
function areas<P>(layer: Layer<P> | undefined): Feature<Area, P>[] {
  return (layer?.features ?? []).filter((f) => f.geometry !== null);
}

/** Properties every commune outline carries into the topology. */
export interface CommuneTopologyProperties {
  /** Code of the commune in the reference vintage (several 2018 outlines may share it). */
  code: string;
  /** SIREN of its EPCI, or "" when none or when its EPCI is not drawn. */
  epci: string;
}

/**
 * Dissolves the 2018 commune outlines into the reference's communes, and the communes into
 * EPCIs (only those with a non-empty `epci`), then simplifies all of them on shared arcs.
 */
export async function communeTopology(
  outlines: Feature<Area, CommuneTopologyProperties>[],
  simplification: TopologySimplification
): Promise<{
  communes: Feature<Area, { code: string }>[];
  epcis: Feature<Area, { epci: string }>[];
}> {
  const layers = await run(
    { 'outlines.json': { type: 'FeatureCollection', features: outlines } },
    [
      '-i outlines.json name=communes',
      '-dissolve code copy-fields=epci',
      '-filter \'epci !== ""\' + name=epcis',
      '-dissolve epci target=epcis',
      `-target communes,epcis ${simplifyCommands(simplification)} target=*`,
      outputCommand(['communes', 'epcis'], simplification)
    ].join(' ')
  );
  return { communes: areas(layers.communes), epcis: areas(layers.epcis) };
}

/**
 * Simplifies the départements on shared arcs and dissolves those of `homeDepartements` into
 * the home region's outline, which thus follows their borders exactly.
 */
export async function departementTopology<P extends { code: string }>(
  departements: Feature<Area, P>[],
  homeDepartements: ReadonlySet<string>,
  simplification: TopologySimplification
): Promise<{ departements: Feature<Area, P>[]; region: Feature<Area, object>[] }> {
  const marked = departements.map((f) => ({
    ...f,
    properties: { ...f.properties, home: homeDepartements.has(f.properties.code) }
  }));
  const layers = await run(
    { 'departements.json': { type: 'FeatureCollection', features: marked } },
    [
      '-i departements.json name=departements',
      "-filter 'home' + name=region",
      '-dissolve home target=region',
      `-target departements,region ${simplifyCommands(simplification)} target=*`,
      '-drop fields=home target=departements',
      outputCommand(['departements', 'region'], simplification)
    ].join(' ')
  );
  return { departements: areas(layers.departements), region: areas(layers.region) };
}

/** Simplifies one layer on shared arcs, keeping its properties. */
export async function sharedSimplify<P>(
  features: Feature<Area, P>[],
  simplification: TopologySimplification
): Promise<Feature<Area, P>[]> {
  const layers = await run(
    { 'layer.json': { type: 'FeatureCollection', features } },
    [
      '-i layer.json name=layer',
      simplifyCommands(simplification),
      outputCommand(['layer'], simplification)
    ].join(' ')
  );
  return areas(layers.layer);
}

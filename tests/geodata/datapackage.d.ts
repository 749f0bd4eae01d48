// The parts of the Frictionless reference library (datapackage-js, which ships no types) that the
// open-data tests use.
declare module 'datapackage' {
  interface Resource {
    /** Reads the rows, casting each cell through the Table Schema; throws on the first bad row. */
    read(options?: { relations?: boolean }): Promise<unknown[][]>;
  }

  export class Package {
    static load(descriptor: object, options?: { basePath?: string }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    getResource(name: string): Resource | null;
  }
}

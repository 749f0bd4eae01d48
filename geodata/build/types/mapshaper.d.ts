// mapshaper ships no type declarations; the build uses only its in-memory command runner.
declare module 'mapshaper' {
  const mapshaper: {
    /** Runs a command string on in-memory inputs (file name → content); resolves to the output files. */
    applyCommands(commands: string, inputs?: Record<string, unknown>): Promise<Record<string, unknown>>;
  };
  export default mapshaper;
}

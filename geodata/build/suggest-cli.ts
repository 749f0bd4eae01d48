// `npm run geodata:suggest`: prints, for every quarter of geodata/zones.json, the QPV codes of the
// official file that may be its own, for a maintainer to confirm into zones.json.
// Exit codes as `npm run geodata`: 0 printed, 1 bad input, 2 bad usage.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readQpvMatchingInputs } from './build';
import { buildOptionsFrom, REPO_ROOT, reportFailure } from './cli';
import { suggestionTable, suggestQpvCodes } from './suggest';

/** Runs the command; returns the exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(
      'Usage: npm run geodata:suggest (same environment as npm run geodata: GEODATA_SOURCES, GEODATA_QPV_ARCHIVE)\n'
    );
    return 2;
  }
  try {
    const { zones, qpv, npnruCodes } = await readQpvMatchingInputs(buildOptionsFrom(REPO_ROOT, env));
    const suggestions = suggestQpvCodes(
      zones,
      qpv.features.map((f) => f.properties),
      npnruCodes
    );
    process.stdout.write(
      [
        `QPV file: ${qpv.file} (${qpv.features.length} QPV)${qpv.national ? '' : ' — not the official national archive: only the QPVs it holds can be found'}`,
        '',
        ...suggestionTable(suggestions),
        '',
        'Confirm a code by adding it to "qpvs" of the quarter in geodata/zones.json, then run npm run geodata.',
        'An "ambiguous" quarter needs a choice by hand: no code is proposed for it.'
      ].join('\n') + '\n'
    );
    return 0;
  } catch (error) {
    return reportFailure(error);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}

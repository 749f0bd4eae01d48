// `npm test`: builds the site, then runs every check a change must pass
// (types, lint, unit and browser tests) and ends with one line
// "N passed, N failed" counting every test case and static check.
// The browser tests run twice: on the site built from the project's data, then on the same
// code built from the fixture project (tests/e2e/build-fixture-site.ts), so that they hold
// for data other than today's editorial content.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURE_SITE_DIR } from './e2e/site';

interface Step {
  name: string;
  command: string[];
  env?: NodeJS.ProcessEnv;
}

function run({ name, command, env }: Step): boolean {
  console.log(`\n▶ ${name}: ${command.join(' ')}`);
  const result = spawnSync(command[0]!, command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...env }
  });
  return result.status === 0;
}

let passed = 0;
let failed = 0;
const failures: string[] = [];

function count(name: string, ok: boolean) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

/** Runs vitest with `args` and adds its cases to the counts, named `label` among the failures. */
function vitest(name: string, label: string, args: string[], env?: NodeJS.ProcessEnv) {
  const report = `test-results/${label}.json`;
  rmSync(report, { force: true });
  const ok = run({
    name,
    command: [
      'npx',
      'vitest',
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`
    ],
    env
  });
  try {
    const results = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    if (results.numFailedTests > 0) failures.push(`${results.numFailedTests} ${label} case(s)`);
    if (!ok && results.numFailedTests === 0) count(`${label} (suite error)`, false);
  } catch {
    count(`${label} (no report)`, false);
  }
}

const build = run({ name: 'build (geodata + site)', command: ['npm', 'run', 'build'] });
count('build', build);
const fixtureBuild = run({
  name: 'build of the fixture site (tests/e2e/fixture)',
  command: ['npm', 'run', 'build:fixture']
});
count('build:fixture', fixtureBuild);
count('svelte-check', run({ name: 'types', command: ['npm', 'run', 'check'] }));
count('eslint', run({ name: 'lint', command: ['npm', 'run', 'lint'] }));

mkdirSync('test-results', { recursive: true });
vitest(
  build ? 'unit and browser tests' : 'unit tests (browser tests skipped: the build failed)',
  'vitest',
  build ? [] : ['--project', 'unit']
);
if (fixtureBuild) {
  vitest('browser tests on the fixture site', 'vitest-fixture', ['--project', 'e2e'], {
    ATLAS_SITE_DIR: resolve(FIXTURE_SITE_DIR)
  });
} else {
  console.log('\nBrowser tests on the fixture site skipped: its build failed.');
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

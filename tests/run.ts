// `npm test`: builds the site, then runs every check a change must pass
// (types, lint, unit and browser tests) and ends with one line
// "N passed, N failed" counting every test case and static check.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

interface Step {
  name: string;
  command: string[];
}

function run({ name, command }: Step): boolean {
  console.log(`\n▶ ${name}: ${command.join(' ')}`);
  const result = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit' });
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

const build = run({ name: 'build (geodata + site)', command: ['npm', 'run', 'build'] });
count('build', build);
count('svelte-check', run({ name: 'types', command: ['npm', 'run', 'check'] }));
count('eslint', run({ name: 'lint', command: ['npm', 'run', 'lint'] }));

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const projects = build ? [] : ['--project', 'unit'];
const vitestOk = run({
  name: build ? 'unit and browser tests' : 'unit tests (browser tests skipped: the build failed)',
  command: [
    'npx',
    'vitest',
    'run',
    ...projects,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`
  ]
});
try {
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTests: number;
  };
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  if (results.numFailedTests > 0) failures.push(`${results.numFailedTests} vitest case(s)`);
  if (!vitestOk && results.numFailedTests === 0) count('vitest (suite error)', false);
} catch {
  count('vitest (no report)', false);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

// The app's and the build's own modules import each other without a cycle: a cycle means two
// modules each own half of something, and it breaks the geodata build's independence from
// UI folders. Imports are read from the source text (static `import`/`export … from` and
// dynamic `import()`), resolved for relative paths and `$lib/`.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSIONS = ['', '.ts', '.svelte', '.svelte.ts', '/index.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Resolved paths of the project files a source file imports. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)
  ].map((match) => match[1] ?? match[2]!);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith('$lib/')
      ? join(ROOT, 'src/lib', specifier.slice(5))
      : specifier.startsWith('.')
        ? resolve(dirname(file), specifier)
        : null;
    if (!base) return [];
    const found = EXTENSIONS.map((ext) => base + ext).find(
      (path) => existsSync(path) && statSync(path).isFile()
    );
    return found ? [found] : [];
  });
}

/** The first cycle found in an import graph, as a list of files, or null. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('imports', () => {
  it('the cycle finder finds a cycle of three modules, and none in a chain', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']]
        ])
      )
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []]
        ])
      )
    ).toBeNull();
  });

  it('no module of src/ or geodata/build/ imports itself through others', () => {
    const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'geodata/build'))];
    const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));
    expect(graph.get(join(ROOT, 'src/lib/app/atlas-state.svelte.ts'))?.length).toBeGreaterThan(5);
    expect(findCycle(graph)?.map((file) => relative(ROOT, file)) ?? null).toBeNull();
  });
});

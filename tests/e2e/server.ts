// Starts `vite preview` on loopback for the built site under test (site.ts). The preview reads
// SvelteKit's output folder, which svelte.config.js takes from the same ATLAS_SITE_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, SITE_DIR } from './site';

const HOST = '127.0.0.1';

/** A running preview server and how to stop it. */
export interface PreviewServer {
  baseURL: string;
  stop: () => void;
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`preview server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`preview server did not answer at ${url}`);
}

/** Serves the built site on a random loopback port; fails if it was not built. */
export async function startPreview(): Promise<PreviewServer> {
  if (!existsSync(join(BUILD_DIR, 'index.html'))) {
    throw new Error(
      SITE_DIR
        ? `${BUILD_DIR}/ is missing: run \`npm run build:fixture\` first (npm test does it).`
        : 'build/ is missing: run `npm run build` first (npm test does it).'
    );
  }
  const port = 4300 + Math.floor(Math.random() * 500);
  // Vite itself, not through npx: killing npx would leave the server running.
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [vite, 'preview', '--host', HOST, '--port', String(port), '--strictPort'],
    {
      stdio: ['ignore', 'ignore', 'inherit']
    }
  );
  const baseURL = `http://${HOST}:${port}`;
  await waitForServer(`${baseURL}/`, child);
  return { baseURL, stop: () => child.kill() };
}

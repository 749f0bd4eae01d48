// The benchmark's own static server: the built site (`build/`) and, under
// /bench-bare/, a bare MapLibre page that draws the atlas's start-up picture. The
// bare page lives in tests/bench/bare/ and never ships with the product build.
// Both pages go through this one server, with the cache headers a static host
// would send: hashed assets are immutable, everything else is revalidated.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** URL prefix → folder; the longest matching prefix wins. */
const MOUNTS: [string, string][] = [
  ['/bench-bare/maplibre/', join(ROOT, 'node_modules/maplibre-gl/dist/')],
  ['/bench-bare/', join(ROOT, 'tests/bench/bare/')],
  ['/', join(ROOT, 'build/')]
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.pbf': 'application/x-protobuf'
};

/** The file a URL path maps to, or null when it leaves its folder or does not exist. */
function fileFor(mounts: [string, string][], pathname: string): string | null {
  const [prefix, folder] = mounts.find(([p]) => pathname.startsWith(p))!;
  let file = normalize(join(folder, decodeURIComponent(pathname.slice(prefix.length))));
  if (!file.startsWith(folder)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/** A running bench server and how to stop it. */
export interface BenchServer {
  baseURL: string;
  /** Files served from memory, by URL path: set or change them between measures. */
  files: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * Serves the built site and the bare page on a random loopback port; with `files`, a few files
 * from memory (the bench changes them between measures); with `dataDir`, the site's
 * /data/ comes from that folder instead (the national-scale bench, tests/bench/national.ts); with
 * `buildDir`, the site is that build instead of build/ (a baseline build, BENCH_BASELINE).
 */
export async function startBenchServer({
  dataDir,
  buildDir,
  files = {}
}: {
  dataDir?: string;
  buildDir?: string;
  /** Files held in memory, by URL path (the atlas's style the bare page draws): read at each request. */
  files?: Record<string, string>;
} = {}): Promise<BenchServer> {
  const site = buildDir ? normalize(`${buildDir}/`) : join(ROOT, 'build/');
  const mounts: [string, string][] = [
    ...(dataDir ? ([['/data/', `${dataDir}/`]] as [string, string][]) : []),
    ...MOUNTS.slice(0, -1),
    ['/', site]
  ];
  if (!existsSync(join(site, 'index.html'))) {
    throw new Error(`${site} has no index.html: run \`npm run build\` first.`);
  }
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const held = files[pathname];
    if (held !== undefined) {
      response.writeHead(200, {
        'content-type': TYPES[extname(pathname)] ?? 'text/plain',
        'cache-control': 'no-cache'
      });
      response.end(held);
      return;
    }
    const file = fileFor(mounts, pathname);
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    const stat = statSync(file);
    const etag = `"${stat.size}-${stat.mtimeMs}"`;
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': pathname.startsWith('/_app/immutable/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      etag
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': stat.size });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench server has no port');
  return {
    baseURL: `http://127.0.0.1:${address.port}`,
    files,
    stop: () => new Promise((resolve) => server.close(() => resolve()))
  };
}

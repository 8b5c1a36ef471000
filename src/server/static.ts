/**
 * Serves the built web UI (web/, built by Vite into dist/web) at `/`: index.html and the hashed
 * files under assets/. The UI holds no data, so it needs no token; everything it shows comes
 * from /api. Hash routing means no other path is a page, so anything else is a 404.
 *
 * Only files that exist under the UI's folder are served: every path segment is decoded and
 * checked (no `..`, no separators hidden in percent-encoding), and the resolved real path must
 * still be inside the folder. Written here rather than with a static-file middleware because the
 * UI is two kinds of file with one policy each, and the check is the part that matters.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';

/** The built UI in the package: src/server/ under tsx and dist/server/ once built are both two levels below the root. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * What the UI may do: load its own script, styles and images, talk to its own API; no inline
 * script or style, no framing, no plugins. Vite's build is one module script and one stylesheet,
 * both under assets/; Preact sets styles through the CSSOM, which `style-src 'self'` allows.
 */
export const UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crosscheck: the web UI is not built</title></head>
<body><main><h1>The web UI is not built</h1>
<p>This server answers its API under <code>/api</code> (see <a href="/api/openapi.json">/api/openapi.json</a>), but the web UI has not been built. Run <code>npm run build</code> in the crosscheck folder, then reload this page.</p>
</main></body></html>
`;

export interface WebUiOptions {
  /** The folder of the built UI. Default `DEFAULT_WEB_ROOT`. */
  root?: string;
}

/**
 * Adds the UI's routes to an app: `/` and `/index.html` (never cached, so a new build shows at
 * once) and `/assets/*` (named by content hash by Vite, so cached for good).
 */
export function serveWebUi(app: Hono, options: WebUiOptions = {}): void {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const page = (c: Context) => send(c, root, ['index.html'], 'no-cache');
  app.get('/', page);
  app.get('/index.html', page);
  app.get('/assets/*', (c) => {
    const segments = segmentsOf(new URL(c.req.url).pathname);
    if (!segments || segments[0] !== 'assets' || segments.length < 2) return c.notFound();
    return send(c, root, segments, 'public, max-age=31536000, immutable');
  });
}

/** The decoded path segments, or null when any is empty, a dot segment, or hides a separator or a NUL. */
function segmentsOf(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

async function send(c: Context, root: string, segments: string[], cacheControl: string): Promise<Response> {
  const realRoot = await realpath(root).catch(() => null);
  const isIndex = segments.length === 1 && segments[0] === 'index.html';
  const file = realRoot === null ? null : await realpath(join(realRoot, ...segments)).catch(() => null);
  // A symbolic link out of the folder resolves outside it and is refused like a `..`.
  if (file === null || !file.startsWith(realRoot + sep) || !(await stat(file)).isFile()) {
    return isIndex ? c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store', 'Content-Security-Policy': UI_POLICY }) : c.notFound();
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return c.body(new Uint8Array(await readFile(file)), 200, { 'Content-Type': type, 'Cache-Control': cacheControl, 'Content-Security-Policy': UI_POLICY });
}

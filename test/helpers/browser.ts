/**
 * What the browser tests and the UI benchmark share: the web UI built when its sources are newer
 * than the build, the server started in-process over a store of its own, headless Chromium
 * (Debian's, through playwright-core: Playwright's own browser download does not work here),
 * numbered screenshots, requests kept to the server's origin, and axe-core run in the page.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { listen } from '../../src/server/index.js';
import { openStore, type CaseStore } from '../../src/store/index.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Debian's `chromium` unless CROSSCHECK_CHROMIUM names another Chromium. */
export const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `no Chromium at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CROSSCHECK_CHROMIUM to a Chromium binary`;
}

const WEB = join(REPO, 'web');
const WEB_BUILD = join(REPO, 'dist/web/index.html');

async function newestChange(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, await newestChange(join(path, entry)));
  }
  return newest;
}

/** Builds web/ into dist/web when the build is missing or older than any file of the front end. */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(WEB_BUILD) && (await stat(WEB_BUILD)).mtimeMs >= (await newestChange(WEB))) return;
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'silent' });
}

export interface Workspace {
  /** The server's origin, e.g. "http://127.0.0.1:40123". */
  url: string;
  store: CaseStore;
  close(): Promise<void>;
}

/**
 * `crosscheck serve` in-process on a free loopback port, over `dataDir` (default: a new temporary
 * folder, removed on close).
 */
export async function startWorkspace(dataDir?: string): Promise<Workspace> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'crosscheck-e2e-')));
  const store = await openStore(dir);
  const server = await listen({ store, host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    store,
    async close() {
      await server.close();
      await store.close();
      if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM });
}

export const SCREENSHOTS = join(REPO, 'test-output/e2e');

/**
 * Saves screenshots of the viewport as test-output/e2e/<name>-<nn>-<step>.png, numbered in the
 * order taken, scrolled to `focus` when given (a full page of a case runs to thousands of pixels).
 * The first screenshot of a run removes the earlier run's under that name.
 *
 * @example const shoot = screenshots('upload'); await shoot(page, 'viewer', page.locator('#article-viewer'));
 */
export function screenshots(name: string): (page: Page, step: string, focus?: Locator) => Promise<void> {
  let taken = 0;
  return async (page, step, focus) => {
    taken += 1;
    await mkdir(SCREENSHOTS, { recursive: true });
    // A run's screenshots replace the last run's, which may have had more steps.
    if (taken === 1) for (const file of await readdir(SCREENSHOTS)) if (file.startsWith(`${name}-`)) await rm(join(SCREENSHOTS, file));
    await focus?.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${String(taken).padStart(2, '0')}-${step}.png`) });
  };
}

/**
 * Lets a context reach `origin` only: every other request is aborted and listed in the array
 * returned, so a test can say which ones the page tried.
 */
export async function keepToOrigin(context: BrowserContext, origin: string): Promise<string[]> {
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  return refused;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let axeSource: string | undefined;

/** Runs axe-core over the page as it is now and returns its violations (every impact). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map(({ id, impact, help, helpUrl, nodes }) => ({ id, impact, help, helpUrl, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  });
}

/** One line per violation and node, for a failure message a reader can act on. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => `${violation.impact ?? 'unknown'}: ${violation.id}: ${violation.help} (${violation.helpUrl})\n${violation.nodes.map((node) => `  at ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`.replaceAll('\n', ' ')).join('\n')}`)
    .join('\n');
}

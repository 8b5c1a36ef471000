/**
 * How fast the case page of the 500-article benchmark case (scripts/make-bench-case.ts) shows up
 * and scrolls in headless Chromium: first paint and first contentful paint (the browser's 'paint'
 * entries), the time until the quotes and the documents lists show rows, and the long tasks
 * (over 50 ms, the browser's 'longtask' entries) while each list is scrolled from top to bottom.
 * Each run opens the page in a new browser context (empty cache); the table gives the median.
 *
 *   node --import tsx scripts/bench-ui.ts [--articles 500] [--runs 5]
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { browserMissing, ensureWebBuild, launchBrowser } from '../test/helpers/browser.js';
import { BENCH_DATA, benchCase, serveInChild } from './make-bench-case.js';

const { values: flags } = parseArgs({ options: { articles: { type: 'string', default: '500' }, runs: { type: 'string', default: '5' } } });

const ROWS = (section: string) => `#section-${section} [role="listitem"], #section-${section} li, #section-${section} tbody tr`;

/**
 * Notes in the page, from its first script on, when each selector first matches (milliseconds
 * from navigation start, in `window.firstMatches`), checked on every change to the DOM. Given to
 * the page as text: tsx wraps named functions in a helper that the page does not have.
 */
function watchFirstMatches(selectors: Record<string, string>): string {
  return `{
    const selectors = ${JSON.stringify(selectors)};
    const seen = (window.firstMatches = {});
    new MutationObserver(() => {
      for (const [name, selector] of Object.entries(selectors)) if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now();
    }).observe(document, { childList: true, subtree: true });
  }`;
}

/**
 * Scrolls the section's list (its scrolling element, else the page over it) down by 200 px a
 * frame for at most 150 frames (30,000 px: 470 rows of 64 px) and returns the long tasks seen
 * meanwhile and how long the scroll took.
 */
async function scrollSection(page: Page, section: string): Promise<{ longTasks: number; longestMs: number; frames: number; ms: number }> {
  return page.evaluate(async (id) => {
    const root = document.getElementById(`section-${id}`)!;
    const scroller =
      [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))].find((element) => element.scrollHeight > element.clientHeight + 20 && /auto|scroll/.test(getComputedStyle(element).overflowY)) ?? null;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask' });
    const started = performance.now();
    let frames = 0;
    if (scroller) {
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && frames < 150) {
        scroller.scrollTop += 200;
        frames += 1;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    } else {
      const bottom = root.getBoundingClientRect().bottom + window.scrollY;
      root.scrollIntoView();
      while (window.scrollY + window.innerHeight < bottom && frames < 150) {
        window.scrollBy(0, 200);
        frames += 1;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    observer.disconnect();
    return { longTasks: tasks.length, longestMs: Math.max(0, ...tasks), frames, ms: performance.now() - started };
  }, section);
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const missing = browserMissing();
if (missing) {
  console.error(`bench-ui: ${missing}`);
  process.exit(2);
}
await ensureWebBuild();
const made = await benchCase(Number(flags.articles));
const { id: caseId, name: caseName, documents } = made.case;
await made.store.close();
const { url, child } = await serveInChild(BENCH_DATA);
const browser = await launchBrowser();
try {
  // The case page's own address, found as a user finds it: through the cases page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByRole('link', { name: caseName, exact: true }).click();
  await page.locator('#section-documents').waitFor({ timeout: 120_000 });
  const casePage = page.url();
  await context.close();
  if (new URL(casePage).href === new URL(`${url}/`).href) throw new Error('The case page has no address of its own, so its first paint cannot be measured apart from the cases page.');
  console.log(`case page ${casePage.replace(url, '')} (case ${caseId}, ${documents} articles); Chromium ${browser.version()}, headless; ${flags.runs} runs, each in a new context; node ${process.version}\n`);

  const figures: Record<string, number[]> = {};
  const record = (name: string, value: number) => (figures[name] ??= []).push(value);
  for (let run = 0; run < Number(flags.runs); run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watched = { 'quotes rows shown': ROWS('quotes'), 'documents rows shown': ROWS('documents') };
    await page.addInitScript({ content: watchFirstMatches(watched) });
    await page.goto(casePage);
    await page.waitForFunction((count) => Object.keys((window as unknown as { firstMatches: object }).firstMatches).length === count, Object.keys(watched).length, { timeout: 120_000 });
    const shown = await page.evaluate(() => (window as unknown as { firstMatches: Record<string, number> }).firstMatches);
    const paints = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime])));
    const analysisLoaded = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => entry.name.endsWith('/analysis'))?.responseEnd ?? Number.NaN);
    record('first paint', paints['first-paint'] ?? Number.NaN);
    record('first contentful paint', paints['first-contentful-paint'] ?? Number.NaN);
    record('analysis JSON received', analysisLoaded);
    for (const name of Object.keys(watched)) record(name, shown[name]!);
    for (const section of ['documents', 'quotes']) {
      const scrolled = await scrollSection(page, section);
      record(`${section} scroll: long tasks`, scrolled.longTasks);
      record(`${section} scroll: longest task`, scrolled.longestMs);
      record(`${section} scroll: ms per frame`, scrolled.ms / Math.max(1, scrolled.frames));
    }
    await context.close();
  }
  console.log('| measure (ms from navigation start, unless named) | median | runs |');
  console.log('|---|---:|---|');
  for (const [name, values] of Object.entries(figures)) console.log(`| ${name} | ${median(values).toFixed(1)} | ${values.map((value) => value.toFixed(0)).join(', ')} |`);
} finally {
  await browser.close();
  child.kill();
  await once(child, 'exit');
}

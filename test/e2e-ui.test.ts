/**
 * The web UI in a real browser: headless Chromium drives the page `crosscheck serve` hands out,
 * over a store of its own, and saves a screenshot at each step under test-output/e2e/. Skipped,
 * with the reason, where no Chromium is installed (CI installs Debian's).
 *
 * The page is found the way a user finds it, by labels, roles and link names; the analysis views
 * by their `section-<id>` anchors.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addToCase } from '../src/store/index.js';
import { REPO, axeViolations, browserMissing, describeViolations, ensureWebBuild, keepToOrigin, launchBrowser, screenshots, startWorkspace, type Workspace } from './helpers/browser.js';

const SAMPLE_STORY = join(REPO, 'examples/sample-story');
const SAMPLE_FILES = ['01-vpa-wire.txt', '02-eastbridge-times.txt', '03-northgate-herald.txt', '04-valley-voice-blog.txt', '05-kessering-daily.txt', '06-coastline-radio.jsonl', '07-riverside-courier.html', '08-aldport-harbour-gazette.txt'].map((file) => join(SAMPLE_STORY, file));
const SECTION_IDS = ['stories', 'brief', 'claims', 'statements', 'sources', 'quotes', 'entities', 'network', 'timeline', 'framing', 'documents'];

// Invented articles, written for these tests; markup in them must stay text.
const SCRIPT_TAG = '<script>window.__pwned=1</script>';
const IMG_TAG = '<img src=x onerror="window.__pwned=2">';
const HOSTILE_TEXT = `Harbour vote ${SCRIPT_TAG} put off\n\nThe council vote on the Tallmoor harbour plan was put off on Friday, councillor Ida Marsh said. "Nobody had read the ${IMG_TAG} annex before the meeting," she told reporters.`;
const HOSTILE_HTML = `<!doctype html><html><head><title>Ferry talks &lt;script&gt;window.__pwned=3&lt;/script&gt; resume</title></head><body><article><h1>Ferry talks &lt;script&gt;window.__pwned=3&lt;/script&gt; resume</h1><p>Ferry crews in Tallmoor returned to talks on Monday, union secretary Hana Velde said. "The offer was pinned up as &lt;img src=x onerror="window.__pwned=4"&gt; on the notice board," she said.</p><img src=x onerror="window.__pwned=5"><script>window.__pwned=6</script></article></body></html>`;

const skip = browserMissing();

describe('web UI in Chromium', { skip }, () => {
  let workspace: Workspace;
  let browser: Browser;
  const SEEDED = 'Kessering water (seeded)';

  before(async () => {
    await ensureWebBuild();
    workspace = await startWorkspace();
    browser = await launchBrowser();
    // Cases the tests read but do not make through the UI, put in through the store like `crosscheck add`.
    await addToCase(workspace.store, SEEDED, [SAMPLE_STORY]);
    await workspace.store.createCase('Nothing yet');
  });

  after(async () => {
    await browser?.close();
    await workspace?.close();
  });

  async function newPage(options: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return { context, page };
  }

  async function openCase(page: Page, name: string): Promise<void> {
    await page.goto(`${workspace.url}/`);
    await page.getByRole('link', { name, exact: true }).click();
    await page.locator('#section-documents').waitFor();
  }

  /** Makes a case on the cases page and ends on its page, whether creating opens it or lists it. */
  async function createCaseInUi(page: Page, name: string): Promise<void> {
    await page.getByLabel('Case name').fill(name);
    await page.getByRole('button', { name: 'Create case' }).click();
    const link = page.getByRole('link', { name, exact: true });
    const addPanel = page.getByLabel('Article text');
    await addPanel.or(link).first().waitFor();
    if (!(await addPanel.isVisible())) await link.click();
    await addPanel.waitFor();
  }

  async function waitForImport(page: Page): Promise<void> {
    await page.getByRole('status').filter({ hasText: /done/i }).first().waitFor({ timeout: 60_000 });
  }

  /** The first control in a section that opens something, preferring one that names `text`. */
  async function clickItem(page: Page, sectionId: string, text: string): Promise<void> {
    const controls = page.locator(`#section-${sectionId}`).locator('button, a[href], [role="button"]');
    const naming = controls.filter({ hasText: text });
    await ((await naming.count()) > 0 ? naming : controls).first().click();
  }

  const textOf = (page: Page, sectionId: string) => page.locator(`#section-${sectionId}`).innerText();

  test('a case made in the UI, the sample story uploaded: quotes, entities, statements, claims; an item opens the article with its evidence, debris struck through', async () => {
    const shoot = screenshots('upload');
    const { context, page } = await newPage();
    try {
      await page.goto(`${workspace.url}/`);
      await shoot(page, 'cases');
      await createCaseInUi(page, 'Kessering water');
      await shoot(page, 'case-created');

      await page.getByLabel('Files').setInputFiles(SAMPLE_FILES);
      await page.getByRole('button', { name: 'Add articles' }).click();
      await waitForImport(page);
      await shoot(page, 'imported', page.getByRole('status').filter({ hasText: /done/i }));
      await shoot(page, 'quotes', page.locator('#section-quotes'));
      await shoot(page, 'claims', page.locator('#section-claims'));
      await shoot(page, 'statements', page.locator('#section-statements'));

      assert.match(await textOf(page, 'quotes'), /Jan Oller/);
      assert.match(await textOf(page, 'entities'), /Halvik Chemical Works/);
      assert.match(await textOf(page, 'statements'), /Tomas Brandvik/);
      const claims = await textOf(page, 'claims');
      assert.match(claims, /Coastline Radio/, 'the claim matrix has a column or row per outlet');
      assert.match(claims, /Kessering/);
      assert.match(claims, /corroborated|single-source|disputed|attributed|hedged/i, 'claims show their status');

      await clickItem(page, 'quotes', 'Jan Oller');
      const evidence = page.locator('#article-viewer mark').first();
      await evidence.waitFor();
      assert.notEqual((await evidence.innerText()).trim(), '', 'the highlighted evidence has text');
      await shoot(page, 'viewer', page.locator('#article-viewer'));

      // The blog post carries scraped debris (a breadcrumb, counters, adverts): kept, struck through.
      await clickItem(page, 'documents', 'Campaigners Say Kessering Leak Began Before Sunday');
      await page.locator('#article-viewer').filter({ hasText: 'Campaigners Say Kessering Leak Began Before Sunday' }).locator('del').first().waitFor();
      await shoot(page, 'viewer-debris', page.locator('#article-viewer'));
    } finally {
      await context.close();
    }
  });

  test('markup in article text renders as text: pasted and uploaded, nothing runs, no element is made from it', async () => {
    const shoot = screenshots('hostile');
    // The page's own Content-Security-Policy is bypassed so that escaping alone is tested.
    const { context, page } = await newPage({ bypassCSP: true });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.goto(`${workspace.url}/`);
      await createCaseInUi(page, 'Harbour vote');
      await page.getByLabel('Article text').fill(HOSTILE_TEXT);
      await page.getByRole('button', { name: 'Add articles' }).click();
      await waitForImport(page);
      await page.getByLabel('Files').setInputFiles({ name: 'ferry-talks.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) });
      await page.getByRole('button', { name: 'Add articles' }).click();
      await page.locator('#section-documents').filter({ hasText: 'Ferry talks' }).waitFor({ timeout: 60_000 });
      await shoot(page, 'imported', page.locator('#section-documents'));

      await clickItem(page, 'documents', 'Harbour vote');
      const viewer = page.locator('#article-viewer');
      await viewer.filter({ hasText: SCRIPT_TAG }).waitFor();
      assert.ok((await viewer.innerText()).includes(IMG_TAG), 'the img tag is shown as characters in the article');
      await shoot(page, 'viewer-pasted', viewer);
      await clickItem(page, 'documents', 'Ferry talks');
      await viewer.filter({ hasText: '<img src=x onerror="window.__pwned=4">' }).waitFor();
      await shoot(page, 'viewer-uploaded', viewer);

      const body = await page.locator('body').innerText();
      assert.ok(body.includes('<script>window.__pwned=3</script>'), 'the uploaded title keeps its markup as characters');
      const made = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        images: Array.from(document.querySelectorAll('img')).filter((img) => img.getAttribute('src') === 'x').length,
        handlers: document.querySelectorAll('[onerror]').length,
        scripts: Array.from(document.scripts).filter((script) => script.textContent?.includes('__pwned')).length,
      }));
      assert.deepEqual(made, { pwned: undefined, images: 0, handlers: 0, scripts: 0 });
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
    }
  });

  test('axe-core finds no serious or critical violation on the cases page, a case page and the article viewer', async (t) => {
    const shoot = screenshots('axe');
    // axe is injected as an inline script, which the page's policy would refuse.
    const { context, page } = await newPage({ bypassCSP: true });
    try {
      const found: string[] = [];
      const check = async (where: string) => {
        const violations = await axeViolations(page);
        const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        if (serious.length > 0) found.push(`${where}:\n${describeViolations(serious)}`);
        // The lesser ones do not fail the test but are worth a look.
        const lesser = violations.filter((violation) => !serious.includes(violation));
        if (lesser.length > 0) t.diagnostic(`${where}: ${describeViolations(lesser)}`);
        await shoot(page, where, where === 'viewer' ? page.locator('#article-viewer') : undefined);
      };
      await page.goto(`${workspace.url}/`);
      await page.getByLabel('Case name').waitFor();
      await check('cases');
      await openCase(page, SEEDED);
      await check('case');
      await clickItem(page, 'quotes', 'Jan Oller');
      await page.locator('#article-viewer mark').first().waitFor();
      await check('viewer');
      assert.deepEqual(found, [], found.join('\n\n'));
    } finally {
      await context.close();
    }
  });

  test('an empty case: every view is there and says it has nothing', async () => {
    const shoot = screenshots('empty');
    const { context, page } = await newPage();
    try {
      await openCase(page, 'Nothing yet');
      await shoot(page, 'case');
      await shoot(page, 'documents', page.locator('#section-documents'));
      const silent: string[] = [];
      for (const id of SECTION_IDS) {
        const section = page.locator(`#section-${id}`);
        if (!(await section.isVisible())) {
          silent.push(`${id}: not shown`);
          continue;
        }
        // Every empty text in the UI starts "No …"; a section that only shows its heading fails.
        const heading = await section.getByRole('heading').first().innerText();
        const said = (await section.innerText()).replace(heading, '').trim();
        if (!/^No\b/.test(said)) silent.push(`${id}: ${JSON.stringify(said)}`);
      }
      assert.deepEqual(silent, []);
    } finally {
      await context.close();
    }
  });

  test('works without a network: every request the page makes goes to the server', async () => {
    const shoot = screenshots('offline');
    const { context, page } = await newPage();
    const refused = await keepToOrigin(context, workspace.url);
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`));
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${workspace.url}/`, { waitUntil: 'networkidle' });
      await page.getByLabel('Case name').waitFor();
      await openCase(page, SEEDED);
      for (const id of SECTION_IDS) await page.locator(`#section-${id}`).waitFor();
      await page.waitForLoadState('networkidle');
      await shoot(page, 'case');
      assert.deepEqual(refused, [], 'requests to other origins');
      assert.deepEqual(failed, [], 'requests that failed');
      assert.deepEqual(errors, [], 'errors in the page');
    } finally {
      await context.close();
    }
  });
});

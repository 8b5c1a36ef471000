import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, renderReport } from '../src/index.js';

const HOSTILE = [
  'Harbour fire contained',
  '',
  'Officials said <script>alert("x")</script> the blaze at <img src=x onerror="alert(1)"> pier 4 was out by noon.',
  '',
  'Leave a Reply',
].join('\n');

test('report: hostile article text renders as text, never as markup', async () => {
  const analysis = await analyze([{ content: HOSTILE, source: 'hostile.txt', format: 'txt' }]);
  const html = renderReport(analysis, 'html');
  assert.ok(!html.includes('<script>alert'), 'no live script tag');
  assert.ok(!/<img[^>]*onerror/i.test(html), 'no live img tag');
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'));
});

test('report: the page is self-contained (no external assets, no scripts)', async () => {
  const analysis = await analyze([{ content: HOSTILE, source: 'hostile.txt', format: 'txt' }]);
  const html = renderReport(analysis, 'html');
  assert.doesNotMatch(html, /<(script|link|iframe)\b/i);
  assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//i);
});

test('report: removed spans are struck through with their reason', async () => {
  const analysis = await analyze([{ content: HOSTILE, source: 'hostile.txt', format: 'txt' }]);
  const html = renderReport(analysis, 'html');
  const removed = analysis.documents[0]!.removed;
  for (const span of removed) assert.ok(html.includes(`removed: ${span.reason}`), span.reason);
  if (removed.length) assert.match(html, /<del class="removed/);
});

test('report: markdown and json render the same analysis', async () => {
  const analysis = await analyze([{ content: HOSTILE, source: 'hostile.txt', format: 'txt' }]);
  assert.match(renderReport(analysis, 'md'), /^# crosscheck report/);
  assert.deepEqual(JSON.parse(renderReport(analysis, 'json')), JSON.parse(JSON.stringify(analysis)));
});

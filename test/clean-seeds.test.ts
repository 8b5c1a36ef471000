/**
 * The five seed articles are the hard cases for cleaning. Their text must never enter the
 * repository, so this test reads them from ../shared/seeds at run time (and is skipped when the
 * folder is absent) and states what it expects as line numbers and reasons only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../src/stages/01-clean/index.js';
import { segmentText } from '../src/stages/02-segment/index.js';
import { assertCleanInvariants, assertSegmentInvariants } from './segment-invariants.js';

const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const present = existsSync(SEEDS);

/**
 * Per seed (by file-name prefix): the 1-based title line, each removed line with its reason, and
 * the outlet where the text names it. 002 to 004 name only outlets they cite (Newsweek, TASS, The
 * Telegraph), never their own, so they have none.
 */
const EXPECTED: Record<string, { title: number | null; outlet?: string; removed: Record<number, string> }> = {
  '000': { title: 1, outlet: 'Express.co.uk', removed: { 40: 'duplicate', 42: 'duplicate', 44: 'near-duplicate', 46: 'duplicate', 48: 'comments', 50: 'comments' } },
  '001': { title: 4, outlet: 'IFBG', removed: { 1: 'subscribe', 2: 'widget', 13: 'subscribe', 15: 'subscribe', 17: 'link-list', 18: 'link-list' } },
  '002': { title: 1, removed: { 3: 'counter', 4: 'counter', 5: 'repeated-title', 11: 'link-list' } },
  '003': { title: 4, removed: { 1: 'breadcrumb', 2: 'navigation', 34: 'source-tail' } },
  '004': { title: null, removed: { 6: 'link-list', 11: 'link-list', 12: 'link-list', 13: 'link-list', 14: 'link-list', 18: 'advert', 19: 'advert', 20: 'advert', 29: 'source-tail' } },
};

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (text[index] === '\n') line += 1;
  return line;
}

const files = present ? readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort() : [];

for (const file of files) {
  const expected = EXPECTED[file.slice(0, 3)];
  test(`seed ${file.slice(0, 3)}: debris and repeats removed, every story line kept`, { skip: !expected && 'no expectation for this seed' }, (t) => {
    const text = readFileSync(SEEDS + file, 'utf8');
    const { result } = cleanText(text);
    const removed: Record<number, string> = {};
    for (const span of result.removed) removed[lineNumberAt(text, span.start)] = span.reason;
    assert.deepEqual(removed, expected!.removed);
    assert.equal(result.title ? lineNumberAt(text, result.title.start) : null, expected!.title);
    assert.equal(result.outlet?.name ?? null, expected!.outlet ?? null);
    assertCleanInvariants(text, result.removed, result.title);

    // Every non-blank line not expected as debris is kept whole, so no story sentence is lost.
    const segmented = segmentText(text, result.removed);
    assertSegmentInvariants(text, result.removed, segmented);
    let offset = 0;
    for (const [index, line] of text.split('\n').entries()) {
      const number = index + 1;
      if (line.trim() && !expected!.removed[number]) {
        const start = offset + line.indexOf(line.trim());
        assert.ok(segmented.paragraphs.some((p) => p.start === start && p.end === start + line.trim().length), `line ${number} is kept as a paragraph`);
      }
      offset += line.length + 1;
    }

    const byReason = new Map<string, number>();
    for (const span of result.removed) byReason.set(span.reason, (byReason.get(span.reason) ?? 0) + 1);
    t.diagnostic(`removed ${result.removed.length} line(s): ${[...byReason].map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none'}; title ${result.title ? `line ${lineNumberAt(text, result.title.start)}` : 'none'}; ${segmented.sentences.length} sentences kept`);
  });
}

test('seed folder', { skip: present ? false : `${SEEDS} is absent` }, () => {
  assert.ok(files.length > 0);
});

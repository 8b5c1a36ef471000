/**
 * Our scoring on top of Readability's choice. Readability is good at finding the region that
 * holds the article and poor at its edges: it keeps captions, bylines, share bars, sign-in
 * prompts, tag lists and in-body teasers, and it drops in-article lists and tables. Here each
 * block of the page is kept or dropped in one pass, with Readability's region as the prior.
 */
import type { Block } from './blocks.js';
import { debrisKindOfText, isCreditLabel, type DebrisKind } from './debris.js';

export interface Selection {
  blocks: Block[];
  /** Blocks left out and why, for diagnostics. */
  dropped: { block: Block; reason: string }[];
}

/** A hinted region larger than this share of the candidate text is the article itself, not debris. */
const MAX_DEBRIS_REGION_SHARE = 0.35;

/** Debris kinds that are dropped even when the block is long (a caption can be long). */
const ALWAYS_DEBRIS: ReadonlySet<DebrisKind> = new Set(['caption', 'navigation', 'comments', 'advert']);

function linkDensity(block: Block): number {
  return block.text.length === 0 ? 0 : block.linkChars / block.text.length;
}

function normalisedForComparison(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface SelectionInput {
  blocks: Block[];
  /** Indexes of the blocks Readability kept; empty when Readability found nothing. */
  keptIndexes: ReadonlySet<number>;
  title: string | null;
}

export function selectBlocks({ blocks, keptIndexes, title }: SelectionInput): Selection {
  const dropped: { block: Block; reason: string }[] = [];
  let block: Block;
  const drop = (reason: string): void => {
    dropped.push({ block, reason });
  };

  // Without Readability's region (it found nothing, or the page was too big for it), the prior is
  // every block outside page furniture that is not mostly links; the debris rules still apply.
  const isKept =
    keptIndexes.size > 0 ? (block: Block): boolean => keptIndexes.has(block.index) : (block: Block): boolean => !block.inFurniture && linkDensity(block) < 0.5;
  const kept = blocks.filter(isKept);
  if (kept.length === 0) return { blocks: [], dropped };
  const first = kept[0]!.index;
  const last = kept[kept.length - 1]!.index;

  // Candidates: what Readability kept, plus the lists, tables and quotes it dropped inside its region.
  const groupLinkShare = new Map<number, { chars: number; linkChars: number }>();
  for (let i = first; i <= last; i++) {
    const block = blocks[i]!;
    if (block.groupId === null) continue;
    const share = groupLinkShare.get(block.groupId) ?? { chars: 0, linkChars: 0 };
    share.chars += block.text.length;
    share.linkChars += block.linkChars;
    groupLinkShare.set(block.groupId, share);
  }
  const candidates: Block[] = [];
  for (let i = first; i <= last; i++) {
    const block = blocks[i]!;
    if (isKept(block)) {
      candidates.push(block);
      continue;
    }
    const restorable = block.groupId !== null || block.inQuote;
    if (!restorable || block.inFurniture || block.hint !== null) continue;
    const share = block.groupId === null ? null : groupLinkShare.get(block.groupId);
    if (share && share.linkChars / Math.max(1, share.chars) > 0.4) continue;
    candidates.push(block);
  }

  const totalChars = candidates.reduce((sum, block) => sum + block.text.length, 0);
  const regionChars = new Map<number, number>();
  for (const block of candidates) {
    if (block.hint) regionChars.set(block.hint.regionId, (regionChars.get(block.hint.regionId) ?? 0) + block.text.length);
  }

  const normalisedTitle = title === null ? null : normalisedForComparison(title);
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();
  for (const candidate of candidates) {
    const comparable = normalisedForComparison(candidate.text);
    occurrences.set(comparable, (occurrences.get(comparable) ?? 0) + 1);
  }
  const selected: Block[] = [];
  // After a "Related" or "Don't miss" line, the linked teasers that follow go with it.
  let inTeaserRun = false;
  let teaserGroupId: number | null = null;
  let afterCreditLabel = false;
  let bodyStarted = false;
  for (const candidate of candidates) {
    block = candidate;
    const hint = block.hint;
    if (inTeaserRun) {
      // The list right after the label goes whole; loose paragraphs go while they are links.
      if (teaserGroupId === null && block.groupId !== null && block.kind === 'item') teaserGroupId = block.groupId;
      if ((teaserGroupId !== null && block.groupId === teaserGroupId) || (linkDensity(block) > 0.5 && block.text.length < 300)) {
        drop('teaser');
        continue;
      }
      inTeaserRun = false;
    }
    if (hint !== null) {
      const share = (regionChars.get(hint.regionId) ?? 0) / Math.max(1, totalChars);
      // Headline furniture (dek, kicker, summary) sits above the body; below it the same markup names subheadings.
      const misplaced = hint.kind === 'headline' && bodyStarted;
      if (!misplaced && share <= MAX_DEBRIS_REGION_SHARE && (ALWAYS_DEBRIS.has(hint.kind) || block.text.length < 300)) {
        drop(`markup:${hint.kind}`);
        continue;
      }
    }
    if (afterCreditLabel) {
      afterCreditLabel = false;
      if (block.text.length < 100) {
        drop('text:credit');
        continue;
      }
    }
    const kind = debrisKindOfText(block.text);
    if (kind !== null) {
      drop(`text:${kind}`);
      if (kind === 'related') {
        inTeaserRun = true;
        teaserGroupId = null;
      }
      if (isCreditLabel(block.text)) afterCreditLabel = true;
      continue;
    }
    if (block.text.includes('\n')) {
      // Lines joined by <br>: a caption or credit can share a block with the text it labels.
      const lines = block.text.split('\n');
      const keptLines = lines.filter((line) => debrisKindOfText(line) === null);
      if (keptLines.length === 0) {
        drop('text:lines');
        continue;
      }
      if (keptLines.length < lines.length) block = { ...block, text: keptLines.join('\n') };
    }
    if (block.kind === 'caption') {
      drop('caption');
      continue;
    }
    const comparable = normalisedForComparison(block.text);
    if (!bodyStarted && normalisedTitle !== null && (comparable === normalisedTitle || (block.kind === 'heading' && normalisedTitle.startsWith(comparable) && comparable.length > 20))) {
      drop('headline');
      continue;
    }
    // A paragraph printed twice is a pull quote or a responsive copy; one printed many times is structure (a recipe card, an interview's repeated question).
    if (comparable.length >= 40 && seen.has(comparable) && occurrences.get(comparable) === 2) {
      drop('duplicate');
      continue;
    }
    if (comparable.length === 0) {
      drop('no-words');
      continue;
    }
    if (linkDensity(block) > 0.8 && block.kind !== 'item' && block.text.length < 200) {
      drop('links');
      continue;
    }
    seen.add(comparable);
    selected.push(block);
    if (block.kind === 'paragraph' && block.text.length >= 150) bodyStarted = true;
  }
  return { blocks: selected, dropped };
}

/** Joins blocks: a blank line between blocks, one newline between lines of the same list or table. */
export function joinBlocks(blocks: readonly Block[]): string {
  let text = '';
  let previous: Block | null = null;
  for (const block of blocks) {
    if (previous !== null) {
      const sameGroup = block.groupId !== null && block.groupId === previous.groupId && (block.kind === 'item' || block.kind === 'row' || block.kind === 'term');
      text += sameGroup ? '\n' : '\n\n';
    }
    text += block.text;
    previous = block;
  }
  return text;
}

/**
 * Tells article pages from index pages, galleries and other link hubs. Readability returns
 * something for almost any page; on a section front that something is a soup of teasers, which
 * would flow into the cross-check as if it were reporting. Better to say the page is not an
 * article and return no text.
 */
import type { Block } from './blocks.js';

export interface PageVerdict {
  notArticle: boolean;
  reason: string;
}

const LISTING_TYPES = /^(?:collectionpage|itemlist|imagegallery|searchresultspage|sitenavigationelement|profilepage|mediagallery|videogallery)$/;
const ARTICLE_TYPES = /article|posting|report|blog|liveblog/;

/** Sentences have verbs and end in punctuation; teasers are short headline fragments. */
function proseLike(block: Block): boolean {
  return block.text.length >= 80 && /[.!?…"”»)]\s*$/.test(block.text) && block.linkChars / block.text.length < 0.3;
}

export function judgePage(input: { blocks: readonly Block[]; selected: readonly Block[]; pageTypes: readonly string[] }): PageVerdict {
  const { blocks, selected, pageTypes } = input;
  const selectedChars = selected.reduce((sum, block) => sum + block.text.length, 0);
  const proseChars = selected.filter(proseLike).reduce((sum, block) => sum + block.text.length, 0);
  const selectedLinkChars = selected.reduce((sum, block) => sum + block.linkChars, 0);
  const declaresArticle = pageTypes.some((type) => ARTICLE_TYPES.test(type));
  const declaresListing = pageTypes.some((type) => LISTING_TYPES.test(type));

  if (selectedChars === 0) {
    const pageChars = blocks.reduce((sum, block) => sum + block.text.length, 0);
    const pageLinkChars = blocks.reduce((sum, block) => sum + block.linkChars, 0);
    if (pageChars > 500 && pageLinkChars / pageChars > 0.5) {
      return { notArticle: true, reason: 'the page is mostly links and holds no article text (an index or section page?).' };
    }
    return { notArticle: false, reason: '' };
  }
  if (declaresArticle) return { notArticle: false, reason: '' };
  if (selectedLinkChars / selectedChars > 0.5 && proseChars < 400) {
    return { notArticle: true, reason: 'the text found is mostly links to other pages (an index or section page?).' };
  }
  if (declaresListing && proseChars < 400) {
    return { notArticle: true, reason: 'the page declares itself a listing or gallery and holds little running text.' };
  }
  const teaserCount = selected.filter((block) => block.text.length < 120 && block.linkChars / block.text.length > 0.5).length;
  if (teaserCount >= 8 && proseChars < 300) {
    return { notArticle: true, reason: 'the text found is a run of short linked teasers (an index or gallery page?).' };
  }
  return { notArticle: false, reason: '' };
}

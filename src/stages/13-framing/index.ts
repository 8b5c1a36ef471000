/**
 * Stage 13, framing: loaded terms with their target and voice, the labels each outlet gives an
 * actor, and per-outlet figures (attribution, hedging, opinion, who is quoted, tone). Logic in
 * src/framing; the lexicon is models/framing/lexicon.json, extended or overridden by `lexicon`.
 */
import { z } from 'zod';
import type { Framing } from '../../contract.js';
import { frameCorpus } from '../../framing/frame.js';
import { Lexicon, LexiconEntrySchema, mergeLexicon, shippedLexicon } from '../../framing/lexicon.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    framing: Framing;
  }
}

export const framingOptions = z
  .object({
    /**
     * Lexicon entries added to ours; an entry whose term is one of ours replaces it. Default: none.
     * @example { lexicon: [{ term: 'occupiers', loaded: true, category: 'delegitimising' }] }
     */
    lexicon: z.array(LexiconEntrySchema).default([]),
  })
  .strict();

export const framingStage = defineCorpusStage({
  name: 'framing',
  summary: 'loaded terms with target and voice, actor labels and figures per outlet',
  options: framingOptions,
  run(docs, options, earlier) {
    const lexicon = new Lexicon(mergeLexicon(shippedLexicon(), options.lexicon));
    const result = frameCorpus(
      {
        docs,
        quotes: earlier.statements?.quotes ?? [],
        entities: earlier.identity?.entities ?? [],
        claims: earlier.claims?.claims ?? [],
        stories: earlier.stories?.stories ?? [],
      },
      lexicon,
    );
    return { result };
  },
});

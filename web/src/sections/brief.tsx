/** The brief per story: each sentence with its numbered citations, each a button to its words. */
import { useMemo, useState } from 'preact/hooks';
import type { BriefSentence } from '../../../src/contract.ts';
import { numberedBrief, SECTION_TITLES } from '../../../src/report/crosscheck.ts';
import { truncate } from '../../../src/report/present.ts';
import { EvidenceButton, lookupsOf } from '../components/evidence.tsx';
import { usePage } from '../components/pager.tsx';
import { StorySelect } from '../components/story-select.tsx';
import type { SectionProps } from './types.ts';

/** Stories per page: a case of hundreds of articles has dozens, each with its own brief. */
const PAGE_SIZE = 5;

export function BriefView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const [story, setStory] = useState('');
  const briefs = useMemo(() => numberedBrief(analysis), [analysis]);
  const shown = useMemo(() => (story === '' ? briefs : briefs.filter((brief) => brief.story === story)), [briefs, story]);
  const { rows, controls } = usePage(shown, PAGE_SIZE, 'the brief');
  return (
    <div>
      {briefs.length > 1 && (
        <div class="filters" role="group" aria-label="Filter the brief">
          <StorySelect stories={analysis.stories} value={story} onChange={setStory} />
        </div>
      )}
      {rows.map((brief) => (
        <div class="brief-story" key={brief.story ?? ''}>
          <h3>{brief.label}</h3>
          {(Object.keys(SECTION_TITLES) as BriefSentence['section'][]).map((section) => {
            const items = brief.sentences.filter(({ sentence }) => sentence.section === section);
            if (items.length === 0) return null;
            return (
              <div key={section}>
                <h4>{SECTION_TITLES[section]}</h4>
                <ul class="brief">
                  {items.map(({ sentence, refs }, index) => (
                    <li key={index}>
                      {sentence.text}{' '}
                      <span class="citations">
                        {refs.map((number) => {
                          const span = brief.references[number - 1]!;
                          return (
                            <EvidenceButton key={number} spans={[span]} openEvidence={openEvidence} class="citation" label={`Source ${number}: ${lookups.outlet(span.doc)}, “${truncate(lookups.text(span), 80)}”`}>
                              [{number}]
                            </EvidenceButton>
                          );
                        })}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <details>
            <summary>{brief.references.length} reference(s)</summary>
            <ol class="references">
              {brief.references.map((span, index) => (
                <li key={index} value={index + 1}>
                  <EvidenceButton spans={[span]} openEvidence={openEvidence}>
                    {lookups.outlet(span.doc)}
                  </EvidenceButton>
                  : “{truncate(lookups.text(span), 160)}”
                </li>
              ))}
            </ol>
          </details>
        </div>
      ))}
      {controls}
    </div>
  );
}

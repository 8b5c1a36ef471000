/**
 * Picks one event story of the case, or all of them. A case of hundreds of articles holds dozens
 * of stories; views that would otherwise draw a table per story offer this instead.
 */
import type { Story } from '../../../src/contract.ts';
import { truncate } from '../../../src/report/present.ts';

export interface StorySelectProps {
  stories: readonly Story[];
  /** A story id, or '' for every story. */
  value: string;
  onChange: (story: string) => void;
}

/** Nothing when the case has one story or none: there is nothing to pick. */
export function StorySelect({ stories, value, onChange }: StorySelectProps) {
  if (stories.length < 2) return null;
  return (
    <label>
      Story{' '}
      <select value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">all {stories.length} stories</option>
        {stories.map((story) => (
          <option key={story.id} value={story.id}>
            {truncate(story.label, 60)} ({story.documents.length})
          </option>
        ))}
      </select>
    </label>
  );
}

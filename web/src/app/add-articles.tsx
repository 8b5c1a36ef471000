/**
 * The "Add articles" panel: pasted text (with an optional title and outlet), files, and URLs,
 * sent as import jobs (`POST /api/cases/{id}/imports`) and followed until they end, with the
 * phase shown as it goes (uploading, fetching, reading, stage k of n) and, at the end, what was
 * added or skipped and the problems found, per input. Files go as one multipart upload; text
 * and URLs as one JSON request after it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type DocumentInput, type ImportJob } from '../api.ts';
import type { ContractMessage } from '../../../src/contract.ts';
import { errorText, plural } from './ui.tsx';

type Summary = NonNullable<ImportJob['result']>;

interface Progress {
  /** What the status line says. */
  text: string;
  /** Shown by the progress bar; null while the amount of work is not known. */
  value: number | null;
  max: number;
}

interface ProblemGroup {
  input: string;
  lines: string[];
}

interface Outcome {
  added: number;
  skipped: number;
  problems: ProblemGroup[];
  notes: number;
  failures: string[];
}

const POLL_FIRST_MS = 200;
const POLL_MAX_MS = 1_000;

export interface AddArticlesProps {
  caseId: string;
  /** Reloads the analysis; the status says "done" only once the page shows the new articles. */
  onImported: () => Promise<void>;
}

export function AddArticles({ caseId, onImported }: AddArticlesProps) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [outlet, setOutlet] = useState('');
  const [urls, setUrls] = useState('');
  const files = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const seconds = useElapsedSeconds(running);

  async function submit(event: Event) {
    event.preventDefault();
    const chosen = [...(files.current?.files ?? [])];
    const urlLines = urls.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const badUrls = urlLines.filter((line) => !/^https?:\/\/\S+$/i.test(line));
    if (chosen.length === 0 && text.trim() === '' && urlLines.length === 0) {
      setInvalid('Nothing to add yet: paste an article, choose files or enter URLs.');
      return;
    }
    if (badUrls.length > 0) {
      setInvalid(`A URL starts with http:// or https://; these do not: ${badUrls.join(', ')}.`);
      return;
    }
    setInvalid(null);
    setRunning(true);
    setOutcome(null);
    const records: DocumentInput[] = [
      ...(text.trim() !== '' ? [{ text, ...(title.trim() ? { title: title.trim() } : {}), ...(outlet.trim() ? { outlet: outlet.trim() } : {}) }] : []),
      ...urlLines.map((url) => ({ url })),
    ];
    const total: Outcome = { added: 0, skipped: 0, problems: [], notes: 0, failures: [] };
    const parts = (chosen.length > 0 ? 1 : 0) + (records.length > 0 ? 1 : 0);
    const prefix = (part: number) => (parts > 1 ? `Part ${part} of ${parts}: ` : '');
    let part = 0;
    if (chosen.length > 0) {
      part += 1;
      const label = prefix(part);
      setProgress({ text: `${label}uploading ${plural(chosen.length, 'file')}`, value: 0, max: 1 });
      await follow(
        () => api.uploadFiles(caseId, chosen, (sent, size) => setProgress({ text: `${label}uploading ${plural(chosen.length, 'file')}: ${Math.round((100 * sent) / size)}%`, value: sent, max: size })),
        label,
        total,
      );
    }
    if (records.length > 0) {
      part += 1;
      const label = prefix(part);
      setProgress({ text: `${label}sending ${plural(records.length, 'input')}`, value: null, max: 1 });
      await follow(() => api.startImport(caseId, records), label, total);
    }
    setProgress({ text: 'Loading the new analysis', value: null, max: 1 });
    await onImported();
    setRunning(false);
    setProgress(null);
    setOutcome(total);
    if (total.failures.length === 0) {
      setText('');
      setTitle('');
      setOutlet('');
      setUrls('');
      if (files.current) files.current.value = '';
    }
  }

  /** Starts one import and follows it to its end, adding what it did to `total`. */
  async function follow(start: () => Promise<ImportJob>, label: string, total: Outcome): Promise<void> {
    try {
      let job = await start();
      let wait = POLL_FIRST_MS;
      while (job.state === 'running') {
        setProgress(progressOf(job, label));
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = Math.min(POLL_MAX_MS, wait * 1.5);
        job = await api.importProgress(job.id);
      }
      if (job.state === 'failed') total.failures.push(`${label}${job.error?.message ?? 'the import failed'}${job.error ? ` [${job.error.code}]` : ''}`);
      else if (job.result) addUp(job.result, total);
    } catch (error) {
      total.failures.push(`${label}${errorText(error)}`);
    }
  }

  return (
    <section id="section-add-articles" class="panel add-articles" aria-labelledby="add-articles-title">
      <h2 id="add-articles-title">Add articles</h2>
      <form onSubmit={submit}>
        <div class="add-grid">
          <fieldset>
            <legend>Paste an article</legend>
            <div class="field">
              <label for="article-title">Title (optional)</label>
              <input id="article-title" type="text" value={title} maxLength={2000} onInput={(event) => setTitle(event.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="article-outlet">Outlet (optional)</label>
              <input id="article-outlet" type="text" value={outlet} maxLength={2000} onInput={(event) => setOutlet(event.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="article-text">Article text</label>
              <textarea id="article-text" rows={6} value={text} onInput={(event) => setText(event.currentTarget.value)} />
            </div>
          </fieldset>
          <fieldset>
            <legend>Or from files and the web</legend>
            <div class="field">
              <label for="article-files">Files</label>
              <input id="article-files" ref={files} type="file" multiple accept=".txt,.md,.html,.htm,.json,.jsonl,text/plain,text/html,text/markdown,application/json" aria-describedby="files-hint" />
              <p id="files-hint" class="hint">
                Text, Markdown, HTML, JSON or JSON Lines; several at once.
              </p>
            </div>
            <div class="field">
              <label for="article-urls">URLs, one per line</label>
              <textarea id="article-urls" rows={3} value={urls} onInput={(event) => setUrls(event.currentTarget.value)} aria-describedby="urls-hint" />
              <p id="urls-hint" class="hint">
                Articles or feeds (RSS, Atom, JSON Feed); the server fetches them.
              </p>
            </div>
          </fieldset>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={running}>
            Add articles
          </button>
          {/* Without a value a progress bar is indeterminate; Preact would set an absent value to 0. */}
          {progress && (progress.value === null ? <progress key="indeterminate" aria-label="Import progress" /> : <progress key="determinate" value={progress.value} max={progress.max} aria-label="Import progress" />)}
          {/* Outside the status line, which a screen reader would otherwise read out every second. */}
          {running && seconds > 0 && <span class="hint">{seconds} s</span>}
        </div>
        {invalid && (
          <p class="error" role="alert">
            {invalid}
          </p>
        )}
        <p role="status" class="import-status">
          {progress ? progress.text : outcome ? outcomeText(outcome) : ''}
        </p>
        {outcome && <OutcomeDetails outcome={outcome} />}
      </form>
    </section>
  );
}

/**
 * Seconds since `running` became true. The server answers no poll while it runs a stage that
 * holds it, so the clock shows that the import is alive between two reports.
 */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

function progressOf(job: ImportJob, label: string): Progress {
  const read = job.documents !== undefined ? `, ${plural(job.documents, 'article')}` : '';
  switch (job.phase) {
    case 'fetching':
      return { text: `${label}fetching ${plural(job.urls ?? 0, 'URL')}`, value: null, max: 1 };
    case 'reading':
      return { text: job.documents !== undefined ? `${label}read ${plural(job.documents, 'document')}` : `${label}reading the articles`, value: null, max: 1 };
    case 'stage': {
      const within = job.stageDocuments;
      const through = within && within.total > 0 ? ` (${within.done.toLocaleString()} of ${plural(within.total, 'document')})` : read;
      const fraction = within && within.total > 0 ? within.done / within.total : 0;
      return { text: `${label}stage ${(job.index ?? 0) + 1} of ${job.total ?? '?'}: ${job.stage ?? ''}${through}`, value: (job.index ?? 0) + fraction, max: job.total ?? 1 };
    }
    case 'waiting':
      return { text: `${label}waiting for another import into this case to finish`, value: null, max: 1 };
    default:
      return { text: `${label}starting the import`, value: null, max: 1 };
  }
}

function addUp(result: Summary, total: Outcome): void {
  total.added += result.added.length;
  total.skipped += result.skipped.length;
  const inputOf = new Map(result.added.map((doc) => [doc.id, doc.title ? `${doc.title} (${doc.source})` : doc.source]));
  const groups = new Map<string, string[]>();
  for (const message of result.messages) {
    if (message.severity === 'info') {
      total.notes += 1;
      continue;
    }
    const input = message.doc === null ? 'Inputs not added' : (inputOf.get(message.doc) ?? message.doc);
    groups.set(input, [...(groups.get(input) ?? []), lineOf(message)]);
  }
  for (const [input, lines] of groups) {
    const same = total.problems.find((group) => group.input === input);
    if (same) same.lines.push(...lines);
    else total.problems.push({ input, lines });
  }
}

function lineOf(message: ContractMessage): string {
  return `${message.severity}: ${message.text} [${message.rule}]`;
}

function outcomeText(outcome: Outcome): string {
  const problems = outcome.problems.reduce((sum, group) => sum + group.lines.length, 0);
  const counts = `${outcome.added} added, ${outcome.skipped} skipped (already in the case), ${plural(problems, 'problem')}`;
  if (outcome.failures.length > 0) return `Import failed: ${outcome.failures.join('; ')}. ${counts}.`;
  return `Done: ${counts}.`;
}

function OutcomeDetails({ outcome }: { outcome: Outcome }) {
  if (outcome.problems.length === 0 && outcome.notes === 0) return null;
  return (
    <div class="import-problems">
      {outcome.problems.length > 0 && <h3>Problems, per input</h3>}
      <ul>
        {outcome.problems.map((group, index) => (
          <li key={index}>
            <strong>{group.input}</strong>
            <ul>
              {group.lines.map((line, lineIndex) => (
                <li key={lineIndex}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {outcome.notes > 0 && <p class="hint">And {plural(outcome.notes, 'note')} (info), listed with each document.</p>}
    </div>
  );
}

/**
 * The cases page: every case with its documents and when it last changed; make one, open one,
 * delete one (after saying what goes with it).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type CaseInfo } from '../api.ts';
import { caseHref, navigate } from './route.ts';
import { ErrorNote, formatWhen, plural } from './ui.tsx';

export function CasesPage() {
  const [cases, setCases] = useState<CaseInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = () =>
    api.listCases().then(
      (list) => {
        setCases(list);
        setError(null);
      },
      setError,
    );
  useEffect(() => {
    void load();
  }, []);

  async function create(event: Event) {
    event.preventDefault();
    setCreating(true);
    setCreateError(null);
    try {
      const made = await api.createCase(name.trim());
      setName('');
      navigate(caseHref(made.id));
    } catch (failure) {
      setCreateError(failure);
    } finally {
      setCreating(false);
    }
  }

  async function remove(id: string) {
    try {
      await api.deleteCase(id);
      setConfirming(null);
      await load();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <div class="page">
      <h1>Cases</h1>
      <p class="lede">A case is a story you follow: its articles, kept with their cross-checked analysis. Add articles as they appear.</p>

      <form class="panel create-case" onSubmit={create} aria-labelledby="create-title">
        <h2 id="create-title">New case</h2>
        <div class="inline-field">
          <label for="case-name">Case name</label>
          <input id="case-name" type="text" value={name} maxLength={2000} required onInput={(event) => setName(event.currentTarget.value)} />
          <button type="submit" disabled={creating}>
            Create case
          </button>
        </div>
        {createError !== null && <ErrorNote error={createError} />}
      </form>

      <section aria-labelledby="cases-title">
        <h2 id="cases-title">Your cases</h2>
        {error !== null && <ErrorNote error={error} />}
        {cases === null && error === null && <p role="status">Loading the cases…</p>}
        {cases !== null && cases.length === 0 && <p class="empty">No cases yet: make one above.</p>}
        {cases !== null && cases.length > 0 && (
          <div class="table-scroll">
            <table class="cases">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" class="number">
                    Documents
                  </th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {cases.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <a href={caseHref(item.id)}>{item.name}</a>
                    </th>
                    <td class="number">{item.documents}</td>
                    <td>
                      <time dateTime={item.updated}>{formatWhen(item.updated)}</time>
                    </td>
                    <td class="actions">
                      {confirming === item.id ? (
                        <span class="confirm" role="group" aria-label={`Delete ${item.name}?`}>
                          <span>
                            Delete “{item.name}” and its {plural(item.documents, 'document')}?
                          </span>
                          <button type="button" class="danger" onClick={() => void remove(item.id)}>
                            Delete for good
                          </button>
                          <button type="button" onClick={() => setConfirming(null)}>
                            Keep it
                          </button>
                        </span>
                      ) : (
                        <button type="button" aria-label={`Delete ${item.name}`} onClick={() => setConfirming(item.id)}>
                          Delete
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/**
 * The shell of the web UI: the banner, the page the hash names (the cases, or one case), and the
 * access-token form that appears when the server asks for its token.
 */
import { useEffect, useState } from 'preact/hooks';
import { onUnauthorized, setToken } from '../api.ts';
import { CasePage } from './case-page.tsx';
import { CasesPage } from './cases-page.tsx';
import { useRoute } from './route.ts';

export function App() {
  const route = useRoute();
  const [needsToken, setNeedsToken] = useState(false);
  // Bumped when a token is given, so that the page asks again for what the server refused.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => onUnauthorized(() => setNeedsToken(true)), []);

  useEffect(() => {
    document.title = route.page === 'case' ? 'Case · crosscheck' : 'Cases · crosscheck';
  }, [route.page]);

  return (
    <>
      <a class="skip-link" href="#main" onClick={(event) => {
        // The hash is the router's: move focus without changing it.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <header class="banner">
        <a class="brand" href="#/">
          crosscheck
        </a>
        <nav aria-label="Site">
          <ul>
            <li>
              <a href="#/" aria-current={route.page === 'cases' ? 'page' : undefined}>
                Cases
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {needsToken && (
          <TokenForm
            onToken={(token) => {
              setToken(token);
              setNeedsToken(false);
              setAttempt((n) => n + 1);
            }}
          />
        )}
        {!needsToken && route.page === 'cases' && <CasesPage key={`cases-${attempt}`} />}
        {!needsToken && route.page === 'case' && <CasePage key={`case-${route.caseId}-${attempt}`} caseId={route.caseId} section={route.section} viewer={route.viewer} />}
        {route.page === 'missing' && (
          <section aria-labelledby="missing-title">
            <h1 id="missing-title">No such page</h1>
            <p>
              There is nothing at this address. <a href="#/">See the cases</a>.
            </p>
          </section>
        )}
      </main>
    </>
  );
}

function TokenForm({ onToken }: { onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      class="panel token-form page"
      aria-labelledby="token-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim() !== '') onToken(value.trim());
      }}
    >
      <h2 id="token-title">This server needs a token</h2>
      <p>It was started with a token (crosscheck serve --token, or CROSSCHECK_TOKEN). It is kept in this tab only.</p>
      <div class="field">
        <label for="access-token">Access token</label>
        <input id="access-token" type="password" autoComplete="current-password" autoFocus value={value} onInput={(event) => setValue(event.currentTarget.value)} required />
      </div>
      <button type="submit">Use token</button>
    </form>
  );
}

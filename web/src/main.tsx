/** The web UI's entry point: the shell (web/src/app) rendered into the page Vite builds from web/index.html. */
import { render } from 'preact';
import { App } from './app/app.tsx';
import './styles.css';

render(<App />, document.getElementById('app')!);

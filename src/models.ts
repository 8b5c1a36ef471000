/**
 * Shipped models live in the repository's `models/` folder and are read from the package's own
 * files, never downloaded. A model that cannot be loaded means a broken installation, not a bad
 * article, so it is a coded error that stops the run with a message saying how to mend it.
 */
import { CrosscheckError } from './errors.js';

/** Runs a model loader, turning a missing or unreadable model file into a coded error. */
export function loadShippedModel<Model>(name: string, load: () => Model): Model {
  try {
    return load();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CrosscheckError(
      missing ? 'MODEL_MISSING' : 'MODEL_CORRUPT',
      `The ${name} model under models/ ${missing ? 'is missing' : 'cannot be read'} (${(error as Error).message}). It ships with crosscheck: reinstall, or rebuild it with npm run train:${name}.`,
      { cause: error },
    );
  }
}

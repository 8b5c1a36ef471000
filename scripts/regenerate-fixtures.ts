/** `npm run fixtures`: rewrites every golden case's expected analysis. Review the diff before committing. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeCase, goldenCases, REPO } from '../test/golden/cases.js';

for (const golden of await goldenCases()) {
  const analysis = await analyzeCase(golden);
  await writeFile(join(REPO, golden.expected), `${JSON.stringify(analysis, null, 2)}\n`);
  console.log(`${golden.name}: ${analysis.documents.length} documents, ${analysis.quotes.length} quotes, ${analysis.entities.length} entities → ${golden.expected}`);
}

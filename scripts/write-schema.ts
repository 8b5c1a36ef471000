/** Writes schema/analysis.schema.json from the zod contract; a test checks it stays in step. */
import { writeFile } from 'node:fs/promises';
import { analysisJsonSchema } from '../src/contract.js';

const target = new URL('../schema/analysis.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(analysisJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);

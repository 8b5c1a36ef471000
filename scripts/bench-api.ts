/**
 * The API's latency for `GET /api/cases/<id>/analysis` on the 500-article benchmark case
 * (scripts/make-bench-case.ts), under autocannon on loopback. The server runs as `crosscheck
 * serve` in a child process, so that the load generator does not share its event loop.
 * Percentiles are computed from every response's own time (autocannon's summary has no p95).
 *
 *   node --import tsx scripts/bench-api.ts [--articles 500] [--seconds 10] [--connections 1,10]
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_DATA, benchCase, serveInChild } from './make-bench-case.js';

const { values: flags } = parseArgs({
  options: {
    articles: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,10' },
  },
});

/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

const made = await benchCase(Number(flags.articles));
const caseId = made.case.id;
await made.store.close();
const { url, child } = await serveInChild(BENCH_DATA);
try {
  const target = `${url}/api/cases/${caseId}/analysis`;
  let started = performance.now();
  const first = await fetch(target);
  const body = await first.arrayBuffer();
  const coldMs = performance.now() - started;
  if (first.status !== 200) throw new Error(`GET ${target} answered ${first.status}`);
  started = performance.now();
  await (await fetch(target)).arrayBuffer();
  const warmMs = performance.now() - started;
  console.log(`GET /api/cases/<id>/analysis on ${made.case.documents} articles; body ${(body.byteLength / 1e6).toFixed(2)} MB; first request ${Math.round(coldMs)} ms (analysis read from the store), second ${Math.round(warmMs)} ms; node ${process.version}\n`);
  console.log('| connections | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | MB/s | errors (timeouts) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const connections of flags.connections.split(',').map(Number)) {
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon({ url: target, connections, duration: Number(flags.seconds), timeout: 30 }, (error, done) => (error ? reject(error) : resolve(done)));
      run.on('response', (_client, status, _bytes, responseMs) => {
        if (status === 200) latencies.push(responseMs);
      });
    });
    if (result.non2xx > 0) throw new Error(`${result.non2xx} answers other than 2xx`);
    latencies.sort((a, b) => a - b);
    const seconds = result.duration;
    const row = [connections, latencies.length, (latencies.length / seconds).toFixed(1), percentile(latencies, 0.5).toFixed(1), percentile(latencies, 0.95).toFixed(1), percentile(latencies, 0.99).toFixed(1), latencies.at(-1)!.toFixed(1), (result.throughput.total / seconds / 1e6).toFixed(1), `${result.errors} (${result.timeouts})`];
    console.log(`| ${row.join(' | ')} |`);
  }
} finally {
  child.kill();
  await once(child, 'exit');
}

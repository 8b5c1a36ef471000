/**
 * The API's latency for `GET /api/cases/<id>/analysis` on the 500-article benchmark case
 * (scripts/make-bench-case.ts), under autocannon on loopback. The server runs as `crosscheck
 * serve` in a child process, so that the load generator does not share its event loop.
 * Percentiles are computed from every response's own time (autocannon's summary has no p95).
 * Each request kind is a row per connection count: `plain` (no Accept-Encoding, the full 10 MB),
 * `br` and `gzip` (a client that accepts that coding), `revalidate` (a client that has this
 * revision and sends its ETag in If-None-Match: 304, no body).
 *
 *   node --import tsx scripts/bench-api.ts [--articles 500] [--seconds 10] [--connections 1,10] [--requests plain,br,gzip,revalidate]
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
    requests: { type: 'string', default: 'plain,br,gzip,revalidate' },
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
  const etag = first.headers.get('ETag');
  const kinds: Record<string, { headers: Record<string, string>; status: number }> = {
    plain: { headers: {}, status: 200 },
    br: { headers: { 'Accept-Encoding': 'br' }, status: 200 },
    gzip: { headers: { 'Accept-Encoding': 'gzip' }, status: 200 },
    revalidate: { headers: etag ? { 'If-None-Match': etag } : {}, status: 304 },
  };
  console.log('| request | connections | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | MB/s | errors (timeouts) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const kind of flags.requests.split(',')) {
    const { headers, status: expected } = kinds[kind] ?? { headers: {}, status: 0 };
    if (expected === 0) throw new Error(`unknown request kind ${kind}; known: ${Object.keys(kinds).join(', ')}`);
    for (const connections of flags.connections.split(',').map(Number)) {
      const latencies: number[] = [];
      let unexpected = 0;
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const run = autocannon({ url: target, connections, duration: Number(flags.seconds), timeout: 30, headers }, (error, done) => (error ? reject(error) : resolve(done)));
        run.on('response', (_client, status, _bytes, responseMs) => {
          if (status === expected) latencies.push(responseMs);
          else unexpected++;
        });
      });
      if (unexpected > 0) throw new Error(`${unexpected} ${kind} answers other than ${expected}`);
      latencies.sort((a, b) => a - b);
      const seconds = result.duration;
      const row = [kind, connections, latencies.length, (latencies.length / seconds).toFixed(1), percentile(latencies, 0.5).toFixed(1), percentile(latencies, 0.95).toFixed(1), percentile(latencies, 0.99).toFixed(1), latencies.at(-1)!.toFixed(1), (result.throughput.total / seconds / 1e6).toFixed(1), `${result.errors} (${result.timeouts})`];
      console.log(`| ${row.join(' | ')} |`);
    }
  }
} finally {
  child.kill();
  await once(child, 'exit');
}

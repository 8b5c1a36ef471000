/**
 * The HTTP server: `createApp` builds the API over a store (see app.ts); `listen` binds it with
 * Node's HTTP server. `crosscheck serve` (src/cli/serve.ts) is the command around them.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { classifyAddress } from '../fetch/address.js';
import { createApp, type AppOptions } from './app.js';

export { createApp, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DOCUMENTS } from './app.js';
export type { ApiErrorCode, AppOptions } from './app.js';
export { openApiDocument } from './openapi.js';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 (in any form) and "localhost". */
export function isLoopback(host: string): boolean {
  return host.toLowerCase() === 'localhost' || classifyAddress(host) === 'loopback';
}

export interface Listening {
  /** Where the API answers, e.g. "http://127.0.0.1:7373". */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the API on `host:port` (port 0 picks a free one).
 *
 * @example
 * const server = await listen({ store, host: '127.0.0.1', port: 7373 });
 */
export function listen(options: AppOptions & { host: string; port: number }): Promise<Listening> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}

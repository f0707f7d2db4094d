/** Puts the app on a TCP port (@hono/node-server) and takes it down cleanly. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type CreateAppOptions } from './app.js';
import { allowedHostsFor } from './security.js';

export interface StartServerOptions extends CreateAppOptions {
  /** Interface to bind (127.0.0.1: this machine only). */
  host: string;
  /** TCP port; 0 picks a free one (see the returned url). */
  port: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:54321/` (IPv6 hosts in brackets). */
  url: string;
  port: number;
  /**
   * Stops accepting connections, lets the requests in progress finish (at most `graceMs`, default 5 s; then the
   * connections are cut), waits for a running ingest. Does not close the store (its owner does).
   */
  close(graceMs?: number): Promise<void>;
}

/** Starts listening; rejects (e.g. EADDRINUSE, EACCES) when the port cannot be bound. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const app = createApp({ ...options, allowedHosts: options.allowedHosts === undefined ? allowedHostsFor(options.host) : options.allowedHosts });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }) as Server;
    const onError = (error: Error): void => reject(error);
    s.once('error', onError);
    s.once('listening', () => {
      s.off('error', onError);
      resolve(s);
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${address.port}/`,
    port: address.port,
    close(graceMs = 5000) {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }).then(() => app.ingestIdle());
      return closing;
    },
  };
}

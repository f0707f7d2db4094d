/**
 * `corroborate serve`: the web UI and the HTTP API over one store, until SIGINT or SIGTERM. Thin: opens the
 * store, starts the server (src/server), prints the address, and on a signal stops taking requests, lets the
 * ones in progress finish, and closes the store.
 */
import { defaultCacheDir } from '../pipeline.js';
import { openStore, shownLocation, StoreError, type Store } from '../store/index.js';
import { startServer, type RunningServer } from '../server/start.js';
import { resolveUiDir } from '../server/ui-dir.js';
import type { CliOptions } from './args.js';
import { EXIT } from './errors.js';

export async function runServe(options: CliOptions, generator: string): Promise<number> {
  let store: Store;
  try {
    store = openStore(options.db);
  } catch (error) {
    if (error instanceof StoreError) return fail(error.message, EXIT.store);
    throw error;
  }
  let server: RunningServer;
  try {
    server = await startServer({
      store,
      storeLocation: options.db,
      uiDir: resolveUiDir(),
      generator,
      encoder: options.encoder,
      cacheDir: options.cacheDir ?? defaultCacheDir(),
      host: options.host,
      port: options.port,
    });
  } catch (error) {
    store.close();
    if (error instanceof StoreError) return fail(error.message, EXIT.store);
    const code = errnoCode(error);
    if (code === 'EADDRINUSE') return fail(`port ${options.port} on ${options.host} is in use (choose another with --port, or --port 0 for any free one)`, EXIT.usage);
    if (code === 'EACCES') return fail(`not allowed to listen on port ${options.port} of ${options.host} (ports below 1024 need privileges)`, EXIT.usage);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return fail(`cannot listen on ${options.host}: not an address of this machine`, EXIT.usage);
    throw error;
  }
  if (!options.quiet && resolveUiDir() === null) process.stderr.write('corroborate: the web UI is not built (npm run build); serving the API only\n');
  process.stderr.write(`corroborate: serving ${shownLocation(options.db)} at ${server.url}\n`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (s: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(s);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (!options.quiet) process.stderr.write(`corroborate: ${signal}: stopping\n`);
  try {
    await server.close();
  } finally {
    store.close();
  }
  return EXIT.ok;
}

function fail(message: string, code: number): number {
  process.stderr.write(`corroborate: ${message}\n`);
  return code;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

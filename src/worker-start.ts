/**
 * Starting a worker thread on a module of src/: its compiled `.js` beside the caller; when running from the
 * TypeScript source (tests, `tsx`), the `.ts` source through tsx's loader, which a worker thread does not inherit
 * from its parent.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker running `./<name>.js` (or `./<name>.ts` under tsx) relative to `callerUrl` (the caller's import.meta.url). */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL(`./${name}.ts`, callerUrl).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

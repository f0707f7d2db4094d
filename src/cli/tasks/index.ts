import type { BatchTask } from '../batch.js';

export interface TaskOptions {
  /** Use the sentence encoder (off with --no-encoder). */
  encoder: boolean;
  cacheDir: string | null;
}

export type BatchTaskName = 'align' | 'check' | 'derive';

/** The line-by-line tasks, loaded on demand so that `compare` does not pay for their models. */
export async function loadTask(name: BatchTaskName, options: TaskOptions): Promise<BatchTask<{ id: string }, unknown>> {
  switch (name) {
    case 'align':
      return (await import('./align.js')).createAlignTask(options);
    case 'check':
      return (await import('./check.js')).createCheckTask(options);
    case 'derive':
      return (await import('./derive.js')).createDeriveTask(options);
  }
}

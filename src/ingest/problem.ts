import type { Article, InputProblem } from '../types.js';

/** An InputProblem value (never thrown). `message` is one line and does not repeat the input's name. */
export function problem(input: string, message: string, line?: number): InputProblem {
  return line === undefined ? { kind: 'problem', input, message } : { kind: 'problem', input, line, message };
}

export function isProblem(item: Article | InputProblem): item is InputProblem {
  return (item as InputProblem).kind === 'problem';
}

/** The one line a user sees: `input[:line]: message`. */
export function formatProblem(p: InputProblem): string {
  return `${p.input}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`;
}

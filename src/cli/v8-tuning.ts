/**
 * When V8 optimises the report code: a longer interrupt budget, set by the commands that compute reports (ingest
 * once its articles are placed, a queue worker, compare). V8 flags are per process: the report threads started
 * afterwards run under it too.
 *
 * V8 hands a function to its optimising compiler (TurboFan) once the function has run through an "interrupt
 * budget" of bytecode (default 67,584 bytes). The report code is large functions over objects of many shapes
 * (the quote and claim ledgers, entity candidates, quote finding): with the default budget they are optimised on
 * feedback that has not yet seen every shape, deoptimised ("wrong map") and optimised again, 8–16 times each, at
 * 200–450 ms of compiler time per round, and every report thread is its own isolate that pays it again, on the
 * same two cores as the work. With INTERRUPT_BUDGET (about 15× the default) each function collects fuller
 * feedback first and the optimising compiler's time halves (27 s to 14 s for one thread of the 6,000-article
 * store's reports). What that saves is a fixed cost per thread: it shows on a batch of a few thousand articles
 * and is lost in the noise of a 20,000-article one (docs/SCALE-OUT.md has the runs). Placement is left on the
 * default: its hot loops are few and small, and it was not faster with the longer budget.
 *
 * A budget the user gave node (`node --interrupt-budget=N bin/corroborate.js …`) is left as it is.
 */
import { setFlagsFromString } from 'node:v8';

export const INTERRUPT_BUDGET = 1_000_000;

/** The V8 flag to set, or null when node was started with an interrupt budget of its own (`execArgv`). */
export function interruptBudgetFlag(execArgv: readonly string[]): string | null {
  // V8 reads "_" and "-" in a flag's name alike, and takes its value after "=" or as the next argument.
  const own = execArgv.some((a) => /^--interrupt[-_]budget(?:=|$)/.test(a));
  return own ? null : `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** Sets the budget before the report code runs and before its threads start (setting it again changes nothing). */
export function tuneV8ForReports(): void {
  const flag = interruptBudgetFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}

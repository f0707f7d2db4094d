import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INTERRUPT_BUDGET, interruptBudgetFlag } from '../src/cli/v8-tuning.js';

test('the report commands lengthen V8\'s interrupt budget unless node was started with one', () => {
  assert.equal(interruptBudgetFlag([]), `--interrupt-budget=${INTERRUPT_BUDGET}`);
  assert.equal(interruptBudgetFlag(['--import', 'tsx', '--max-old-space-size=4096']), `--interrupt-budget=${INTERRUPT_BUDGET}`);
  assert.ok(INTERRUPT_BUDGET > 67_584, 'longer than V8\'s default');
  // The user's own budget, in every spelling V8 reads, is left alone.
  assert.equal(interruptBudgetFlag(['--interrupt-budget=67584']), null);
  assert.equal(interruptBudgetFlag(['--interrupt_budget=5000']), null);
  assert.equal(interruptBudgetFlag(['--interrupt-budget', '5000']), null);
  // A flag that only starts the same way is another flag.
  assert.equal(interruptBudgetFlag(['--interrupt-budget-for-feedback-allocation=940']), `--interrupt-budget=${INTERRUPT_BUDGET}`);
});

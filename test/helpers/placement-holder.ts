/**
 * A child process for the placement-lock tests: `node --import tsx test/helpers/placement-holder.ts DB` takes the
 * store's placement lock, prints `locked` (or `held` when another holds it, then exits 3) and waits to be killed.
 */
import { openStore } from '../../src/store/index.js';

const store = openStore(process.argv[2]!);
const release = store.tryLockPlacement();
if (!release) {
  process.stdout.write('held\n');
  store.close();
  process.exit(3);
}
process.stdout.write('locked\n');
setInterval(() => undefined, 60_000);

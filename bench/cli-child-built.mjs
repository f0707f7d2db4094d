// The built CLI in plain node, as `npx corroborate` runs it, then its peak RSS (its worker threads included) on
// stdout: the child bench/cli-child.ts `runCliChild` starts when dist/ is current. Plain JavaScript, so that no
// TypeScript loader hooks the modules the command and its worker threads load.
const { main } = await import('../dist/cli/main.js');
const code = await main(process.argv.slice(2));
process.stdout.write(`BENCH-RSS ${process.resourceUsage().maxRSS * 1024}\n`);
process.exit(code);

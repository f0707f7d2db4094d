import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export type Command = 'compare' | 'extract';
export type Format = 'text' | 'json' | 'html' | 'jsonl';

export interface CliOptions {
  command: Command | 'help' | 'version';
  inputs: string[];
  format: Format;
  out: string | null;
  color: boolean | null;
  encoder: boolean;
  cacheDir: string | null;
  quiet: boolean;
  debug: boolean;
}

const FORMATS: Record<Command, readonly Format[]> = {
  compare: ['text', 'json', 'html'],
  extract: ['jsonl', 'json'],
};

/** Parses the command line; throws UsageError with a one-line message for anything it cannot accept. */
export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-encoder': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'bad arguments' : 'bad arguments');
  }
  const { values, positionals } = parsed;
  const base = {
    out: values.out ?? null,
    color: values['no-color'] ? false : values.color ? true : null,
    encoder: !values['no-encoder'],
    cacheDir: values['cache-dir'] ?? null,
    quiet: values.quiet ?? false,
    debug: values.debug ?? false,
  };
  if (values.help || positionals[0] === 'help') {
    return { ...base, command: 'help', inputs: [], format: 'text' };
  }
  if (values.version) return { ...base, command: 'version', inputs: [], format: 'text' };
  const [name, ...inputs] = positionals;
  if (name === undefined) throw new UsageError('no command given (try: corroborate compare <files...>, or --help)');
  if (name !== 'compare' && name !== 'extract') {
    throw new UsageError(`unknown command '${name}' (commands: compare, extract)`);
  }
  const allowed = FORMATS[name];
  const format = (values.format ?? allowed[0]) as Format;
  if (!allowed.includes(format)) {
    throw new UsageError(`--format ${values.format} is not one of ${allowed.join(', ')} for '${name}'`);
  }
  if (inputs.length === 0) throw new UsageError(`'${name}' needs at least one input (a file, a directory, or - for stdin)`);
  return { ...base, command: name, inputs, format };
}

import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { DEFAULT_STORE_FILE } from '../store/defaults.js';
import { shownLocation } from '../store/location.js';

export type Command = 'compare' | 'extract' | 'cluster' | 'align' | 'check' | 'derive' | 'ingest' | 'stories' | 'story' | 'serve' | 'lexicon' | 'outlets' | 'network' | 'worker';
export type Format = 'text' | 'json' | 'html' | 'jsonl' | 'dot';

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
  /** Corpus mode: the store, an SQLite file (default ./corroborate.db, or $CORROBORATE_DB) or a postgres:// URL. */
  db: string;
  /** `ingest`, `worker`: the report queue, a redis:// URL (--queue, or $CORROBORATE_QUEUE for `worker`). */
  queue: string | null;
  /** `worker`: jobs worked on at once (default: the machine's cores). */
  threads: number | null;
  /** `worker`: stop when the queue has no open job. */
  untilEmpty: boolean;
  /** `worker`: seconds a job stays locked to a worker that stopped answering before another takes it. */
  lockSeconds: number;
  /** `stories`: only stories with an article published on or after this ISO date. */
  since: string | null;
  /** `stories`: at most this many. */
  limit: number | null;
  /** `stories`: newest (default) or biggest first. */
  sort: 'newest' | 'biggest';
  /** `ingest`: recompute the ledgers of the stories that changed (default on). */
  ledgers: boolean;
  /** `compare`: every input in one story (no story decision). */
  oneStory: boolean;
  /** `serve`: TCP port (0: any free port). */
  port: number;
  /** `serve`: interface to bind. */
  host: string;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

const FORMATS: Record<Command, readonly Format[]> = {
  compare: ['text', 'json', 'html'],
  extract: ['jsonl', 'json'],
  cluster: ['jsonl'],
  align: ['jsonl'],
  check: ['jsonl'],
  derive: ['jsonl'],
  ingest: ['text'],
  stories: ['text', 'json', 'jsonl'],
  story: ['text', 'json', 'html'],
  serve: ['text'],
  lexicon: ['text'],
  outlets: ['text', 'json', 'html'],
  network: ['json', 'html', 'dot'],
  worker: ['text'],
};

/** Corpus-mode commands (they use --db). */
const CORPUS: readonly Command[] = ['ingest', 'stories', 'story', 'serve', 'outlets', 'network', 'worker'];

const COMMANDS = Object.keys(FORMATS) as Command[];
/** Commands that read one JSON-lines file (`--pairs FILE` or a positional FILE). */
const ONE_FILE: readonly Command[] = ['align', 'check', 'derive'];

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
        pairs: { type: 'string' },
        out: { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-encoder': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        debug: { type: 'boolean' },
        db: { type: 'string' },
        since: { type: 'string' },
        limit: { type: 'string' },
        sort: { type: 'string' },
        'no-ledgers': { type: 'boolean' },
        'one-story': { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        queue: { type: 'string' },
        threads: { type: 'string' },
        'until-empty': { type: 'boolean' },
        'lock-seconds': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    // "--limit -5": node reads -5 as another option, and says so in three lines; one says what to do.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
    if (ambiguous) throw new UsageError(`${ambiguous[1]} needs a value (a value that starts with '-' is written ${ambiguous[1]}=VALUE)`);
    throw new UsageError(message.split('\n')[0] || 'bad arguments');
  }
  const { values, positionals } = parsed;
  const base = {
    out: values.out ?? null,
    color: values['no-color'] ? false : values.color ? true : null,
    encoder: !values['no-encoder'],
    cacheDir: values['cache-dir'] ?? null,
    quiet: values.quiet ?? false,
    debug: values.debug ?? false,
    db: values.db ?? (process.env.CORROBORATE_DB || DEFAULT_STORE_FILE),
    since: values.since ?? null,
    limit: values.limit === undefined ? null : positiveInteger('--limit', values.limit),
    sort: sortOrder(values.sort),
    ledgers: !values['no-ledgers'],
    oneStory: values['one-story'] ?? false,
    port: values.port === undefined ? DEFAULT_PORT : portNumber(values.port),
    host: values.host === undefined ? DEFAULT_HOST : hostName(values.host),
    queue: values.queue === undefined ? null : queueUrl(values.queue, '--queue'),
    threads: values.threads === undefined ? null : positiveInteger('--threads', values.threads),
    untilEmpty: values['until-empty'] ?? false,
    lockSeconds: values['lock-seconds'] === undefined ? DEFAULT_LOCK_SECONDS : lockSeconds(values['lock-seconds']),
  };
  if (values.help || positionals[0] === 'help') {
    return { ...base, command: 'help', inputs: [], format: 'text' };
  }
  if (values.version) return { ...base, command: 'version', inputs: [], format: 'text' };
  const [name, ...positionalInputs] = positionals;
  if (name === undefined) throw new UsageError('no command given (try: corroborate compare <files...>, or --help)');
  if (!isCommand(name)) throw new UsageError(`unknown command '${name}' (commands: ${COMMANDS.join(', ')})`);
  const inputs = values.pairs === undefined ? positionalInputs : [values.pairs, ...positionalInputs];
  if (values.pairs !== undefined && name !== 'align' && name !== 'derive') throw new UsageError(`--pairs is for 'align' and 'derive', not '${name}'`);
  if (!CORPUS.includes(name)) {
    for (const flag of ['db', 'since', 'limit', 'sort', 'no-ledgers'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is for the corpus commands (${CORPUS.join(', ')}), not '${name}'`);
    }
  }
  if (name !== 'serve') {
    for (const flag of ['port', 'host'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is for 'serve', not '${name}'`);
    }
  } else {
    for (const flag of ['since', 'limit', 'sort', 'no-ledgers', 'format', 'out'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is not an option of 'serve'`);
    }
    if (inputs.length > 0) throw new UsageError(`'serve' takes no inputs (it serves --db), got ${inputs.length}`);
  }
  if (values['one-story'] !== undefined && name !== 'compare') throw new UsageError(`--one-story is for 'compare', not '${name}'`);
  if (values.queue !== undefined && name !== 'ingest' && name !== 'worker') throw new UsageError(`--queue is for 'ingest' and 'worker', not '${name}'`);
  if (name !== 'worker') {
    for (const flag of ['threads', 'until-empty', 'lock-seconds'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is for 'worker', not '${name}'`);
    }
  }
  if (name === 'ingest' && values.queue !== undefined && values['no-ledgers'] !== undefined) {
    throw new UsageError(`'ingest --queue' hands the reports to the workers; --no-ledgers leaves them out: give one or the other`);
  }
  if (name === 'worker') {
    for (const flag of ['since', 'limit', 'sort', 'no-ledgers', 'format', 'out'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is not an option of 'worker'`);
    }
    if (inputs.length > 0) throw new UsageError(`'worker' takes no inputs (it takes report jobs from --queue), got ${inputs.length}`);
    if (base.queue === null) {
      const env = process.env.CORROBORATE_QUEUE;
      if (!env) throw new UsageError(`'worker' needs --queue redis://host:port (or CORROBORATE_QUEUE)`);
      base.queue = queueUrl(env, 'CORROBORATE_QUEUE');
    }
  }
  if (name === 'outlets' || name === 'network') {
    for (const flag of ['limit', 'sort', 'no-ledgers'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is not an option of '${name}'`);
    }
  }
  if (values.since !== undefined && (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(values.since) || Number.isNaN(Date.parse(values.since.slice(0, 10))) || new Date(`${values.since.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) !== values.since.slice(0, 10))) {
    throw new UsageError(`--since ${values.since} is not an ISO date (YYYY-MM-DD)`);
  }
  if ((name === 'stories' || name === 'outlets' || name === 'network') && inputs.length > 0) throw new UsageError(`'${name}' takes no inputs (it reads --db), got ${inputs.length}`);
  if (name === 'story' && inputs.length !== 1) throw new UsageError(`'story' needs one story id (see 'corroborate stories')`);
  if (name === 'lexicon' && inputs.length !== 1) throw new UsageError(`'lexicon' reads one dictionary file (e.g. /usr/share/dictd/mueller7.dict.dz), not ${inputs.length}`);
  if (name === 'lexicon' && (inputs[0] === '-' || values.out === '-')) throw new UsageError(`'lexicon' reads a dictionary file and writes the pack to a file (not -)`);
  if (ONE_FILE.includes(name) && inputs.length > 1) throw new UsageError(`'${name}' reads one JSON-lines file (or - for stdin), not ${inputs.length}`);
  const allowed = FORMATS[name];
  const format = (values.format ?? allowed[0]) as Format;
  if (!allowed.includes(format)) {
    throw new UsageError(`--format ${values.format} is not one of ${allowed.join(', ')} for '${name}'`);
  }
  // `ingest` with no input brings the store's reports up to date (the stories changed since theirs, outlet digests).
  if (name === 'ingest' && inputs.length === 0 && values['no-ledgers'] !== undefined) {
    throw new UsageError(`'ingest --no-ledgers' needs an input: with no input, ingest only computes the reports that --no-ledgers left out`);
  }
  if (inputs.length === 0 && name !== 'stories' && name !== 'serve' && name !== 'outlets' && name !== 'network' && name !== 'ingest' && name !== 'worker') {
    throw new UsageError(ONE_FILE.includes(name) ? `'${name}' needs a JSON-lines file${name === 'check' ? '' : ' (--pairs FILE)'} or - for stdin` : `'${name}' needs at least one input (a file, a directory, or - for stdin)`);
  }
  return { ...base, command: name, inputs, format };
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} ${value} is not a positive whole number`);
  return n;
}

/** `worker --lock-seconds` default: BullMQ's own lock duration. */
export const DEFAULT_LOCK_SECONDS = 30;
/**
 * The shortest lock a worker may take: the lock is renewed by the worker's main thread, which a store call can hold
 * for up to the store's busy timeout (5 s), or a PostgreSQL connection whose thread stopped for 10 s before it is
 * given up; a shorter lock could be handed to a second worker while the first is alive.
 */
export const MIN_LOCK_SECONDS = 20;

function lockSeconds(value: string): number {
  const n = positiveInteger('--lock-seconds', value);
  if (n < MIN_LOCK_SECONDS) throw new UsageError(`--lock-seconds ${value} is below ${MIN_LOCK_SECONDS} (a store call may keep a worker's main thread busy for 10 s)`);
  return n;
}

function queueUrl(value: string, source: '--queue' | 'CORROBORATE_QUEUE'): string {
  if (!/^rediss?:\/\/[^\s]+$/i.test(value)) throw new UsageError(`${source} ${shownLocation(value)} is not a redis:// URL (e.g. redis://127.0.0.1:6379)`);
  return value;
}

function portNumber(value: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n > 65535) throw new UsageError(`--port ${value} is not a port number (0 to 65535; 0 picks a free port)`);
  return n;
}

function hostName(value: string): string {
  const host = value.trim();
  // A host name or an IPv4/IPv6 address: letters, digits, dots, hyphens, colons (IPv6), optional brackets.
  if (!/^(?:\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}))$/.test(host)) {
    throw new UsageError(`--host ${value} is not a host name or IP address`);
  }
  return host.startsWith('[') ? host.slice(1, -1) : host;
}

function sortOrder(value: string | undefined): 'newest' | 'biggest' {
  if (value === undefined || value === 'newest' || value === 'biggest') return value ?? 'newest';
  throw new UsageError(`--sort ${value} is not one of newest, biggest`);
}

function isCommand(name: string): name is Command {
  return (COMMANDS as string[]).includes(name);
}

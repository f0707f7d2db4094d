export const HELP = `corroborate — compare news articles claim by claim

Usage:
  corroborate compare <input...> [--format text|json|html] [--out FILE] [--one-story]
  corroborate extract <input...> [--format jsonl|json]      [--out FILE]
  corroborate cluster <input...>                             [--out FILE]
  corroborate align   --pairs FILE.jsonl                     [--out FILE]
  corroborate check   FILE.jsonl                             [--out FILE]
  corroborate derive  --pairs FILE.jsonl                     [--out FILE]
  corroborate ingest  [input...] [--db FILE|URL] [--no-ledgers | --queue redis://HOST:PORT]
  corroborate stories [--db FILE] [--since YYYY-MM-DD] [--limit N] [--sort newest|biggest] [--format text|json|jsonl]
  corroborate story   <story-id> [--db FILE] [--format text|json|html] [--out FILE]
  corroborate serve   [--db FILE] [--port N] [--host H]
  corroborate lexicon <dictionary.dict.dz> [--out FILE]
  corroborate outlets [--db FILE] [--since YYYY-MM-DD] [--format text|json|html] [--out FILE]
  corroborate network [--db FILE] [--since YYYY-MM-DD] [--format json|html|dot] [--out FILE]
  corroborate worker  --db FILE|URL --queue redis://HOST:PORT [--threads N] [--until-empty] [--lock-seconds N]
  corroborate --help | --version

Inputs: .txt/.md (optional front matter; a first line followed by a blank line is the headline),
.html/.htm[.gz] (article extraction), .jsonl[.gz] (one {id, text, title?, source?, url?, published?,
language?} per line), RSS/Atom feeds .rss/.atom/.xml/.feed[.gz] (each item an article; links are never
fetched), directories (recursively, in path order), and - for standard input.

compare   groups the articles into stories and reports, per story, what the sources agree on, what only
          one says, what conflicts, the quote ledger (single-source quotes = possible fabrication) and
          who likely derived from whom. --one-story: the inputs were collected as one story (one event's
          coverage, one wire's copies): compare them as one, without grouping them first.
extract   the per-article analysis only: sentences, entities, quotes with speakers, numbers, dates,
          media attributions, negations — every finding with UTF-16 offsets into the text.
cluster   one JSON line per story: {"story", "articles": [ids]}, biggest story first.

Corpus mode (a store: the SQLite file ./corroborate.db unless --db FILE or $CORROBORATE_DB names another,
or a PostgreSQL database: --db postgres://user:password@host:port/database[?schema=NAME]):
ingest    adds articles to the store and places each in its story as it is read (the same article twice is
          a duplicate, reported and skipped); stories never change id (merges and splits are logged); then
          recomputes the report of every story that changed (--no-ledgers: later, on demand). Safe to kill
          and run again. With no input: only the reports (of the stories changed since theirs, and the
          outlet digests of reports stored by an older version).
stories   the stories, newest first (or --sort biggest); jsonl lines have the 'cluster' shape plus size and
          dates.
story     one story's report (the 'compare' report), from the store or computed and stored if it changed.
outlets   per outlet, from the stored story reports: articles, share that are rewrites of another outlet's
          article, its top sources, median lag after the source, share of its quotes no other article
          supports, share first in their story, median share of a rewrite's text taken from its source,
          machine-rewrite leftovers and templated openings (with offsets); and groups of outlets that
          republish rewrites of the same sources within 3 hours (Louvain communities).
network   the derivation graph between outlets (edges: how many of B's articles derive from A's, median
          lag, the article pairs with the evidence) as JSON, or Graphviz dot. --format html (either
          command): one self-contained page with the drawn network, the groups, every outlet and the
          heaviest edges with their article pairs; the web UI has the same at #/network.
worker    takes story report jobs from the store's queue ('ingest --queue' places the articles and queues one
          job per story it changed, instead of computing the reports itself) and computes them, N at a time
          (--threads, default: the cores); any number of workers on any machines that reach the store and the
          queue share the jobs; a worker that dies hands its job on after --lock-seconds (default 30, at least
          20). Runs until Ctrl-C or SIGTERM, or with --until-empty until the queue has no job left; exit 70 if a
          report failed three times. $CORROBORATE_QUEUE: the queue.
serve     the web UI and the HTTP API (JSON, under /api/v1; described at /api/v1/openapi.json) over the
          store, at http://127.0.0.1:8080/ (--port N, 0 for any free port; --host H to listen on another
          interface: only on a network you trust). Runs until Ctrl-C (SIGINT) or SIGTERM.

Languages: English, Russian and French articles are analysed in their own language; a rewrite is traced to
its original across languages (names as transliteration-proof keys, numbers, dates, a built-in lexicon).
lexicon   optional: makes a bigger Russian-English lexicon for cross-lingual alignment from an English-Russian
          dictd dictionary (apt-get install mueller7-dict; then corroborate lexicon
          /usr/share/dictd/mueller7.dict.dz) and writes it to the data folder ($CORROBORATE_DATA_DIR, else
          ~/.local/share/corroborate) or --out FILE; every run then reads it. It is not shipped: its licence
          (GPL) is not ours.

Batch scoring (JSON lines in, one JSON line out per input line, keyed by its "id"; streamed; a bad line is
reported with its number and skipped):
align     {"id", "a", "b"} sentence pairs -> {"id", "score" (0..1), "paraphrase" (bool)}
check     {"id", "article", "claim"} or {"id", "article", "summary"}
          -> {"id", "supported" (bool), "score" (0..1), "unsupported": [{"start", "end", "text"}]}
          (offsets into the claim/summary: the parts the article does not support)
derive    {"id", "source", "derived"} -> {"id", "derived" (bool), "level": cut|light|heavy|non, "score"}

Options:
  --format FORMAT   compare: text (default), json, html; extract: jsonl (default), json
  --out FILE        write the report to FILE instead of standard output
  --one-story       compare: all the inputs are one story (no grouping into stories first)
  --color / --no-color   colour the text report (default: on when standard output is a terminal)
  --no-encoder      do not use the sentence encoder (lexical similarity only; faster on a cold cache)
  --cache-dir DIR   sentence-vector cache (default: $CORROBORATE_CACHE_DIR, else ~/.cache/corroborate)
  --quiet           do not print skipped-input messages or 'kept' notes (the count is still printed)
  --debug           show stack traces for internal errors
  -h, --help        this help;  -v, --version  the version

Bad inputs (missing path, empty or binary file, invalid UTF-8, a JSONL line that is not JSON or has no
text, an HTML page with no article) are reported on standard error, one line each, and skipped; the run
goes on with the rest. An article read with a field it could not use (a 'published' that is not a date) is
kept, with a 'kept' line saying what was not used (JSONL, front matter, feeds; HTML pages: no line).

Exit codes:
  0   report written (some inputs may have been skipped: see standard error); also when the
      reader of standard output left early (| head): the run stops there, quietly
  1   no input could be analysed
  2   usage error (unknown command or option, bad --format, no inputs where a command needs them, bad --port or
      --host, port in use, an --out that would overwrite an input, a file in an input folder or the store)
  3   the output could not be written
  4   the store could not be opened or used (--db is a directory, not a database, newer, busy, a PostgreSQL
      server that cannot be reached or refuses the login), or the story asked for is not in it
  5   the queue (--queue) could not be reached
  70  internal error (a bug; --debug shows the stack trace)
`;

/**
 * The OpenAPI 3.1 description of the HTTP API, served at `/api/v1/openapi.json`. Written by hand as a typed
 * object; the Report schema is docs/report.schema.json (the `compare --format json` schema), its `$defs`
 * lifted into `components.schemas` so every `$ref` resolves inside this document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ARTICLES_PER_REQUEST } from './post-body.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, SORTS } from './api/stories.js';
import { BODY_LIMIT_BYTES } from './security.js';
import { packageRoot } from './ui-dir.js';
import { MAX_ID_LENGTH, MAX_QUERY_TEXT } from './validation.js';

export type JsonSchema = { [keyword: string]: unknown };

export interface ParameterObject {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: JsonSchema;
}

export interface MediaTypeObject {
  schema: JsonSchema;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; description: string; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject | ReferenceObject>;
}

export interface ReferenceObject {
  $ref: string;
}

export type PathItemObject = Partial<Record<'get' | 'post', OperationObject>>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  paths: Record<string, PathItemObject>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, ResponseObject> };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema): Record<string, MediaTypeObject> => ({ 'application/json': { schema } });
const errorRef = (name: string): ReferenceObject => ({ $ref: `#/components/responses/${name}` });
const nullable = (type: string): JsonSchema => ({ type: [type, 'null'] });

/** The report schema's definitions under components (refs rewritten), and the Report schema itself. */
export function reportSchemas(schemaText: string): Record<string, JsonSchema> {
  const rewritten = schemaText.replace(/"#\/\$defs\/([A-Za-z0-9_]+)"/g, '"#/components/schemas/$1"');
  const parsed: unknown = JSON.parse(rewritten);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('docs/report.schema.json is not a JSON object');
  const { $defs, $schema: _schema, $id: _id, ...report } = parsed as Record<string, unknown>;
  const defs = typeof $defs === 'object' && $defs !== null ? ($defs as Record<string, JsonSchema>) : {};
  return { ...defs, Report: report };
}

const idParam = (name: string, what: string): ParameterObject => ({
  name,
  in: 'path',
  required: true,
  description: `${what} (percent-encoded in the path)`,
  schema: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
});

/** The network view's window: stories with an article published on or after a calendar date. */
const SINCE: ParameterObject = { name: 'since', in: 'query', required: false, description: 'Only stories with an article published on or after this date.', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } };

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?$' };

export function buildOpenApi(version: string, reportSchemaText: string): OpenApiDocument {
  const articleInput: JsonSchema = {
    type: 'object',
    description: 'One article, read exactly like a line of the JSONL input format of `compare` (other fields are ignored).',
    required: ['text'],
    properties: {
      text: { type: 'string', minLength: 1 },
      id: { type: ['string', 'number'], description: 'Default: an id from the content (text and source).' },
      title: { type: 'string' },
      source: { type: 'string', description: 'Outlet name.' },
      url: { type: 'string', description: 'Stored as text; never fetched.' },
      published: { type: 'string', description: 'ISO-8601 date or date-time (other forms are normalised where possible).' },
      language: { type: 'string', description: 'ISO 639-1 code; detected when absent.' },
      byline: { type: 'string' },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Corroborate HTTP API',
      version,
      description:
        'The stories of a Corroborate store: list and search them, read a story report (the `compare --format json` schema), ' +
        'read an article, add articles. Every error is `{"error": {"status", "message"}}` with that HTTP status.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness check',
          tags: ['server'],
          responses: { '200': { description: 'The server answers.', content: json({ type: 'object', required: ['ok'], properties: { ok: { const: true } }, additionalProperties: false }) } },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          tags: ['server'],
          responses: { '200': { description: 'The OpenAPI 3.1 document.', content: json({ type: 'object' }) } },
        },
      },
      '/api/v1/stories': {
        get: {
          operationId: 'listStories',
          summary: 'List and search stories',
          description: 'Active stories with members that match every filter given, one page of them, and how many match in all. Ties are broken by story id.',
          tags: ['stories'],
          parameters: [
            { name: 'q', in: 'query', description: 'Words that must all occur in the title or text of one member article (case and accents ignored, whole words). Entity names are words: `q=Marlow`. A query with no letters or digits is refused (400).', schema: { type: 'string', maxLength: MAX_QUERY_TEXT } },
            { name: 'since', in: 'query', description: "The story's newest publication is at or after this ISO date or date-time.", schema: isoDate },
            { name: 'until', in: 'query', description: "The story's newest publication is at or before this ISO date (the whole day) or date-time.", schema: isoDate },
            { name: 'outlet', in: 'query', description: 'Exact `source` of at least one member (see /api/v1/outlets).', schema: { type: 'string', maxLength: MAX_QUERY_TEXT } },
            { name: 'sort', in: 'query', description: 'newest: newest publication first (undated last); biggest: most articles first, then newest.', schema: { enum: [...SORTS], default: 'newest' } },
            { name: 'limit', in: 'query', description: 'Stories per page.', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
            { name: 'offset', in: 'query', description: 'Stories to skip.', schema: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 } },
          ],
          responses: { '200': { description: 'One page of stories.', content: json(ref('StoryList')) }, '400': errorRef('BadRequest'), '500': errorRef('Internal') },
        },
      },
      '/api/v1/stories/{id}': {
        get: {
          operationId: 'getStoryReport',
          summary: "A story's report",
          description: "The `compare --format json` report of the story, computed and stored when the story changed since. A merged story's id answers the live story's report (`stories[0].id`).",
          tags: ['stories'],
          parameters: [idParam('id', 'Story id')],
          responses: { '200': { description: 'The report.', content: json(ref('Report')) }, '400': errorRef('BadRequest'), '404': errorRef('NotFound'), '500': errorRef('Internal') },
        },
      },
      '/api/v1/articles': {
        post: {
          operationId: 'addArticles',
          summary: 'Add articles',
          description:
            `Ingests the articles (placed in their stories; the same content twice is a duplicate; an id stored with other content is a conflict and is not replaced), ` +
            `then computes the reports of the stories they joined. Body at most ${BODY_LIMIT_BYTES / 1048576} MiB; pages are never fetched.`,
          tags: ['articles'],
          requestBody: {
            required: true,
            description: 'JSON (`articles`, at most 1,000, or a saved page as `html`), or JSON lines (the `compare` JSONL format).',
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { type: 'object', required: ['articles'], additionalProperties: false, properties: { articles: { type: 'array', minItems: 1, maxItems: MAX_ARTICLES_PER_REQUEST, items: articleInput } } },
                    {
                      type: 'object',
                      required: ['html'],
                      additionalProperties: false,
                      properties: { html: { type: 'string', minLength: 1, description: 'A saved HTML page; the article is extracted from it.' }, url: { type: 'string' }, source: { type: 'string' } },
                    },
                  ],
                },
              },
              'application/x-ndjson': { schema: { type: 'string', description: 'One article object per line (see the `articles` items).' } },
              'application/jsonl': { schema: { type: 'string', description: 'Same as application/x-ndjson.' } },
            },
          },
          responses: {
            '201': { description: 'What happened to each article.', content: json(ref('PostResult')) },
            '400': errorRef('BadRequest'),
            '403': errorRef('Forbidden'),
            '413': errorRef('TooLarge'),
            '415': errorRef('UnsupportedType'),
            '500': errorRef('Internal'),
          },
        },
      },
      '/api/v1/articles/{id}': {
        get: {
          operationId: 'getArticle',
          summary: 'A stored article',
          tags: ['articles'],
          parameters: [idParam('id', 'Article id')],
          responses: { '200': { description: 'The article.', content: json(ref('Article')) }, '400': errorRef('BadRequest'), '404': errorRef('NotFound'), '500': errorRef('Internal') },
        },
      },
      '/api/v1/outlets': {
        get: {
          operationId: 'listOutlets',
          summary: 'Outlets with their number of articles',
          tags: ['articles'],
          responses: { '200': { description: 'Every outlet, by name.', content: json(ref('OutletList')) }, '500': errorRef('Internal') },
        },
      },
      '/api/v1/outlets/{name}': {
        get: {
          operationId: 'getOutlet',
          summary: 'One outlet of the network view',
          description: 'The outlet\'s record (as in /api/v1/network), the derivation edges into and out of it with their article pairs and evidence, and the co-publishing groups it is in.',
          tags: ['articles'],
          parameters: [idParam('name', 'Outlet name (as the articles give it, white space collapsed)'), SINCE],
          responses: { '200': { description: 'The outlet.', content: json(ref('OutletView')) }, '400': errorRef('BadRequest'), '404': errorRef('NotFound'), '500': errorRef('Internal') },
        },
      },
      '/api/v1/network': {
        get: {
          operationId: 'outletNetwork',
          summary: 'The outlet and network view over the stored story reports',
          description:
            'Per outlet: articles, share that derive from another outlet (compare\'s derivation), top sources, median lag after the source, quotes no other article supports, share first in their story, machine-rewrite leftovers (with offsets). Edges: A → B with how many of B\'s articles derive from A\'s. Groups: outlets that republish rewrites of the same sources within 3 hours (Louvain communities).',
          tags: ['articles'],
          parameters: [SINCE],
          responses: { '200': { description: 'Outlets, edges, groups.', content: json(ref('OutletNetwork')) }, '400': errorRef('BadRequest'), '500': errorRef('Internal') },
        },
      },
      '/api/v1/network/edge': {
        get: {
          operationId: 'getNetworkEdge',
          summary: 'One edge of the outlet network with its article pairs and their evidence',
          tags: ['articles'],
          parameters: [
            { name: 'from', in: 'query', required: true, description: 'The source outlet.', schema: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH } },
            { name: 'to', in: 'query', required: true, description: 'The outlet whose articles derive from it.', schema: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH } },
            SINCE,
          ],
          responses: { '200': { description: 'The edge.', content: json(ref('OutletEdge')) }, '400': errorRef('BadRequest'), '404': errorRef('NotFound'), '500': errorRef('Internal') },
        },
      },
    },
    components: {
      schemas: {
        ...reportSchemas(reportSchemaText),
        Error: {
          type: 'object',
          required: ['error'],
          additionalProperties: false,
          properties: { error: { type: 'object', required: ['status', 'message'], additionalProperties: false, properties: { status: { type: 'integer' }, message: { type: 'string' } } } },
        },
        StoryRow: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'size', 'outlets', 'sources', 'headline', 'firstPublished', 'lastPublished', 'singleSourceQuotes', 'conflicts', 'corroborated'],
          properties: {
            id: { type: 'string' },
            size: { type: 'integer', minimum: 1, description: 'Member articles.' },
            outlets: { type: 'integer', minimum: 0, description: 'Distinct sources of the members.' },
            sources: { type: 'array', items: { type: 'string' }, description: 'Distinct sources, sorted.' },
            headline: { type: 'string', description: 'Title of the first member in the canonical order: earliest published, undated last, then id (or the start of its text).' },
            firstPublished: nullable('string'),
            lastPublished: nullable('string'),
            singleSourceQuotes: { ...nullable('integer'), description: 'From the stored report; null while the story has no up-to-date report.' },
            conflicts: { ...nullable('integer'), description: 'From the stored report; null while the story has no up-to-date report.' },
            corroborated: { ...nullable('integer'), description: 'Corroborated claims, from the stored report; null while the story has no up-to-date report.' },
          },
        },
        StoryList: {
          type: 'object',
          additionalProperties: false,
          required: ['total', 'stories'],
          properties: { total: { type: 'integer', minimum: 0 }, stories: { type: 'array', items: ref('StoryRow') } },
        },
        Article: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'title', 'text', 'source', 'url', 'published', 'language', 'byline', 'story'],
          properties: {
            id: { type: 'string' },
            title: nullable('string'),
            text: { type: 'string' },
            source: nullable('string'),
            url: nullable('string'),
            published: nullable('string'),
            language: nullable('string'),
            byline: nullable('string'),
            story: { ...nullable('string'), description: 'The live story the article belongs to.' },
          },
        },
        OutletList: {
          type: 'object',
          additionalProperties: false,
          required: ['outlets'],
          properties: {
            outlets: {
              type: 'array',
              items: { type: 'object', additionalProperties: false, required: ['source', 'articles'], properties: { source: { type: 'string' }, articles: { type: 'integer', minimum: 1 } } },
            },
          },
        },
        OutletRecord: {
          type: 'object',
          additionalProperties: false,
          required: ['outlet', 'articles', 'stories', 'rewrites', 'rewriteShare', 'topSources', 'medianLagMinutes', 'medianReuse', 'quotes', 'unattestedQuotes', 'unattestedShare', 'inventingShare', 'conflictShare', 'firstShare', 'traces', 'templates'],
          properties: {
            outlet: { type: 'string' },
            articles: { type: 'integer', minimum: 0 },
            stories: { type: 'integer', minimum: 0 },
            rewrites: { type: 'integer', minimum: 0 },
            rewriteShare: { type: 'number', minimum: 0, maximum: 1 },
            topSources: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['outlet', 'articles'], properties: { outlet: { type: 'string' }, articles: { type: 'integer', minimum: 1 } } } },
            medianLagMinutes: { type: ['number', 'null'] },
            medianReuse: { type: ['number', 'null'], minimum: 0, maximum: 1, description: "Median share of a rewrite's sentences aligned with its source." },
            quotes: { type: 'integer', minimum: 0 },
            unattestedQuotes: { type: 'integer', minimum: 0 },
            unattestedShare: { type: 'number', minimum: 0, maximum: 1 },
            inventingShare: { type: 'number', minimum: 0, maximum: 1 },
            conflictShare: { type: 'number', minimum: 0, maximum: 1 },
            firstShare: { type: 'number', minimum: 0, maximum: 1 },
            traces: {
              type: 'array',
              items: { type: 'object', additionalProperties: false, required: ['article', 'kind', 'start', 'end', 'text'], properties: { article: { type: 'string' }, kind: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } },
            },
            templates: {
              type: 'array',
              description: 'Openings (the first 4 to 6 words; case, punctuation, digits and month or weekday names aside) shared by articles of at least 3 of its stories and a fifth of its articles; the longest such prefix.',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['opening', 'articles', 'stories', 'share', 'examples'],
                properties: {
                  opening: { type: 'string' },
                  articles: { type: 'integer', minimum: 1 },
                  stories: { type: 'integer', minimum: 1 },
                  share: { type: 'number', minimum: 0, maximum: 1 },
                  examples: {
                    type: 'array',
                    items: { type: 'object', additionalProperties: false, required: ['article', 'start', 'end', 'text'], properties: { article: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
        OutletEdgeSummary: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to', 'articles', 'medianLagMinutes'],
          properties: {
            from: { type: 'string' },
            to: { type: 'string' },
            articles: { type: 'integer', minimum: 1, description: 'Articles of `to` that derive from an article of `from`.' },
            medianLagMinutes: { type: ['number', 'null'] },
          },
        },
        OutletEdge: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to', 'articles', 'medianLagMinutes', 'pairs'],
          properties: {
            from: { type: 'string' },
            to: { type: 'string' },
            articles: { type: 'integer', minimum: 1 },
            medianLagMinutes: { type: ['number', 'null'] },
            pairs: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['source', 'rewrite', 'sourceTitle', 'rewriteTitle', 'story', 'confidence', 'evidence'],
                properties: {
                  source: { type: 'string' },
                  rewrite: { type: 'string' },
                  sourceTitle: nullable('string'),
                  rewriteTitle: nullable('string'),
                  story: { type: 'string' },
                  confidence: { type: 'number' },
                  evidence: {
                    type: 'array',
                    items: { type: 'object', additionalProperties: false, required: ['kind', 'weight', 'detail'], properties: { kind: { type: 'string' }, weight: { type: 'number' }, detail: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
        OutletGroup: {
          type: 'object',
          additionalProperties: false,
          required: ['outlets', 'sharedSources'],
          properties: { outlets: { type: 'array', items: { type: 'string' } }, sharedSources: { type: 'integer', minimum: 0 } },
        },
        OutletNetwork: {
          type: 'object',
          additionalProperties: false,
          required: ['outlets', 'edges', 'groups', 'stories', 'withoutReport'],
          properties: {
            outlets: { type: 'array', items: ref('OutletRecord') },
            edges: { type: 'array', items: ref('OutletEdgeSummary'), description: 'Heaviest first; the article pairs of an edge: GET /api/v1/network/edge.' },
            groups: { type: 'array', items: ref('OutletGroup') },
            stories: { type: 'integer', minimum: 0 },
            withoutReport: { type: 'integer', minimum: 0 },
          },
        },
        OutletView: {
          type: 'object',
          additionalProperties: false,
          required: ['outlet', 'incoming', 'outgoing', 'groups', 'stories', 'withoutReport'],
          properties: {
            outlet: ref('OutletRecord'),
            incoming: { type: 'array', items: ref('OutletEdge'), description: 'Edges into the outlet: the outlets it derives from.' },
            outgoing: { type: 'array', items: ref('OutletEdge'), description: 'Edges out of the outlet: the outlets deriving from it.' },
            groups: { type: 'array', items: ref('OutletGroup') },
            stories: { type: 'integer', minimum: 0 },
            withoutReport: { type: 'integer', minimum: 0 },
          },
        },
        PostResult: {
          type: 'object',
          additionalProperties: false,
          required: ['added', 'duplicates', 'conflicts', 'skipped', 'problems', 'articles', 'stories'],
          properties: {
            added: { type: 'integer', minimum: 0 },
            duplicates: { type: 'integer', minimum: 0 },
            conflicts: { type: 'integer', minimum: 0 },
            skipped: { type: 'integer', minimum: 0 },
            problems: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['line', 'message'],
                description: 'An input that was skipped (counted in `skipped`), or, with `kept`, a note on an article that was read (not counted).',
                properties: {
                  line: { ...nullable('integer'), description: 'JSONL line or position in `articles` (1-based); null for the whole body.' },
                  message: { type: 'string' },
                  kept: { type: 'boolean', const: true, description: 'The article was read; the message says what of it could not be used (e.g. a `published` that is not a date).' },
                },
              },
            },
            articles: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'status', 'story'],
                properties: { id: { type: 'string' }, status: { enum: ['new', 'duplicate', 'conflict'] }, story: nullable('string') },
              },
            },
            stories: { type: 'array', items: { type: 'string' }, description: 'Stories the new articles are in, in input order.' },
          },
        },
      },
      responses: {
        BadRequest: { description: 'A parameter or the body is invalid; the message names it.', content: json(ref('Error')) },
        Forbidden: { description: 'Another site (Host or Origin) or a read-only store.', content: json(ref('Error')) },
        NotFound: { description: 'No such story, article or endpoint.', content: json(ref('Error')) },
        TooLarge: { description: `The body is larger than ${BODY_LIMIT_BYTES / 1048576} MiB.`, content: json(ref('Error')) },
        UnsupportedType: { description: 'The Content-Type is not accepted.', content: json(ref('Error')) },
        Internal: { description: 'A bug; details are on the server\'s standard error.', content: json(ref('Error')) },
      },
    },
  };
}

let cached: string | null = null;

/** The document as JSON text (built once per process). */
export function openApiJson(version: string): string {
  cached ??= JSON.stringify(buildOpenApi(version, readFileSync(join(packageRoot(import.meta.url), 'docs', 'report.schema.json'), 'utf8')));
  return cached;
}

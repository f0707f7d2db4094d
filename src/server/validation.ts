/**
 * Validation of everything a request carries: query parameters, path ids, JSON bodies. Values arrive as
 * `unknown` or strings and leave narrowed; a bad one is a 400 whose message names the parameter.
 */
import { HttpError } from './errors.js';
import { daysInMonth } from '../text/calendar.js';

export class ValidationError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

/** Longest id accepted in a path (story and article ids are short; this only bounds the work). */
export const MAX_ID_LENGTH = 1000;
/** Longest free-text query parameter (q, outlet). */
export const MAX_QUERY_TEXT = 500;

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The query parameters of `url`, each at most once and each in `allowed`. An empty value (`q=`) counts as
 * absent, so a form that submits empty fields is accepted.
 */
export function readQuery(url: string, allowed: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<string>();
  for (const [name, value] of new URL(url).searchParams) {
    if (!allowed.includes(name)) {
      throw new ValidationError(`unknown query parameter '${clip(name)}' (allowed: ${allowed.join(', ')})`);
    }
    if (seen.has(name)) throw new ValidationError(`query parameter '${name}' is given more than once`);
    seen.add(name);
    if (value !== '') out.set(name, value);
  }
  return out;
}

/** Free text (no control characters), at most `maxLength` characters. */
export function textParam(query: Map<string, string>, name: string, maxLength = MAX_QUERY_TEXT): string | undefined {
  const value = query.get(name);
  if (value === undefined) return undefined;
  if (value.length > maxLength) throw new ValidationError(`query parameter '${name}' is longer than ${maxLength} characters`);
  if (CONTROL.test(value)) throw new ValidationError(`query parameter '${name}' contains control characters`);
  return value;
}

/** A whole number in [min, max] written in decimal digits; `fallback` when absent. */
export function integerParam(query: Map<string, string>, name: string, range: { min: number; max: number; fallback: number }): number {
  const value = query.get(name);
  if (value === undefined) return range.fallback;
  const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new ValidationError(`query parameter '${name}' must be a whole number from ${range.min} to ${range.max}, got '${clip(value)}'`);
  }
  return n;
}

export function enumParam<T extends string>(query: Map<string, string>, name: string, values: readonly T[], fallback: T): T {
  const value = query.get(name);
  if (value === undefined) return fallback;
  if (!(values as readonly string[]).includes(value)) {
    throw new ValidationError(`query parameter '${name}' must be one of ${values.join(', ')}, got '${clip(value)}'`);
  }
  return value as T;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether `value` is an ISO-8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]) that exists. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return (
    m !== null &&
    Number(m[2]) >= 1 &&
    Number(m[2]) <= 12 &&
    Number(m[3]) >= 1 &&
    Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2])) &&
    (m[4] === undefined || Number(m[4]) <= 23) &&
    (m[5] === undefined || Number(m[5]) <= 59) &&
    (m[6] === undefined || Number(m[6]) <= 59)
  );
}

/** An ISO-8601 date or date-time that exists (`isIsoDate`). */
export function isoDateParam(query: Map<string, string>, name: string): string | undefined {
  const value = query.get(name);
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new ValidationError(`query parameter '${name}' must be an ISO date (YYYY-MM-DD) or date-time, got '${clip(value)}'`);
  return value;
}

/** An id from the path (already percent-decoded by the router): 1..MAX_ID_LENGTH characters, no control characters. */
export function pathId(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new ValidationError(`path parameter '${name}' is missing`);
  if (value.length > MAX_ID_LENGTH) throw new ValidationError(`path parameter '${name}' is longer than ${MAX_ID_LENGTH} characters`);
  if (CONTROL.test(value)) throw new ValidationError(`path parameter '${name}' contains control characters`);
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An optional string field of a JSON body: absent or null → undefined; otherwise a string of at most `maxLength`. */
export function optionalStringField(body: Record<string, unknown>, name: string, maxLength: number): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationError(`field '${name}' must be a string`);
  if (value.length > maxLength) throw new ValidationError(`field '${name}' is longer than ${maxLength} characters`);
  if (value.includes('\u0000')) throw new ValidationError(`field '${name}' contains a NUL character (\\u0000)`);
  return value;
}

/** A value echoed in a message: short, one line. */
export function clip(value: string, max = 60): string {
  const line = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

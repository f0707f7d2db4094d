/**
 * Response headers every answer carries (CSP first), the request body limit, and the checks that keep other
 * web sites out of a server bound to the loopback interface (DNS rebinding: Host; cross-site posts: Origin).
 */
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './errors.js';

/** No inline scripts or styles, nothing from other origins, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Request bodies above this many bytes are refused with 413. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** Sets the security headers on every response, errors and 404s included; API answers are never cached. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (c.req.path.startsWith('/api/') || c.req.path === '/healthz') c.res.headers.set('Cache-Control', 'no-store');
  };
}

/** Refuses a declared body over the limit before anything reads it (bodies without a length: `readBody`). */
export function declaredBodyLimit(limit: number): MiddlewareHandler {
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > limit)) {
      throw new HttpError(413, `request body is larger than ${describeBytes(limit)}`);
    }
    await next();
  };
}

/** The whole body, at most `limit` bytes (counted as they arrive: a chunked body cannot get past it). */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError(413, `request body is larger than ${describeBytes(limit)}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function describeBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** True for a host the server should only be reached by its loopback names on. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * The host names a loopback-bound server answers to (the bound host, localhost, 127.0.0.1, [::1]); null (any
 * name) for a server bound to another interface, which the user chose to expose.
 */
export function allowedHostsFor(host: string): string[] | null {
  if (!isLoopback(host)) return null;
  const bound = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return [...new Set([...LOOPBACK_NAMES, bound])];
}

/** `Host` header → host name without port, lower-cased (IPv6 kept in brackets). */
function hostName(value: string): string {
  const v = value.trim().toLowerCase();
  if (v.startsWith('[')) return v.slice(0, v.indexOf(']') + 1);
  const colon = v.indexOf(':');
  return colon === -1 ? v : v.slice(0, colon);
}

/**
 * A page on another site must not read or change the store: requests whose `Host` is not one of `allowed`
 * (a DNS-rebinding attack names the attacker's domain) get 403, and so do writes whose `Origin` is another
 * origin than the one asked. `allowed` null: any host (the server was bound to a non-loopback address).
 */
export function originChecks(allowed: readonly string[] | null): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (allowed !== null && host !== undefined && !allowed.includes(hostName(host))) {
      throw new HttpError(403, `host '${hostName(host)}' is not served here (use http://127.0.0.1 or http://localhost)`);
    }
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && origin !== undefined) {
      let sameOrigin = false;
      try {
        sameOrigin = host !== undefined && new URL(origin).host.toLowerCase() === host.trim().toLowerCase();
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) throw new HttpError(403, `cross-origin ${c.req.method} refused (origin '${origin.slice(0, 100)}')`);
    }
    await next();
  };
}

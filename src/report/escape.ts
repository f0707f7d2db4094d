import { shortHash } from '../text/hash.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '=': '&#61;',
  '`': '&#96;',
};

/**
 * Escapes text for HTML element content AND for quoted attribute values: & < > " ' become entities, and
 * so do = and ` (not needed inside quoted attributes, but it keeps "onerror=" and the like from appearing
 * verbatim anywhere in a tag, which makes the output easy to audit).
 * Every string that came from an input (article text, titles, sources, urls, speakers, claim text, ids)
 * goes through this function before it reaches the HTML output.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'=`]/g, (c) => HTML_ESCAPES[c] ?? c);
}

const SAFE_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Turns any string into a token safe for an HTML id / class / data attribute: only [A-Za-z0-9_-].
 * Strings that already are safe are returned unchanged; others get their unsafe characters replaced
 * and a short content hash appended, so two different inputs do not collide.
 */
export function safeId(value: string): string {
  if (SAFE_ID.test(value)) return value;
  const base = value.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  return `${base}-${shortHash(value).slice(0, 8)}`;
}

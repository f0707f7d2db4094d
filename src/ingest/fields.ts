/** Small field cleaners shared by the HTML and feed readers. */

/** White space collapsed and trimmed; null when nothing is left (or no string was given). */
export function cleanText(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** An http(s) URL, resolved against `base` when relative; null for anything else. */
export function absoluteUrl(href: string | null | undefined, base?: string | null): string | null {
  const h = cleanText(href);
  if (h === null) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The host of a URL without `www.`, or null. */
export function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

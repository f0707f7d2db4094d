/** What a store location (`--db`, CORROBORATE_DB) names: a PostgreSQL database by URL, or an SQLite file by path. */

/** A `postgres://` or `postgresql://` URL (a PostgreSQL store) rather than a file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** Query parameters of a connection URL that carry a password (libpq's and pg's names). */
export const SECRET_PARAMS = ['password', 'sslpassword'] as const;

/** `location` as messages show it: a URL's passwords (user part, `?password=`, `?sslpassword=`) as `***`; a file path as it is. */
export function shownLocation(location: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
  try {
    const url = new URL(location);
    if (url.password === '' && !SECRET_PARAMS.some((key) => url.searchParams.has(key))) return location;
    if (url.password !== '') url.password = '***';
    for (const key of SECRET_PARAMS) if (url.searchParams.has(key)) url.searchParams.set(key, '***');
    return url.toString();
  } catch {
    return location.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@').replace(/([?&](?:ssl)?password=)[^&]*/gi, '$1***');
  }
}

// Small pieces of Go's net/http behaviour that etcd's HTTP answers show: plain-text errors and CORS headers.
import type { ServerResponse } from 'node:http';

/**
 * Go's http.Error: text/plain body with a trailing newline and X-Content-Type-Options: nosniff. etcd answers
 * wrong methods, unknown paths and an unhealthy /health this way.
 */
export function goHttpError(
  res: ServerResponse,
  status: number,
  text: string,
  headers?: Record<string, string>,
): void {
  const body = text + '\n';
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** etcd 3.4 answers a non-GET on /health and /version with 405 and `Allow: GET`. */
export function requireGet(method: string | undefined, res: ServerResponse): boolean {
  if (method === 'GET') return true;
  goHttpError(res, 405, 'Method Not Allowed', { Allow: 'GET' });
  return false;
}

/** The CORS headers etcd 3.4 puts on every HTTP answer of its client port. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Headers': 'accept, content-type, authorization',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS, PUT, DELETE',
  'Access-Control-Allow-Origin': '*',
};

/**
 * Who may drive the browser harness. Binding to 127.0.0.1 keeps other machines out, but any web site the user
 * visits can still make the browser send requests to loopback: a `<form enctype="text/plain">` or a no-cors
 * `fetch` POSTs without a preflight, and a DNS-rebound name reaches the port under another Host. So:
 * - Host must be ours (DNS rebinding), and an Origin, when the browser sends one, must be ours (cross-site pages);
 * - every API, stage and event request carries a secret made per launch in a custom header. Only a page that
 *   was opened from the printed URL (the token rides in its fragment, which is never sent over the wire) knows
 *   it, and a custom header on a cross-origin request forces a CORS preflight, which we refuse;
 * - the API takes `application/json` only, a type no form and no no-cors fetch can send.
 * Pure checks on the request; server.ts decides what to do with a refusal.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { TOKEN_HEADER, TOKEN_KEY } from './wire'

export interface Refusal {
  status: 403 | 415
  message: string
}

/** 256 random bits, URL-safe: it goes into a URL fragment and an HTTP header unchanged. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** The URL to open: the token travels in the fragment, so it is never sent to the server or put in a Referer. */
export function urlWithToken(origin: string, token: string): string {
  return `${origin}/#${TOKEN_KEY}=${token}`
}

/** Host (rebinding) and Origin (cross-site pages) checks, for every request including static files. */
export function checkOrigin(req: IncomingMessage, own: { host: string; origin: string }): Refusal | null {
  if (req.headers.host !== own.host) return { status: 403, message: 'Forbidden host' }
  // Browsers omit Origin on same-origin GETs and send it on every POST and cross-origin request; "null"
  // (sandboxed frames, file: pages) is not ours either.
  const origin = req.headers.origin
  if (origin !== undefined && origin !== own.origin) {
    return { status: 403, message: `Requests from ${origin} are refused: only the harness's own page may call it` }
  }
  return null
}

/** The per-launch secret in TOKEN_HEADER, compared in constant time. */
export function checkToken(req: IncomingMessage, token: string): Refusal | null {
  const sent = req.headers[TOKEN_HEADER]
  if (typeof sent !== 'string' || sent === '') {
    return { status: 403, message: 'Missing harness token: open the URL the harness printed (it ends in #token=…)' }
  }
  const a = Buffer.from(sent)
  const b = Buffer.from(token)
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return { status: 403, message: 'Wrong harness token: open the URL this run of the harness printed' }
  }
  return null
}

/** `application/json` (parameters such as charset allowed): the one type a cross-site form or no-cors fetch cannot send. */
export function checkJsonType(req: IncomingMessage): Refusal | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/json') return null
  return { status: 415, message: `The harness API accepts only Content-Type: application/json (got ${type || 'none'})` }
}

/**
 * Headers on every response: no site may frame the harness (clickjacking the import or delete buttons), guess
 * content types, or embed its responses cross-origin. `frame-ancestors` only works as a header, not in the meta CSP.
 */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-frame-options', 'DENY')
  res.setHeader('content-security-policy', "frame-ancestors 'none'")
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('cross-origin-resource-policy', 'same-origin')
  res.setHeader('referrer-policy', 'no-referrer')
}

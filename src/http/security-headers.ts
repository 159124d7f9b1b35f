import type Koa from 'koa'

/**
 * Pages load their scripts and styles from /assets only (no inline code, no other site), talk only
 * to this server, and may not be framed; fetch() with method POST still sends an Origin header under
 * Referrer-Policy same-origin, which sameOrigin() relies on.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/**
 * Set on every answer before anything else runs, so pages, API answers and error answers all carry
 * them. A dozen lines of our own rather than koa-helmet: the set is fixed, and each header is here to
 * read and test.
 */
export function securityHeaders(): Koa.Middleware {
  return async (ctx, next) => {
    ctx.set(HEADERS)
    // Personal records must not linger in a shared computer's cache.
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/simulator/api/')) ctx.set('Cache-Control', 'no-store')
    await next()
  }
}

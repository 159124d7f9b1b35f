import type Koa from 'koa'
import helmet from 'koa-helmet'

/**
 * Pages load their scripts and styles from /assets only (no inline code, no other site), talk only
 * to this server, and may not be framed; fetch() with method POST still sends an Origin header under
 * Referrer-Policy same-origin, which sameOrigin() relies on.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
}

/**
 * helmet (through koa-helmet) on every answer before anything else runs, so pages, API answers and error
 * answers all carry the headers it keeps current. Two of its defaults are off, each for a reason:
 * its CSP defaults add `upgrade-insecure-requests`, which breaks the pages when the server is reached
 * over plain HTTP on a LAN address (HTTP_HOST=0.0.0.0); and Strict-Transport-Security belongs to the TLS
 * proxy in front, which knows the domain (helmet's `includeSubDomains` would bind a federation's
 * whole domain to HTTPS for a year).
 */
export function securityHeaders(): Koa.Middleware {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  })
  return async (ctx, next) => {
    // Personal records must not linger in a shared computer's cache.
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/simulator/api/')) ctx.set('Cache-Control', 'no-store')
    await headers(ctx, next)
  }
}

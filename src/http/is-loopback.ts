/** A host name or address that only this machine can reach: localhost, 127.0.0.0/8 or ::1. */
export function isLoopback(host: string | undefined): boolean {
  const h = (host ?? '').replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h)
}

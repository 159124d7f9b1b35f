import { randomBytes } from 'node:crypto'

/**
 * A new ObjectId as hex, chosen before the write (an import names every unit and person it will add,
 * so writing a batch again finds them there): seconds since 1970 then random bytes, like MongoDB's own.
 */
export function newId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
  return seconds + randomBytes(8).toString('hex')
}

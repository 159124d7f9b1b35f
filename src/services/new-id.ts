import { randomBytes } from 'node:crypto'

const PROCESS = randomBytes(5).toString('hex')
let counter = randomBytes(3).readUIntBE(0, 3)

/**
 * A new ObjectId as hex, chosen before the write (an import names every unit and person it will add,
 * so writing a batch again finds them there), made as MongoDB makes its own: seconds since 1970, this
 * process, a counter: ids in the order they are made, so the `_id` index grows at its end.
 */
export function newId(): string {
  counter = (counter + 1) % 0x1000000
  const seconds = Math.floor(Date.now() / 1000)
  return seconds.toString(16).padStart(8, '0') + PROCESS + counter.toString(16).padStart(6, '0')
}

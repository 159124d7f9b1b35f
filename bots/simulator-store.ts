import type { Logger } from '../src/logger'
import type { SimulatorRepo } from '../src/repos/simulator-repo'
import type { SimulatorWorldStore } from './simulator-world'

/**
 * Keeps the simulator's contacts and rooms in the database as the world makes them: the world is
 * synchronous (WeChat ids are derived from names), so writes run behind it, one at a time in the order
 * they were made (a room's later member list is never overwritten by an earlier one); `flush` waits for
 * them, and stopping the services calls it.
 */
export function simulatorStore(
  repo: SimulatorRepo,
  log: Logger,
): { store: SimulatorWorldStore; flush(): Promise<void> } {
  let chain = Promise.resolve()
  const keep = (write: () => Promise<void>) => {
    chain = chain.then(write).catch((err) => log.warn('simulator world not saved', { err }))
  }
  return {
    store: {
      contact: (contact) => keep(() => repo.saveContact(contact)),
      room: (room) => keep(() => repo.saveRoom(room)),
    },
    flush: () => chain,
  }
}

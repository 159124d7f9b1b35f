import type { Models } from './models'
import { setById } from './to-plain'

export interface SimulatedContact {
  id: string
  name: string
}

export interface SimulatedRoom {
  id: string
  topic: string
  /** Members other than the bot. */
  memberIds: string[]
  /** Whether the bot is in it (someone may have removed it). */
  botIn: boolean
}

/**
 * The built-in simulator's WeChat: the contacts and rooms it has made, so that after a restart of
 * `npm start` the bot is still in its groups and friends with the people it talked to, as it would be
 * in real WeChat (a notice queued before the restart is delivered after it). Written when a contact or
 * room appears or a room's members change, never per message; read once at start.
 */
export function createSimulatorRepo({ SimulatorThing: S }: Models) {
  async function saveContact(contact: SimulatedContact): Promise<void> {
    await setById(S, contact.id, { kind: 'contact', name: contact.name, memberIds: [], botIn: false })
  }

  async function saveRoom(room: SimulatedRoom): Promise<void> {
    await setById(S, room.id, { kind: 'room', name: room.topic, memberIds: room.memberIds, botIn: room.botIn })
  }

  async function load(): Promise<{ contacts: SimulatedContact[]; rooms: SimulatedRoom[] }> {
    const docs = await S.find({}).lean()
    return {
      contacts: docs.filter((d) => d.kind === 'contact').map((d) => ({ id: d._id, name: d.name })),
      rooms: docs
        .filter((d) => d.kind === 'room')
        .map((d) => ({ id: d._id, topic: d.name, memberIds: d.memberIds ?? [], botIn: d.botIn })),
    }
  }

  return { saveContact, saveRoom, load }
}

export type SimulatorRepo = ReturnType<typeof createSimulatorRepo>

import type { Models } from './models'
import type { GroupDoc } from './documents'
import type { Group } from '../domain/entities'
import type { GroupKind } from '../domain/vocabulary'
import { idOf, oid } from './to-plain'
import { createTtlCache } from './ttl-cache'

function toGroup(doc: GroupDoc): Group {
  return {
    roomId: doc._id,
    topic: doc.topic,
    kind: doc.kind,
    orgId: doc.orgId ? idOf(doc.orgId) : null,
    mentionBehind: !!doc.mentionBehind,
    ...(doc.autoRecordOff ? { autoRecordOff: true as const } : {}),
  }
}

export function createGroupRepo({ Group: G }: Models, options: { cacheMs?: number } = {}) {
  /** What a room is (null: not known), for the message path: one lookup by key, or none when cached. */
  const byRoom = createTtlCache<string, Group | null>(options.cacheMs ?? 60_000, 5_000)

  async function findByRoomId(roomId: string): Promise<Group | undefined> {
    const cached = byRoom.get(roomId)
    if (cached !== undefined) return cached ?? undefined
    const doc = await G.findById(roomId).lean()
    const group = doc ? toGroup(doc) : undefined
    byRoom.set(roomId, group ?? null)
    return group
  }

  async function bind(
    input: { roomId: string; topic: string; kind: GroupKind; orgId: string; boundBy: string },
    now: Date,
  ): Promise<Group> {
    const doc = await G.findOneAndUpdate(
      { _id: input.roomId },
      {
        $set: {
          topic: input.topic,
          kind: input.kind,
          orgId: oid(input.orgId),
          boundBy: oid(input.boundBy),
          boundAt: now,
        },
      },
      { upsert: true, returnDocument: 'after' },
    ).lean()
    byRoom.delete(input.roomId)
    return toGroup(doc!)
  }

  /** Bound groups of some kinds, optionally within some units. */
  async function listBound(kinds: readonly GroupKind[], orgIds?: string[]): Promise<Group[]> {
    const filter = orgIds ? { kind: { $in: kinds }, orgId: { $in: orgIds.map(oid) } } : { kind: { $in: kinds } }
    const docs = await G.find(filter).sort({ _id: 1 }).lean()
    return docs.map(toGroup)
  }

  async function setMentionBehind(roomId: string, on: boolean): Promise<void> {
    await G.updateOne({ _id: roomId }, { $set: { mentionBehind: on } })
    byRoom.delete(roomId)
  }

  async function setAutoRecord(roomId: string, on: boolean): Promise<void> {
    await G.updateOne({ _id: roomId }, { $set: { autoRecordOff: !on } })
    byRoom.delete(roomId)
  }

  return { findByRoomId, bind, listBound, setMentionBehind, setAutoRecord }
}

export type GroupRepo = ReturnType<typeof createGroupRepo>

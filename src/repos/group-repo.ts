import type { Models } from './models'
import type { Group } from '../domain/entities'
import type { GroupKind } from '../parser/command-types'
import { idOf, oid } from './to-plain'

type GroupDoc = { roomId: string; topic: string; kind: GroupKind | null; orgId: unknown; mentionBehind?: boolean }

function toGroup(doc: GroupDoc): Group {
  return {
    roomId: doc.roomId,
    topic: doc.topic,
    kind: doc.kind,
    orgId: doc.orgId ? idOf(doc.orgId) : null,
    mentionBehind: !!doc.mentionBehind,
  }
}

export function createGroupRepo({ Group: G }: Models) {
  async function findByRoomId(roomId: string): Promise<Group | undefined> {
    const doc = await G.findOne({ roomId }).lean<GroupDoc>()
    return doc ? toGroup(doc) : undefined
  }

  async function bind(
    input: { roomId: string; topic: string; kind: GroupKind; orgId: string; boundBy: string },
    now: Date,
  ): Promise<Group> {
    const doc = await G.findOneAndUpdate(
      { roomId: input.roomId },
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
    ).lean<GroupDoc>()
    return toGroup(doc!)
  }

  /** Bound groups of a kind (or of every kind), optionally within some units. */
  async function listBound(kinds: GroupKind[], orgIds?: string[]): Promise<Group[]> {
    const filter: Record<string, unknown> = { kind: { $in: kinds } }
    if (orgIds) filter.orgId = { $in: orgIds.map(oid) }
    const docs = await G.find(filter).sort({ roomId: 1 }).lean<GroupDoc[]>()
    return docs.map(toGroup)
  }

  async function setMentionBehind(roomId: string, on: boolean): Promise<void> {
    await G.updateOne({ roomId }, { $set: { mentionBehind: on } })
  }

  return { findByRoomId, bind, listBound, setMentionBehind }
}

export type GroupRepo = ReturnType<typeof createGroupRepo>

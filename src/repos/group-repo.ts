import type { Models } from './models'
import type { Group } from '../domain/entities'
import type { GroupKind } from '../parser/command-types'
import { idOf, oid } from './to-plain'

type GroupDoc = { roomId: string; topic: string; kind: GroupKind | null; orgId: unknown }

function toGroup(doc: GroupDoc): Group {
  return { roomId: doc.roomId, topic: doc.topic, kind: doc.kind, orgId: doc.orgId ? idOf(doc.orgId) : null }
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

  return { findByRoomId, bind }
}

export type GroupRepo = ReturnType<typeof createGroupRepo>

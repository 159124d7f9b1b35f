/** Where a queued message goes, as one string: `room:<roomId>` or `contact:<contactId>`. */
export function targetOfRoom(roomId: string): string {
  return `room:${roomId}`
}

export function targetOfContact(contactId: string): string {
  return `contact:${contactId}`
}

export function parseTarget(target: string): { kind: 'room' | 'contact'; id: string } {
  const at = target.indexOf(':')
  return { kind: target.slice(0, at) === 'room' ? 'room' : 'contact', id: target.slice(at + 1) }
}

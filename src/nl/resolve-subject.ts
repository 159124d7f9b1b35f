import type { DutyKind } from '../domain/checklist'
import { findKnown, isCertain, type Known } from './find-known'
import { indexKnown, type KnownIndex } from './known-index'
import { isSurnameAndHonorific, joinSplitNames, stripHonorific } from './people'
import { namesakeOf } from './namesake'

/**
 * Who a name typed after a command is: someone she logged before (certain when written the same way,
 * with or without honorific and spaces; asked about when only like it: a given name, a surname and
 * 阿姨, a name that sounds the same), or someone new.
 */
export type Resolution =
  | { sure: true; subject: string; kind: DutyKind }
  | { sure: false; subject: string; kind: DutyKind; written: string; listed?: true; namesake?: true }
  | { open: Known[]; written: string }

/** Contact items switch to the kind the known subject was logged under (#联系 王建国家 is a family). */
const SWITCHABLE = new Set<DutyKind>(['representatives', 'poorFamily'])

export function resolveSubject(typed: string, kind: DutyKind, list: readonly Known[] | KnownIndex): Resolution {
  const known = indexKnown(list)
  const joined = joinSplitNames(typed).replace(/[ \u3000]+/g, '')
  const name = isSurnameAndHonorific(joined) ? joined : stripHonorific(joined)
  const kindOf = (k: Known) => (SWITCHABLE.has(kind) && SWITCHABLE.has(k.kind) ? (k.kind as DutyKind) : kind)
  const exact = known.find(name)
  if (exact) return { sure: true, subject: exact.subject, kind: kindOf(exact) }
  // 张丽华 where she logged 张丽 (or 张丽 where she logged 张丽华): maybe another woman, so asked.
  const namesake = namesakeOf(name, known)
  if (namesake)
    return {
      sure: false,
      subject: namesake.subject,
      kind: kindOf(namesake),
      written: name,
      namesake: true,
      ...(namesake.listed ? { listed: true as const } : {}),
    }
  const mentions = findKnown(name, known).filter((m) => m.written.length >= name.length - 1)
  const [m] = mentions
  if (mentions.length !== 1 || !m) return { sure: true, subject: name, kind }
  if (m.candidates.length > 1) return { open: m.candidates, written: typed }
  const k = m.candidates[0]!
  if (isCertain(m)) return { sure: true, subject: k.subject, kind: kindOf(k) }
  return {
    sure: false,
    subject: k.subject,
    kind: kindOf(k),
    written: name,
    ...(k.listed ? { listed: true as const } : {}),
  }
}

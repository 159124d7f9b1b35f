import { LIMITS } from '../domain/vocabulary'
import type { Audience, GroupKind, Parsed } from './command-parts'
import { parsed as ok, type ParseUse } from './command-spec'

/** `defaulted`: she named no audience, so it goes to executives' groups only (and the answer says so). */
export interface NoticeCommand {
  type: 'notice'
  audience: Audience
  content: string
  defaulted?: true
}

export function groupKind(word: string | undefined): GroupKind | undefined {
  if (!word) return undefined
  if (/^(执委|执委群|执委工作群|执委工作交流群)$/.test(word)) return 'executive'
  if (/^(群众|群众群|联系群众群)$/.test(word)) return 'constituent'
  return undefined
}

export function parseNotice(words: string[], use: ParseUse): Parsed<NoticeCommand> {
  const { usageError } = use
  const first = words[0]
  // Without an audience only the executives' groups: a notice meant for them must not reach the public.
  let audience: Audience = 'executive'
  let defaulted = true
  let rest = words
  if (first === '全部' || first === '所有群') {
    audience = 'all'
    defaulted = false
    rest = words.slice(1)
  } else if (groupKind(first)) {
    audience = groupKind(first)!
    defaulted = false
    rest = words.slice(1)
  }
  const content = rest.join(' ')
  if (!content) return usageError('请写上通知内容。')
  if (content.length > LIMITS.content) return usageError(`通知最多 ${LIMITS.content} 字。`, 'tooLong')
  return ok({ type: 'notice', audience, content, ...(defaulted ? { defaulted: true as const } : {}) })
}

import { chineseNumber } from './chinese-number'

/**
 * Whether a group message acknowledges a notice, as people answer them: 收到, 收到了, 收到收到, 好的，收到,
 * 收到[强], 👌, 已阅, OK, 明白, @许干部 收到, 收到3号, 3号通知收到了, 上周那个通知收到了. (A lone "1" is an
 * answer, see read-intent: a receipt only when no question waits.) Not: 收到钱了吗,
 * 我没收到通知啊, 快递收到了, 收到的慰问品放村委会了.
 */
export type Receipt = { notice: 'newest' } | { notice: 'beforeThisWeek' } | { notice: number }

const NOT = /没收到|没有收到|未收到|收到(?:了)?(?:吗|没|么|嘛)|收到钱|收到的|快递|包裹|红包|转账|还没/
/** The first words must be nothing but acknowledgement; what follows may be anything (谢谢许主任, 马上落实). */
const ACK_WORDS =
  /^(?:好的|好滴|好嘞|好|嗯+|ok|okay|明白|了解|知道了|晓得了?|已阅|已读|已收到|收到(?:了|啦|咯|喇|嘞)?(?:哈|呀|哦|噢|哟|撒)?|要得|看到了|好嘅|收着了?|👌|✅|🆗)+$/i
/** Assent that acknowledges a notice alone, but not before other words. */
const SOFT = /^(?:嗯+|好|哦|好的|好嘅|好滴|好嘞|要得(?:要得)?|看到了)$/i
/** Words that say she got it, after a notice's number: 3号通知收到, 通知3 已阅, 第3条知道了. */
const GOT = '(?:我)?(?:已经?)?(?:收到|已阅|已读|知道了|明白)'
/** 👍 is praise as often as acknowledgement ("👍👍 辛苦了"); four writers of five read a lone one as no receipt. */
const KEPT_EMOJI = new Set(['👌', '✅'])

function clean(text: string): string {
  return (
    text
      .replace(/@\S+[\s\u2005]*/g, ' ')
      // "[OK][OK]": WeChat's OK sticker acknowledges as OK does.
      .replace(/\[(?:OK|ok|好的|收到)\]/g, ' OK ')
      .replace(/\[[\u4e00-\u9fffA-Za-z]{1,4}\]/g, ' ')
      .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, (c) => (KEPT_EMOJI.has(c) ? c : ' '))
      .replace(/[＃]/g, '#')
      .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/(第)?([一二三四五六七八九十]{1,3})(?=号|个|条)/g, (all, th: string | undefined, n: string) =>
        String(chineseNumber(n) ?? all).replace(/^/, th ?? ''),
      )
      .replace(/\s+/g, ' ')
      .trim()
  )
}

export function readReceipt(text: string): Receipt | undefined {
  const s = clean(text)
  if (!s || NOT.test(s) || s.length > 30) return undefined
  const numbered =
    /^#?收到\s*第?\s*(\d{1,6})\s*号?/.exec(s) ?? /(?:第\s*)?(\d{1,6})\s*号(?:的)?通知(?:我)?(?:已经?)?收到/.exec(s)
  const after =
    new RegExp(`^#?通知\\s*第?\\s*(\\d{1,6})\\s*号?[，,\\s]*${GOT}`).exec(s) ??
    new RegExp(`(?:^|[\\s，,])第?\\s*(\\d{1,3})\\s*(?:号|个|条)(?:的)?(?:通知)?[，,\\s]*${GOT}`).exec(s)
  if (numbered ?? after) return { notice: Number((numbered ?? after)![1]) }
  if (/^(?:上周|上礼拜|上星期)(?:那个|的)?通知(?:我)?(?:已经?)?收到/.test(s)) return { notice: 'beforeThisWeek' }
  if (/^(?:今天|今早|早上|上午|刚才|刚发|最新)(?:早上|上午)?(?:那个|的)?通知(?:我)?(?:已经?)?收到/.test(s))
    return { notice: 'newest' }
  if (/^#收到$/.test(s)) return { notice: 'newest' }
  // "许主任今天早上发的那个通知我收到了": a sentence about the notice that ends with having got it.
  if (/^[^，,。？?]{0,16}(?:那个|这个|的)通知(?:我|俺)?(?:已经?|都)?收到(?:了|啦)?[。.!！]*$/.test(s))
    return { notice: /上周|上礼拜|上星期/.test(s) ? 'beforeThisWeek' : 'newest' }
  // "通知收到了", "上周那个通知我看到了 收到": a short line about a notice that says she got it.
  if (/通知/.test(s) && /收到|看到了|已阅|已读|知道了|明白了/.test(s) && !/[？?吗]/.test(s))
    return { notice: /上周|上礼拜|上星期/.test(s) ? 'beforeThisWeek' : 'newest' }
  // "收到收到嗯我在开三轮车呢": the acknowledgement first, then what she is doing.
  if (/^(?:收到(?:了|啦)?|好的)+(?=嗯|我|俺|马上|这就)/.test(s)) return { notice: 'newest' }
  const words = s.split(/[，,。.！!～~、\s]+/).filter(Boolean)
  const first = words[0] ?? ''
  const rest = words.slice(1)
  // "嗯 今天去 老王家 了", "好 我明天去", "要得要得，明天开会我早点到": a word of assent before more words is no
  // acknowledgement, unless one of them is ("要得 收到", "好的，收到").
  if (rest.length > 0 && SOFT.test(first) && !rest.some((w) => ACK_WORDS.test(w) && !SOFT.test(w))) return undefined
  // "好嘞，俺下午过去找你": an answer to a colleague, not to the notice.
  if (rest.some((w) => /你/.test(w)) && !rest.some((w) => ACK_WORDS.test(w))) return undefined
  return ACK_WORDS.test(first) ? { notice: 'newest' } : undefined
}

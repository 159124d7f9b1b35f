import { addDays, formatDate, type LocalDate } from '../../src/domain/zoned-time'
import { describeDate } from './dates'

const THIS_WEEK = /这周|本周|这个?星期|这个?礼拜|这几天/
const LAST_WEEK = /上个?(?:周|星期|礼拜)/

/**
 * What a line of a question says when its date was vague (上礼拜, 前阵子, 这周): the day it is proposed
 * with (today, see readMessage) and how to change it, with an
 * example of a day she may mean (last week's Monday for 上礼拜, else this week's or a week ago).
 */
export function vagueDateNote(phrase: string, today: LocalDate): string {
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() || 7
  const monday = addDays(today, 1 - weekday)
  const example = LAST_WEEK.test(phrase)
    ? addDays(monday, -7)
    : formatDate(monday) === formatDate(today)
      ? addDays(today, -7)
      : monday
  const when = THIS_WEEK.test(phrase) ? '本周' : `“${phrase}”先按今天记`
  return `（日期：${when}，回复 改日期 ${describeDate(example, today)} 可以改）`
}

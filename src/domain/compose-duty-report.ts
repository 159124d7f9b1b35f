import { checklistItem, isDutyKind, type ChecklistItem } from './checklist'
import { countLedger, type LedgerItem } from './ledger'
import { evaluateProgress } from './progress'
import { targetText } from './format-progress'
import { maskSensitive } from './mask-sensitive'
import { parseIsoDate, type LocalDate } from './zoned-time'
import type { Role } from './entities'

/** A need she opened, as the needs ledger keeps it. */
export interface ReportNeed {
  id: string
  number: number
  content: string
  /** YYYY-MM-DD */
  date: string
  resolvedOn: LocalDate | null
}

export interface DutyReportInput {
  name: string
  unit: string
  role: Role
  year: number
  /** Her ledger for the year (domain/ledger). */
  items: readonly LedgerItem[]
  /** What she wrote with each record (a duty item's detail, a diary entry's text), by record id. */
  texts: ReadonlyMap<string, string>
  /** The needs she opened. */
  needs: readonly ReportNeed[]
  /** Her unit's checklist. */
  checklist: readonly ChecklistItem[]
  /** The day it is made: the figures are as of then. */
  today: LocalDate
}

export interface ReportEntry {
  /** "3月5日" */
  date: string
  subject: string
  detail: string
}

export interface ReportItem {
  label: string
  count: number
  /** What the count counts: 人, 户, 次, 篇… */
  measure: string
  target: string
  done: boolean
  entries: ReportEntry[]
  /** Entries left out to keep the report to two pages. */
  more: number
}

export interface DutyReport {
  year: number
  name: string
  title: string
  basics: [string, string][]
  overview: string
  items: ReportItem[]
  /** Records of items her unit's checklist no longer has (switched off mid-year). */
  others: ReportItem[]
  resolvedNeeds: { number: number; content: string; opened: string; resolved: string }[]
  openNeeds: { number: number; content: string; opened: string }[]
  diary: { date: string; excerpt: string }[]
  diaryTotal: number
  /** The two parts she writes herself. */
  blanks: readonly string[]
}

/** Entries shown per item, fewer for a busy year: two pages hold about 40 lines of them. */
const MAX_ENTRIES = 8
const BUSY_ENTRIES = 4
const ENTRY_BUDGET = 40
const MAX_DIARY = 8
const EXCERPT = 40
const ROLE: Record<Role, string> = { executive: '执委', chair: '主席', admin: '管理员' }
const MEASURES: Record<string, string> = {
  representatives: '人',
  poorFamily: '户',
  problemSolved: '个',
  onlineGroup: '个',
  socialOrg: '个',
  publicService: '次',
  report: '篇',
  proposal: '件',
}
const measureOf = (item: Pick<ChecklistItem, 'key' | 'rule'>) =>
  MEASURES[item.key] ?? (item.rule === 'days' ? '天' : item.rule === 'distinct' ? '个' : '次')

const dayText = (d: LocalDate) => `${d.month}月${d.day}日`
const fullDay = (d: LocalDate) => `${d.year}年${d.month}月${d.day}日`
const byDate = (a: LedgerItem, b: LedgerItem) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.at - b.at)
const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n).join('') + '……' : s)

/** At most `n` of a list, spread over it (the first and the last kept): a year's diary, not its January. */
export function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list]
  return Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / (n - 1))]!)
}

function entriesOf(records: readonly LedgerItem[], texts: ReadonlyMap<string, string>, cap: number) {
  const sorted = [...records].sort(byDate)
  const entries = sorted.slice(0, cap).map((r) => ({
    date: dayText(parseIsoDate(r.date)),
    subject: maskSensitive(r.subject ?? ''),
    detail: maskSensitive(texts.get(r.id) ?? ''),
  }))
  return { entries, more: sorted.length - entries.length }
}

const recordsOf = (items: readonly LedgerItem[], key: string) =>
  items.filter((i) => (isDutyKind(key) ? i.kind === key : i.kind === 'added' && i.item === key))

/** Her records of items her unit's checklist no longer has (switched off mid-year): listed, not counted. */
function otherItems(duties: readonly LedgerItem[], input: DutyReportInput, cap: number): ReportItem[] {
  const known = new Set(input.checklist.map((i) => i.key))
  const keys = new Set(duties.map((i) => (i.kind === 'added' ? (i.item ?? '') : i.kind)))
  return [...keys]
    .filter((k) => !known.has(k))
    .map((k) => ({
      label: isDutyKind(k) ? checklistItem(k).label : '其他记录',
      count: recordsOf(duties, k).length,
      measure: '条',
      target: '',
      done: false,
      ...entriesOf(recordsOf(duties, k), input.texts, cap),
    }))
}

/** The needs of her ledger, with their contents from the needs ledger: resolved ones, then open ones. */
function needsOf(input: DutyReportInput): Pick<DutyReport, 'resolvedNeeds' | 'openNeeds'> {
  const needs = new Map(input.needs.map((n) => [n.id, n]))
  const hers = input.items
    .filter((i) => i.kind === 'need')
    .sort(byDate)
    .flatMap((i) => needs.get(i.id) ?? [])
  const opened = (n: ReportNeed) => ({
    number: n.number,
    content: maskSensitive(n.content),
    opened: dayText(parseIsoDate(n.date)),
  })
  return {
    resolvedNeeds: hers.filter((n) => n.resolvedOn).map((n) => ({ ...opened(n), resolved: dayText(n.resolvedOn!) })),
    openNeeds: hers.filter((n) => !n.resolvedOn).map(opened),
  }
}

/** At most MAX_DIARY of her diary entries, spread over the year, each clipped to an excerpt. */
function diaryOf(input: DutyReportInput): Pick<DutyReport, 'diary' | 'diaryTotal'> {
  const diaries = input.items.filter((i) => i.kind === 'diary').sort(byDate)
  const diary = spread(diaries, MAX_DIARY).map((d) => ({
    date: dayText(parseIsoDate(d.date)),
    excerpt: clip(maskSensitive(input.texts.get(d.id) ?? ''), EXCERPT),
  }))
  return { diary, diaryTotal: diaries.length }
}

/**
 * Her 述职报告 as the federation's usual shape has it: 基本情况, 履职清单完成情况 item by item (names,
 * dates, the needs she resolved), 妇情日记摘要, and 存在的不足和明年打算 left for her. Pure: made of
 * her own records only, every free text masked (mask-sensitive), long lists cut so it stays within two
 * pages (each cut says how many it left out).
 */
export function composeDutyReport(input: DutyReportInput): DutyReport {
  const { items, texts, year } = input
  const counts = countLedger(items)
  const statuses = evaluateProgress(counts, input.checklist)
  const duties = items.filter((i) => i.kind !== 'diary' && i.kind !== 'need')
  const cap = duties.length > ENTRY_BUDGET ? BUSY_ENTRIES : MAX_ENTRIES
  const reportItems = input.checklist.map((item, i) => ({
    label: item.label,
    count: statuses[i]!.count,
    measure: measureOf(item),
    target: targetText(item.min, item.max),
    done: statuses[i]!.done,
    ...entriesOf(recordsOf(items, item.key), texts, cap),
  }))
  const done = statuses.filter((s) => s.done).length
  const asOf = year < input.today.year ? `${year}年12月31日` : fullDay(input.today)
  return {
    year,
    name: input.name,
    title: `${year}年度述职报告`,
    basics: [
      ['姓名', input.name],
      ['单位', input.unit],
      ['身份', `妇联${ROLE[input.role]}`],
      ['述职年度', `${year}年`],
    ],
    overview:
      `${year}年，本人共记录履职事项 ${duties.length} 条，履职清单 ${statuses.length} 项中已完成 ${done} 项；` +
      `写妇情日记 ${counts.diary} 篇；登记妇女需求 ${counts.needsOpen + counts.needsResolved} 件，已办结 ${counts.needsResolved} 件。` +
      `（根据本人在“妇联助手”中的记录整理，统计截至${asOf}。）`,
    items: reportItems,
    others: otherItems(duties, input, cap),
    ...needsOf(input),
    ...diaryOf(input),
    blanks: ['存在的不足', '明年打算'],
  }
}

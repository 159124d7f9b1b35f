import { createHash } from 'node:crypto'
import type { DutyReport, ReportItem } from '../domain/compose-duty-report'
import { chineseOrdinal } from '../domain/chinese-ordinal'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Every text in the page is hers or her unit's: escaped, so none of it is markup. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

const STYLE = `
@page { size: A4; margin: 2.54cm 2.8cm; }
body { font-family: "SimSun", "宋体", "Noto Serif CJK SC", "Noto Sans SC", serif; font-size: 12pt; line-height: 1.5;
  margin: 0; color: #000; }
article + article { break-before: page; }
h1 { font-family: "SimHei", "黑体", "Noto Sans SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 .2em; }
h2 { font-family: "SimHei", "黑体", "Noto Sans SC", sans-serif; font-size: 14pt; margin: .8em 0 .3em; }
.sub { text-align: center; margin: 0 0 1em; }
p { text-indent: 2em; margin: .2em 0; }
ul { list-style: none; margin: 0 0 .2em 4em; padding: 0; }
table { width: 100%; border-collapse: collapse; margin: .4em 0; }
th, td { border: 1px solid #000; padding: .2em .5em; text-align: center; }
.blank { min-height: 3em; border-bottom: 1px dashed #999; margin-bottom: .6em; }
.hint { color: #777; }
.sign { text-align: right; margin-top: 1em; break-inside: avoid; }
@media screen { body { max-width: 16cm; margin: 1em auto; }
  article { border-bottom: 1px solid #ccc; padding-bottom: 2em; margin-bottom: 2em; } }
`

/**
 * The policy the page is served with: nothing loads, and its one style sheet is allowed by its hash
 * (the API's pages otherwise allow no inline style). Saved to a file, it prints the same.
 */
export const DUTY_REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

function itemHtml(item: ReportItem, n: number): string {
  const target = item.target ? `（目标 ${esc(item.target)} ${item.measure}）` : ''
  const state = item.target ? (item.done ? '，已完成。' : '，未完成。') : '（本单位清单已不含此项）。'
  const lines = item.entries.map((e) => `<li>${esc([e.date, e.subject, e.detail].filter(Boolean).join('　'))}</li>`)
  if (!item.entries.length) lines.push('<li>今年暂无记录。</li>')
  if (item.more > 0) lines.push(`<li>另有 ${item.more} 条记录，略。</li>`)
  return `<p><b>${chineseOrdinal(n)}${esc(item.label)}：</b>${item.count} ${item.measure}${target}${state}</p><ul>${lines.join('')}</ul>`
}

function needsHtml(r: DutyReport, n: number): string {
  const total = r.resolvedNeeds.length + r.openNeeds.length
  const lines = [
    ...r.resolvedNeeds.map((x) => `<li>${x.number} 号　${x.opened}登记，${x.resolved}办结：${esc(x.content)}</li>`),
    ...r.openNeeds.map((x) => `<li>${x.number} 号　${x.opened}登记，尚未办结：${esc(x.content)}</li>`),
  ]
  const head = total ? `登记 ${total} 件，办结 ${r.resolvedNeeds.length} 件。` : '今年没有登记需求。'
  return `<p><b>${chineseOrdinal(n)}妇女需求台账：</b>${head}</p><ul>${lines.join('')}</ul>`
}

function articleHtml(r: DutyReport): string {
  const items = [...r.items, ...r.others]
  const cells = r.basics.map(([k, v]) => `<th>${esc(k)}</th><td>${esc(v)}</td>`)
  const rows = [0, 2].map((i) => `<tr>${cells.slice(i, i + 2).join('')}</tr>`).join('')
  const diaryHead =
    r.diaryTotal === 0
      ? '今年暂无妇情日记。'
      : `全年共写妇情日记 ${r.diaryTotal} 篇${r.diary.length < r.diaryTotal ? `，摘录 ${r.diary.length} 篇` : ''}：`
  return `<article>
<h1>${esc(r.title)}</h1><p class="sub">${esc(r.basics[1]![1])}　${esc(r.name)}</p>
<h2>一、基本情况</h2><table>${rows}</table><p>${esc(r.overview)}</p>
<h2>二、履职清单完成情况</h2>${items.map((item, i) => itemHtml(item, i + 1)).join('')}${needsHtml(r, items.length + 1)}
<h2>三、妇情日记摘要</h2><p>${diaryHead}</p><ul>${r.diary.map((d) => `<li>${d.date}：${esc(d.excerpt)}</li>`).join('')}</ul>
<h2>四、存在的不足和明年打算</h2>${r.blanks
    .map(
      (b, i) => `<p>${chineseOrdinal(i + 1)}${esc(b)}</p><p class="hint">（请本人填写）</p><div class="blank"></div>`,
    )
    .join('')}
<p class="sign">述职人：${esc(r.name)}<br>　　年　　月　　日</p>
</article>`
}

/** The same reports as a page to print from a browser: A4, each report from a new page. */
export function dutyReportHtml(reports: readonly DutyReport[], title: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${STYLE}</style></head><body>
${reports.length ? reports.map(articleHtml).join('\n') : '<p>没有可生成述职报告的执委。</p>'}
</body></html>`
}

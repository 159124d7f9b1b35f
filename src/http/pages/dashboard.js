// The dashboard. It computes no figures itself: units' figures, rankings and who is behind come from
// /api/v1/summary, which #汇总, the workbook and the weekly post also read.
const $ = (id) => document.getElementById(id)
// Short column titles of the eight default items; an item a unit added keeps its own label.
const SHORT = {
  representatives: '联系代表',
  poorFamily: '贫困家庭',
  problemSolved: '解决问题',
  onlineGroup: '网群',
  socialOrg: '社会组织',
  publicService: '公益',
  report: '调研',
  proposal: '建议',
}
const ROLES = { admin: '管理员', chair: '主席', executive: '执委' }
const PAGE = 100
const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
const pct = (share, counted) => (counted ? Math.round(share * 100) + '%' : '—')
const avg = (u) => (u.counted ? u.averageDone.toFixed(1) : '—')
const noun = (u) => (u.chairs > 0 ? '执委和主席' : '执委')
const thisYear = new Date().getFullYear()
$('year').innerHTML = [thisYear, thisYear - 1].map((y) => `<option>${y}</option>`).join('')

// A login link (#token=…) puts the token in this tab and takes it out of the address bar and history.
if (location.hash.startsWith('#token=')) {
  sessionStorage.setItem('fulian-token', decodeURIComponent(location.hash.slice(7)))
  history.replaceState(null, '', location.pathname)
}
// The token lives in sessionStorage: gone when the tab closes, never shared with other tabs or kept on disk.
localStorage.removeItem('fulian-token')
$('token').value = sessionStorage.getItem('fulian-token') || ''

let me = null
// The rows fetched so far (one server page at a time) and where the next page starts.
let rows = []
let next = null
let counted = 0
// The units from her scope's top down to the one shown: the unit picker offers these and its children.
let path = []

async function api(path, init = {}) {
  const headers = { Authorization: 'Bearer ' + $('token').value.trim(), ...(init.headers || {}) }
  const res = await fetch(path, { ...init, headers })
  if (res.status === 401) throw new Error('令牌无效，请检查。')
  if (res.status === 403) throw new Error('这个令牌无权查看或修改该单位。')
  if (res.status === 429) throw new Error('输错次数太多，请稍后再试。')
  if (!res.ok) throw new Error('操作失败（' + res.status + '）')
  return res
}

function query() {
  const org = path.length > (me && me.org ? 1 : 0) ? path.at(-1) : ''
  return `year=${$('year').value}` + (org ? `&org=${encodeURIComponent(org)}` : '')
}

/**
 * The unit picker, one level at a time: the units from her scope's top down to the one shown, then its
 * children (from the summary, which holds the unit and its direct children). A province's thousands of
 * units are never listed at once.
 */
function fillLevel(children) {
  const option = (name, depth, label = name) =>
    `<option value="${esc(name)}">${'　'.repeat(depth)}${esc(label)}</option>`
  const top = `<option value="">${esc(me.org || '全部单位')}（我的范围）</option>`
  const trail = path.slice(me.org ? 1 : 0).map((name, i) => option(name, i + (me.org ? 1 : 0)))
  const depth = path.length
  const kids = children.map((c) => option(c.org, depth, `${c.org}（下级）`))
  $('org').innerHTML = top + trail.join('') + kids.join('')
  $('org').value = path.length > (me.org ? 1 : 0) ? path.at(-1) : ''
  // An admin issues tokens for the unit shown or one of its children.
  if ($('issue-org'))
    $('issue-org').innerHTML = [...path.map((n, i) => option(n, i)), ...children.map((c) => option(c.org, depth))].join(
      '',
    )
}

/** The path after she picks a unit: back up to one on the path, or down to a child of the one shown. */
function moveTo(name) {
  if (!name) path = me.org ? [me.org] : []
  else if (path.includes(name)) path = path.slice(0, path.indexOf(name) + 1)
  else path = [...path, name]
}

// Which load is the latest: a unit picked while another loads wins, the other's answers are dropped.
let loads = 0

async function load() {
  const mine = ++loads
  $('error').textContent = ''
  sessionStorage.setItem('fulian-token', $('token').value.trim())
  try {
    if (!me) {
      me = await (await api('/api/v1/me')).json()
      $('who').textContent = `当前令牌：${me.label}（${ROLES[me.role] || me.role} · ${me.org || '全部单位'}）`
      path = me.org ? [me.org] : []
      $('org').innerHTML = `<option value="">${esc(me.org || '全部单位')}（我的范围）</option>`
    }
    const summary = await (await api('/api/v1/summary?' + query())).json()
    if (mine !== loads) return
    renderSummary(summary)
    fillLevel(childrenOf(summary))
    counted = summary.unit.counted
    rows = []
    next = null
    $('table').innerHTML = ''
    await loadPage(mine)
    if (mine !== loads) return
    await window.loadChecklist()
    renderNotices(await (await api('/api/v1/notices')).json())
    renderNeeds(await (await api('/api/v1/needs')).json())
    $('tokens-section').hidden = $('audit-section').hidden = $('misreads-section').hidden = me.role !== 'admin'
    if (me.role === 'admin') await window.loadAdmin()
  } catch (e) {
    $('error').textContent = e.message
  }
}

/** The units below the one shown: its children, or the top units when her scope is a tree of several. */
function childrenOf(s) {
  const roots = s.units.filter((x) => x.depth === 0)
  return roots.length === 1 ? s.units.filter((x) => x.depth === 1) : roots
}

function renderSummary(s) {
  const u = s.unit
  const children = childrenOf(s).filter((x) => x.counted > 0)
  $('unit-title').textContent = `${u.org} · ${s.year}年${children.length ? '（含全部下级单位）' : ''}`
  const cards = [
    [`计入的${noun(u)}`, `${u.counted} 人`],
    ['平均完成', `${avg(u)} / ${u.checklistSize} 项`],
    ['进度正常', `${u.onTrack} 人 · ${pct(u.onTrackShare, u.counted)}`],
    [`${s.year}年还没有记录`, `${u.nothingYet} 人 · ${pct(u.nothingYetShare, u.counted)}`],
  ]
  if (u.rank && u.ranked > 1) cards.push(['同级排名', `第 ${u.rank} / ${u.ranked}`])
  $('cards').innerHTML = cards.map(([k, v]) => `<div class="card">${esc(k)}<b>${esc(v)}</b></div>`).join('')
  $('unit-note').textContent =
    (u.chairs > 0 ? `其中执委 ${u.executives} 人、主席 ${u.chairs} 人。` : '') +
    '只计执委（本单位设置计入主席时也计主席），管理员不计入；“进度正常”指完成项数不少于按时间推算应完成的项数减一。'
  $('units-section').hidden = children.length === 0
  children.sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9) || a.org.localeCompare(b.org, 'zh'))
  $('units').innerHTML = children
    .map(
      (c) =>
        `<li><div class="unit-line"><span class="rank">${c.rank || '—'}</span><button type="button" class="unit-name" data-org="${esc(c.org)}">${esc(c.org)}</button>` +
        `<span class="unit-figures">${avg(c)} 项 · 正常 ${pct(c.onTrackShare, c.counted)} · 无记录 ${pct(c.nothingYetShare, c.counted)} · ${c.counted} 人</span></div>` +
        `<div class="track"><div class="fill ${c.onTrackShare < 0.5 ? 'low' : ''}" data-share="${Math.min(100, (c.averageDone / c.checklistSize) * 100)}"></div></div></li>`,
    )
    .join('')
  // Widths through the CSSOM: the Content-Security-Policy forbids style="" attributes in markup.
  $('units')
    .querySelectorAll('.fill')
    .forEach((el) => (el.style.width = el.dataset.share + '%'))
  $('behind-title').textContent = s.named === 'ownLevel' ? `谁落后了（${u.org}本级）` : '谁落后了'
  const list = (people) =>
    people.map((p) => `<span class="behind">${esc(p.name)}</span>（${esc(p.org)}，${p.done}/${p.total}）`).join('、')
  const parts = []
  if (s.behind.length) parts.push(`<p>进度落后 ${s.behind.length} 人：${list(s.behind)}</p>`)
  if (s.nothingYet.length) parts.push(`<p>还没有记录 ${s.nothingYet.length} 人：${list(s.nothingYet)}</p>`)
  if (s.named === 'ownLevel') parts.push('<p>下级单位的名单：点上面的单位名称。</p>')
  $('behind').innerHTML = parts.join('') || '没有落后的人。'
}

// An added item is told apart by its code and name: two units may both have added an "item-1".
const idOf = (i) => (SHORT[i.key] ? i.key : `${i.key}:${i.label}`)

/** The items of everyone listed (units may have their own checklists): the eight first, then added ones. */
function columnsOf(list) {
  const cols = new Map(Object.entries(SHORT).map(([k, l]) => [k, { id: k, label: l, used: false }]))
  for (const r of list)
    for (const i of r.items || []) {
      if (!cols.has(idOf(i))) cols.set(idOf(i), { id: idOf(i), label: i.label, used: false })
      cols.get(idOf(i)).used = true
    }
  return [...cols.values()].filter((c) => c.used)
}

let columns = []

/** The next page of people from the server (PAGE at a time), added to the table. */
async function loadPage() {
  const res = await api(
    `/api/v1/progress?${query()}&limit=${PAGE}` + (next ? `&cursor=${encodeURIComponent(next)}` : ''),
  )
  const page = await res.json()
  next = res.headers.get('X-Next-Cursor')
  const before = columns.map((c) => c.id).join()
  rows = rows.concat(page)
  columns = columnsOf(rows)
  // A later page may bring an item a unit added: the header (and the rows shown) are drawn again.
  if (rows.length === page.length || columns.map((c) => c.id).join() !== before) drawTable(rows)
  else $('table').insertAdjacentHTML('beforeend', page.map(rowHtml).join(''))
  $('more').hidden = !next
  $('table-note').textContent = next ? `（共 ${counted} 人，已显示 ${rows.length} 人）` : `（${rows.length} 人）`
}

function drawTable(list) {
  $('table').innerHTML =
    `<tr><th>姓名</th><th>完成</th><th>等级</th>${columns.map((c) => `<th class="item">${esc(c.label)}</th>`).join('')}<th class="item">日记</th></tr>` +
    (list.length ? list.map(rowHtml).join('') : '<tr><td colspan="3" class="muted">没有计入的人。</td></tr>')
}

function rowHtml(r) {
  // An item her own checklist does not have is shown as “—”.
  const cell = (c) => {
    const item = (r.items || []).find((i) => idOf(i) === c.id)
    return `<td class="item">${item ? item.count : '—'}</td>`
  }
  return (
    `<tr><td>${esc(r.displayName || r.name)}<small>${esc(r.org)}</small></td><td>${r.done}/${r.total}</td><td>${esc(r.grade)}</td>` +
    `${columns.map(cell).join('')}<td class="item">${r.diary}</td></tr>`
  )
}

function renderNotices(list) {
  $('notices').innerHTML = list.length
    ? list
        .map(
          (n) =>
            `<p><b>第 ${n.number} 号</b> ${esc(n.content)}<br>已确认 ${n.acknowledged.length} 人${n.acknowledged.length ? '：' + n.acknowledged.map(esc).join('、') : ''}；未确认 ${n.notAcknowledged.length} 人${n.notAcknowledged.length ? '：' + n.notAcknowledged.map(esc).join('、') : ''}；群众确认 ${n.othersAcknowledged} 人</p>`,
        )
        .join('')
    : '还没有通知。'
}

function renderNeeds(list) {
  $('needs').innerHTML = list.length
    ? '<tr><th>编号</th><th>内容</th><th>状态</th></tr>' +
      list
        .map(
          (n) =>
            `<tr><td>${n.number}</td><td class="wrap">${esc(n.content)}<small>${esc(n.date)} 登记</small></td><td>${n.status === 'open' ? '未办结' : '已办结'}</td></tr>`,
        )
        .join('')
    : '<tr><td class="muted">还没有需求。</td></tr>'
}

async function download(ext) {
  try {
    const blob = await (
      await api(
        `/api/v1/review/${$('year').value}.${ext}` +
          ($('org').value ? `?org=${encodeURIComponent($('org').value)}` : ''),
      )
    ).blob()
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = `${$('year').value}年执委履职考核.${ext}`
    a.click()
  } catch (e) {
    $('error').textContent = e.message
  }
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault()
  me = null
  path = []
  $('org').innerHTML = ''
  load()
})
$('year').addEventListener('change', load)
$('org').addEventListener('change', () => {
  moveTo($('org').value)
  load()
})
$('units').addEventListener('click', (e) => {
  const org = e.target.closest('.unit-name')?.dataset.org
  if (!org) return
  moveTo(org)
  load()
})
$('more').addEventListener('click', () => loadPage().catch((e) => ($('error').textContent = e.message)))
$('xlsx').addEventListener('click', () => download('xlsx'))
$('csv').addEventListener('click', () => download('csv'))
// dashboard-admin.js loads after this file and defines loadAdmin: start once both have run.
window.addEventListener('DOMContentLoaded', () => {
  if ($('token').value) load()
})

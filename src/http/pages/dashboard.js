// The dashboard. It computes no figures itself: units' figures, rankings and who is behind come from
// /api/v1/summary, which #汇总, the workbook and the weekly post also read.
const $ = (id) => document.getElementById(id)
const ITEMS = [
  ['representatives', '联系代表'],
  ['poorFamily', '贫困家庭'],
  ['problemSolved', '解决问题'],
  ['onlineGroup', '网群'],
  ['socialOrg', '社会组织'],
  ['publicService', '公益'],
  ['report', '调研'],
  ['proposal', '建议'],
]
const ROLES = { admin: '管理员', chair: '主席', executive: '执委' }
const ACTIONS = {
  'read progress': '查看履职明细',
  'export review': '导出考核表',
  'read needs': '查看需求台账',
  'import roster': '导入名单',
  'issue token': '签发令牌',
  'revoke token': '吊销令牌',
  'set review rule': '修改考核标准',
  'set counting': '修改统计口径',
}
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
let rows = []
let shown = 0

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
  const org = $('org').value
  return `year=${$('year').value}` + (org ? `&org=${encodeURIComponent(org)}` : '')
}

/** Units in tree order, indented by level, so a leader can pick any unit of her subtree. */
function fillOrgs(orgs) {
  const kids = new Map()
  const ids = new Set(orgs.map((o) => o.id))
  for (const o of orgs) {
    const parent = ids.has(o.parentId) ? o.parentId : null
    kids.set(parent, [...(kids.get(parent) || []), o])
  }
  const out = []
  const walk = (parent, depth) =>
    (kids.get(parent) || [])
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
      .forEach((o) => {
        out.push(`<option value="${esc(o.name)}">${'　'.repeat(depth)}${esc(o.name)}</option>`)
        walk(o.id, depth + 1)
      })
  walk(null, 0)
  $('org').innerHTML = `<option value="">${esc(me.org || '全部单位')}（我的范围）</option>` + out.join('')
  $('issue-org').innerHTML = out.join('')
}

async function load() {
  $('error').textContent = ''
  sessionStorage.setItem('fulian-token', $('token').value.trim())
  try {
    if (!me) {
      me = await (await api('/api/v1/me')).json()
      $('who').textContent = `当前令牌：${me.label}（${ROLES[me.role] || me.role} · ${me.org || '全部单位'}）`
      fillOrgs(await (await api('/api/v1/orgs')).json())
    }
    renderSummary(await (await api('/api/v1/summary?' + query())).json())
    rows = await (await api('/api/v1/progress?' + query())).json()
    shown = 0
    $('table').innerHTML = ''
    renderMore()
    renderNotices(await (await api('/api/v1/notices')).json())
    renderNeeds(await (await api('/api/v1/needs')).json())
    $('tokens-section').hidden = $('audit-section').hidden = me.role !== 'admin'
    if (me.role === 'admin') {
      renderTokens(await (await api('/api/v1/tokens')).json())
      renderAudit(await (await api('/api/v1/audit')).json())
    }
  } catch (e) {
    $('error').textContent = e.message
  }
}

function renderSummary(s) {
  const u = s.unit
  const roots = s.units.filter((x) => x.depth === 0)
  const children = (roots.length === 1 ? s.units.filter((x) => x.depth === 1) : roots).filter((x) => x.counted > 0)
  $('unit-title').textContent = `${u.org} · ${s.year}年${children.length ? '（含全部下级单位）' : ''}`
  const cards = [
    [`计入的${noun(u)}`, `${u.counted} 人`],
    ['平均完成', `${avg(u)} / 8 项`],
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
        `<div class="track"><div class="fill ${c.onTrackShare < 0.5 ? 'low' : ''}" data-share="${(c.averageDone / 8) * 100}"></div></div></li>`,
    )
    .join('')
  // Widths through the CSSOM: the Content-Security-Policy forbids style="" attributes in markup.
  $('units')
    .querySelectorAll('.fill')
    .forEach((el) => (el.style.width = el.dataset.share + '%'))
  $('behind-title').textContent = s.named === 'ownLevel' ? `谁落后了（${u.org}本级）` : '谁落后了'
  const list = (people) =>
    people.map((p) => `<span class="behind">${esc(p.name)}</span>（${esc(p.org)}，${p.done}/8）`).join('、')
  const parts = []
  if (s.behind.length) parts.push(`<p>进度落后 ${s.behind.length} 人：${list(s.behind)}</p>`)
  if (s.nothingYet.length) parts.push(`<p>还没有记录 ${s.nothingYet.length} 人：${list(s.nothingYet)}</p>`)
  if (s.named === 'ownLevel') parts.push('<p>下级单位的名单：点上面的单位名称。</p>')
  $('behind').innerHTML = parts.join('') || '没有落后的人。'
}

function renderMore() {
  const next = rows.slice(shown, shown + PAGE)
  if (shown === 0)
    $('table').innerHTML =
      `<tr><th>姓名</th><th>完成</th><th>等级</th>${ITEMS.map(([, l]) => `<th class="item">${l}</th>`).join('')}<th class="item">日记</th></tr>` +
      (rows.length ? '' : '<tr><td colspan="3" class="muted">没有计入的人。</td></tr>')
  $('table').insertAdjacentHTML(
    'beforeend',
    next
      .map(
        (r) =>
          `<tr><td>${esc(r.displayName || r.name)}<small>${esc(r.org)}</small></td><td>${r.done}/8</td><td>${esc(r.grade)}</td>` +
          `${ITEMS.map(([k]) => `<td class="item">${r[k]}</td>`).join('')}<td class="item">${r.diary}</td></tr>`,
      )
      .join(''),
  )
  shown += next.length
  $('more').hidden = shown >= rows.length
  $('table-note').textContent = `（${rows.length} 人）`
}

function renderTokens(list) {
  $('tokens').innerHTML =
    '<tr><th>给谁</th><th>角色 · 单位</th><th></th></tr>' +
    list
      .map(
        (t) =>
          `<tr><td>${esc(t.label)}<small>${new Date(t.createdAt).toLocaleDateString('zh-CN')} 签发</small></td>` +
          `<td>${ROLES[t.role] || esc(t.role)} · ${esc(t.org || '全部单位')}</td><td>` +
          (t.current
            ? '正在使用'
            : t.revocable
              ? `<button type="button" class="danger" data-ref="${esc(t.ref)}" data-label="${esc(t.label)}">吊销</button>`
              : '启动配置') +
          '</td></tr>',
      )
      .join('')
}

function renderAudit(list) {
  $('audit').innerHTML =
    '<tr><th>时间</th><th>谁 · 做了什么</th><th>单位</th></tr>' +
    list
      .slice(0, 50)
      .map(
        (e) =>
          `<tr><td>${esc(new Date(e.at).toLocaleString('zh-CN', { hour12: false }))}</td>` +
          `<td>${esc(e.who)} · ${esc(ACTIONS[e.action] || e.action)}</td><td>${esc(e.org || '全部单位')}</td></tr>`,
      )
      .join('')
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

async function issue(e) {
  e.preventDefault()
  $('error').textContent = ''
  try {
    const body = { role: $('issue-role').value, org: $('issue-org').value, label: $('issue-label').value.trim() }
    const res = await api('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    $('issued-token').value = (await res.json()).token
    $('issued').hidden = false
    $('issue-label').value = ''
    renderTokens(await (await api('/api/v1/tokens')).json())
  } catch (err) {
    $('error').textContent = err.message
  }
}

async function revoke(button) {
  if (!confirm(`吊销“${button.dataset.label}”的令牌？吊销后立即不能再用。`)) return
  try {
    await api('/api/v1/tokens/' + button.dataset.ref, { method: 'DELETE' })
    renderTokens(await (await api('/api/v1/tokens')).json())
  } catch (err) {
    $('error').textContent = err.message
  }
}

/** Copies through the clipboard where the page may (https, localhost), else selects it for a long press. */
async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text)
    button.textContent = '已复制'
  } catch {
    $('issued-token').value = text
    $('issued-token').select()
    button.textContent = '已选中，长按复制'
  }
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault()
  me = null
  $('org').innerHTML = ''
  load()
})
$('year').addEventListener('change', load)
$('org').addEventListener('change', load)
$('units').addEventListener('click', (e) => {
  const org = e.target.closest('.unit-name')?.dataset.org
  if (!org) return
  $('org').value = org
  load()
})
$('more').addEventListener('click', renderMore)
$('xlsx').addEventListener('click', () => download('xlsx'))
$('csv').addEventListener('click', () => download('csv'))
$('issue').addEventListener('submit', issue)
$('tokens').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-ref]')
  if (button) revoke(button)
})
$('issued-token').addEventListener('focus', (e) => e.target.select())
$('copy-token').addEventListener('click', (e) => copy($('issued-token').value, e.target))
$('copy-link').addEventListener('click', (e) =>
  copy(`${location.origin}/dashboard#token=${encodeURIComponent($('issued-token').value)}`, e.target),
)
if ($('token').value) load()

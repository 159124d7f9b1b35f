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
const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
const thisYear = new Date().getFullYear()
$('year').innerHTML = [thisYear, thisYear - 1].map((y) => `<option>${y}</option>`).join('')
// The token lives in sessionStorage: gone when the tab closes, never shared with other tabs or kept on disk.
localStorage.removeItem('fulian-token')
$('token').value = sessionStorage.getItem('fulian-token') || ''

async function api(path) {
  const res = await fetch(path, { headers: { Authorization: 'Bearer ' + $('token').value.trim() } })
  if (res.status === 401) throw new Error('令牌无效，请检查。')
  if (res.status === 403) throw new Error('这个令牌无权查看该单位。')
  if (!res.ok) throw new Error('加载失败（' + res.status + '）')
  return res
}

function query() {
  const org = $('org').value
  return `year=${$('year').value}` + (org ? `&org=${encodeURIComponent(org)}` : '')
}

async function load() {
  $('error').textContent = ''
  sessionStorage.setItem('fulian-token', $('token').value.trim())
  try {
    if ($('org').options.length <= 1) {
      const orgs = await (await api('/api/v1/orgs')).json()
      $('org').innerHTML =
        '<option value="">全部</option>' + orgs.map((o) => `<option>${esc(o.name)}</option>`).join('')
    }
    const rows = await (await api('/api/v1/progress?' + query())).json()
    renderRows(rows)
    const notices = await (await api('/api/v1/notices')).json()
    renderNotices(notices)
    const needs = await (await api('/api/v1/needs')).json()
    renderNeeds(needs)
  } catch (e) {
    $('error').textContent = e.message
  }
}

function renderRows(rows) {
  const avg = rows.length ? rows.reduce((s, r) => s + r.done, 0) / rows.length : 0
  const excellent = rows.filter((r) => r.grade === '优秀').length
  $('cards').innerHTML = [
    ['执委人数', rows.length],
    ['平均完成项数', avg.toFixed(1)],
    ['全部完成', excellent],
    ['今年还没有记录', rows.filter((r) => ITEMS.every(([k]) => r[k] === 0) && r.diary === 0).length],
  ]
    .map(([k, v]) => `<div class="card">${k}<b>${v}</b></div>`)
    .join('')
  const byOrg = {}
  rows.forEach((r) => (byOrg[r.org] = byOrg[r.org] || []).push(r))
  $('units').innerHTML =
    Object.entries(byOrg)
      .map(([org, list]) => [org, list.reduce((s, r) => s + r.done, 0) / list.length])
      .sort((a, b) => a[1] - b[1])
      .map(
        ([org, a]) =>
          `<div class="unit"><span>${esc(org)}</span><div class="track"><div class="fill ${a < 4 ? 'low' : ''}" data-share="${(a / 8) * 100}"></div></div><span>${a.toFixed(1)}</span></div>`,
      )
      .join('') || '<div class="muted">没有数据</div>'
  // Widths through the CSSOM: the Content-Security-Policy forbids style="" attributes in markup.
  $('units')
    .querySelectorAll('.fill')
    .forEach((el) => (el.style.width = el.dataset.share + '%'))
  const behind = [...rows].sort((a, b) => a.done - b.done).filter((r) => r.done < 4)
  $('behind').innerHTML = behind.length
    ? behind.map((r) => `<span class="behind">${esc(r.name)}</span>（${esc(r.org)}，${r.done}/8）`).join('、')
    : '没有完成少于 4 项的执委。'
  $('table').innerHTML =
    `<tr><th>姓名</th><th>单位</th>${ITEMS.map(([, l]) => `<th>${l}</th>`).join('')}<th>日记</th><th>完成</th><th>等级</th></tr>` +
    rows
      .map(
        (r) =>
          `<tr><td>${esc(r.name)}</td><td>${esc(r.org)}</td>${ITEMS.map(([k]) => `<td>${r[k]}</td>`).join('')}<td>${r.diary}</td><td>${r.done}/8</td><td>${esc(r.grade)}</td></tr>`,
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
    ? '<tr><th>编号</th><th>内容</th><th>状态</th><th>登记日期</th></tr>' +
      list
        .map(
          (n) =>
            `<tr><td>${n.number}</td><td class="wrap">${esc(n.content)}</td><td>${n.status === 'open' ? '未办结' : '已办结'}</td><td>${esc(n.date)}</td></tr>`,
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

$('load').addEventListener('click', load)
$('xlsx').addEventListener('click', () => download('xlsx'))
$('csv').addEventListener('click', () => download('csv'))
if ($('token').value) load()

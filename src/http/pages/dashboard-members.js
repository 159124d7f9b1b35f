// The admin's member list, unit by unit: who is bound to a WeChat id, her role, when she last wrote to
// the bot; a binding code (shown once), unbinding (asked first) and moving her to another unit of the
// admin's. Also shows the admins' navigation and keeps these sections as hidden as the token list is.
// Loaded after dashboard.js and dashboard-import.js, whose $, esc and ROLES it uses.
const membersSection = document.createElement('section')
membersSection.id = 'members-section'
membersSection.hidden = true
membersSection.innerHTML = `
  <h2>成员与绑定 <small>（“最近发消息”按小时记录）</small></h2>
  <div class="filters">
    <label>单位 <select id="members-org" aria-label="成员所在单位"></select></label>
    <label class="check"><input id="members-unbound" type="checkbox" /> 只看未绑定</label>
  </div>
  <div id="bind-code" class="issued" hidden></div>
  <ul id="members" class="members"></ul>
  <p id="members-note" class="muted"></p>`
$('tokens-section').before(membersSection)

let units = [] // { id, name, parentId, depth } in tree order
let members = []

/** Units in tree order with their depth, as the unit filter shows them. */
function inTreeOrder(orgs) {
  const ids = new Set(orgs.map((o) => o.id))
  const kids = new Map()
  for (const o of orgs) {
    const parent = ids.has(o.parentId) ? o.parentId : null
    kids.set(parent, [...(kids.get(parent) || []), o])
  }
  const out = []
  const walk = (parent, depth) =>
    (kids.get(parent) || [])
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
      .forEach((o) => {
        out.push({ ...o, depth })
        walk(o.id, depth + 1)
      })
  walk(null, 0)
  return out
}

const unitOptions = (except) =>
  units
    .filter((u) => u.name !== except)
    .map((u) => `<option value="${esc(u.name)}">${'　'.repeat(u.depth)}${esc(u.name)}</option>`)
    .join('')

const when = (at) =>
  at
    ? new Date(at).toLocaleString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      })
    : '—'

/** Called by dashboard-admin.js's loadAdmin(): the units of her scope, then the members of one. */
window.loadMembers = async function loadMembers() {
  const chosen = $('members-org').value
  $('bind-code').hidden = true
  $('bind-code').textContent = ''
  units = inTreeOrder(await (await api('/api/v1/orgs')).json())
  $('members-org').innerHTML = unitOptions()
  if (units.some((u) => u.name === chosen)) $('members-org').value = chosen
  await showMembers()
}

async function showMembers() {
  const org = $('members-org').value
  if (!org) return
  const all = await (await api(`/api/v1/members?org=${encodeURIComponent(org)}`)).json()
  members = all.filter((m) => m.org === org)
  const below = all.length - members.length
  const shown = $('members-unbound').checked ? members.filter((m) => !m.wechatBound) : members
  $('members').innerHTML = shown.length ? shown.map(memberItem).join('') : '<li class="muted">这个单位没有成员。</li>'
  $('members-note').textContent =
    `${org}共 ${members.length} 人，未绑定 ${members.filter((m) => !m.wechatBound).length} 人` +
    (below ? `；下级单位另有 ${below} 人，选下级单位查看。` : '。')
}

function memberItem(m) {
  return (
    `<li class="member" data-id="${esc(m.id)}">` +
    `<div class="member-line"><b>${esc(m.name)}</b> <span class="role">${esc(ROLES[m.role] || m.role)}</span>` +
    `<span class="${m.wechatBound ? 'bound' : 'unbound'}">${m.wechatBound ? '已绑定微信' : '未绑定'}</span></div>` +
    `<div class="muted">最近发消息：${when(m.lastMessageAt)}</div>` +
    '<div class="member-actions">' +
    '<button type="button" class="secondary" data-do="code">发绑定码</button>' +
    (m.wechatBound ? '<button type="button" class="danger" data-do="unbind">解绑</button>' : '') +
    '<button type="button" class="secondary" data-do="move">移到…</button>' +
    '</div></li>'
  )
}

async function bindCode(m) {
  const { code, expiresAt } = await (await api(`/api/v1/members/${m.id}/bind-code`, { method: 'POST' })).json()
  const box = $('bind-code')
  box.innerHTML =
    `<p><b>${esc(m.name)}的绑定码：<span class="code">${esc(code)}</span></b>（只显示这一次，${when(expiresAt)} 前有效，只能用一次）</p>` +
    `<p>请她用<b>自己的微信</b>私聊妇联助手，发送：绑定码 ${esc(code)}</p>` +
    '<div class="downloads"><button type="button" class="primary" data-do="copy-code">复制这句话</button>' +
    '<button type="button" class="secondary" data-do="close-code">关闭</button></div>'
  box.dataset.text = `请用您自己的微信私聊妇联助手，发送：绑定码 ${code}`
  box.hidden = false
  box.scrollIntoView({ block: 'nearest' })
}

async function unbind(m) {
  if (!confirm(`解除“${m.name}”（${m.org}）的微信绑定？解绑后机器人不再认得她的微信，需要重新绑定。`)) return
  await api(`/api/v1/members/${m.id}/wechat`, { method: 'DELETE' })
  await showMembers()
}

function askWhere(li, m) {
  if (li.querySelector('.move')) return
  const form = document.createElement('form')
  form.className = 'move'
  form.innerHTML =
    `<label>移到 <select name="org" aria-label="移到哪个单位">${unitOptions(m.org)}</select></label>` +
    '<button type="submit" class="primary">确定</button><button type="button" class="secondary" data-do="close-move">取消</button>'
  li.appendChild(form)
}

async function move(m, org) {
  const res = await fetch(`/api/v1/members/${m.id}/move`, {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + $('token').value.trim(), 'content-type': 'application/json' },
    body: JSON.stringify({ org }),
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(res.status === 409 ? body.error : `没有调动（${res.status}）`)
  $('members-note').textContent = `已把${m.name}从${body.from}调到${body.org}。`
  await showMembers()
}

async function act(e) {
  const button = e.target.closest('button[data-do]')
  const li = e.target.closest('li.member')
  const m = li && members.find((x) => x.id === li.dataset.id)
  if (!button || !m) return
  $('error').textContent = ''
  try {
    if (button.dataset.do === 'code') await bindCode(m)
    if (button.dataset.do === 'unbind') await unbind(m)
    if (button.dataset.do === 'move') askWhere(li, m)
    if (button.dataset.do === 'close-move') li.querySelector('.move').remove()
  } catch (err) {
    $('error').textContent = err.message
  }
}

$('members').addEventListener('click', act)
$('members').addEventListener('submit', async (e) => {
  e.preventDefault()
  const li = e.target.closest('li.member')
  const m = members.find((x) => x.id === li.dataset.id)
  try {
    await move(m, e.target.elements.org.value)
  } catch (err) {
    $('error').textContent = err.message
  }
})
$('bind-code').addEventListener('click', async (e) => {
  const box = $('bind-code')
  if (e.target.dataset.do === 'close-code') box.hidden = true
  if (e.target.dataset.do !== 'copy-code') return
  try {
    await navigator.clipboard.writeText(box.dataset.text)
    e.target.textContent = '已复制'
  } catch {
    e.target.textContent = '请长按上面的文字复制'
  }
})
$('members-org').addEventListener('change', () => showMembers().catch((err) => ($('error').textContent = err.message)))
$('members-unbound').addEventListener('change', () => showMembers())

// These sections, and the admins' navigation, show exactly when the token list does (an admin's token).
const ADMIN_ONLY = ['admin-nav', 'import-section', 'members-section']
new MutationObserver(() => {
  for (const id of ADMIN_ONLY) $(id).hidden = $('tokens-section').hidden
}).observe($('tokens-section'), { attributes: true, attributeFilter: ['hidden'] })

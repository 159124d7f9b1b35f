// The admin's part of the dashboard: tokens of her subtree (issue, shown once; list; revoke) and the
// audit trail of her subtree (each action in the words the server gives it, see domain/audit-actions).
// Loaded after dashboard.js, whose $, api, esc and ROLES it uses.

/** Called by dashboard.js's load() for an admin's token. */
window.loadAdmin = async function loadAdmin() {
  renderTokens(await (await api('/api/v1/tokens')).json())
  renderAudit(await (await api('/api/v1/audit')).json())
  renderMisreads(await (await api('/api/v1/misreads')).json())
  await window.loadMembers()
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
  const at = (e) => new Date(e.at).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })
  $('audit').innerHTML =
    '<tr><th>时间</th><th>谁 · 做了什么 · 哪个单位</th></tr>' +
    list
      .slice(0, 50)
      .map(
        (e) =>
          `<tr><td>${esc(at(e))}</td>` +
          `<td class="wrap">${esc(e.who)} · ${esc(e.label || e.action)}<small>${esc(e.org || '全部单位')}</small></td></tr>`,
      )
      .join('')
}

const PLACES = { private: '私聊', group: '群里', voice: '私聊语音', 'voice-group': '群里语音' }

/** Messages the bot did not understand (masked, digits hidden), with how it read them. */
function renderMisreads(list) {
  const at = (e) => new Date(e.at).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })
  $('misreads').innerHTML = list.length
    ? '<tr><th>时间 · 单位</th><th>她写的（数字已遮住） · 机器人读成</th></tr>' +
      list
        .slice(0, 100)
        .map(
          (m) =>
            `<tr><td>${esc(at(m))}<small>${esc(m.org || '')} · ${esc(PLACES[m.where] || m.where)}</small></td>` +
            `<td class="wrap">${esc(m.text)}<small>${esc(m.reading)}</small></td></tr>`,
        )
        .join('')
    : '<tr><td class="muted">最近没有没看明白的消息。</td></tr>'
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

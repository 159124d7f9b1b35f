// The checklist part of the dashboard: the checklist of the unit being viewed (everyone), and for an
// admin a form to set her unit's own (targets, items switched off, items added) or go back to the
// inherited one. Loaded after dashboard.js, whose $, api, esc, me and query it uses.
const RULES = { entries: '按次数', distinct: '按不同名称', days: '按天数' }
let shownChecklist = null

const targetText = (i) => (i.max ? `${i.min}–${i.max}` : `${i.min}`)

/** Called by dashboard.js's load(): the checklist of the unit chosen (or the token's own). */
window.loadChecklist = async function loadChecklist() {
  const org = $('org').value
  shownChecklist = await (await api('/api/v1/checklist' + (org ? `?org=${encodeURIComponent(org)}` : ''))).json()
  renderChecklist(shownChecklist)
}

function renderChecklist(c) {
  $('checklist-note').textContent = `（${c.org}：${c.setBy ? `${c.setBy}设定` : '默认清单'}，共 ${c.items.length} 项）`
  $('checklist').innerHTML = c.items
    .map(
      (i) =>
        `<li>${esc(i.label)}：目标 ${targetText(i)}（${RULES[i.rule] || ''}）` +
        (i.command ? `，记录用 <b class="command">${esc(i.command)}</b>` : '') +
        '</li>',
    )
    .join('')
  const form = $('checklist-form')
  form.hidden = me.role !== 'admin'
  if (form.hidden) return
  // The form edits this unit's own setting; a unit that inherits starts from what it inherits.
  const own = c.config || {}
  const off = new Set(own.off || [])
  const target = (key) => (own.targets || {})[key]
  const byKey = new Map(c.items.map((i) => [i.key, i]))
  $('checklist-defaults').innerHTML =
    '<tr><th>项目</th><th>目标</th><th>考核</th></tr>' +
    c.defaults
      .map(({ key, label, min, max }) => {
        const t = target(key) || byKey.get(key) || { min, max }
        return (
          `<tr data-key="${key}"><td>${esc(label)}</td>` +
          `<td><input class="num" name="min" type="number" min="1" max="365" value="${t.min || 1}" aria-label="${esc(label)} 下限" />` +
          ` – <input class="num" name="max" type="number" min="1" max="365" value="${t.max || ''}" aria-label="${esc(label)} 上限（可不填）" /></td>` +
          `<td><input name="on" type="checkbox" ${off.has(key) ? '' : 'checked'} aria-label="考核${esc(label)}" /></td></tr>`
        )
      })
      .join('')
  $('checklist-added').innerHTML = ''
  for (const a of own.added || []) addRow(a)
  $('checklist-saved').textContent = ''
}

/** One added item: its name, command words, counting rule and target. */
function addRow(a = { key: '', label: '', words: [], rule: 'entries', min: 1 }) {
  const row = document.createElement('div')
  row.className = 'added-item'
  row.dataset.key = a.key
  row.innerHTML =
    `<label>名称 <input name="label" maxlength="20" value="${esc(a.label)}" placeholder="例如 参加议事会" required /></label>` +
    `<label>命令词 <input name="words" maxlength="40" value="${esc(a.words.join(' '))}" placeholder="例如 议事" required /></label>` +
    `<label>计数 <select name="rule">${Object.entries(RULES)
      .map(([k, l]) => `<option value="${k}" ${a.rule === k ? 'selected' : ''}>${l}</option>`)
      .join('')}</select></label>` +
    `<label>目标 <input class="num" name="min" type="number" min="1" max="365" value="${a.min}" required /></label>` +
    '<button type="button" class="danger">删除</button>'
  $('checklist-added').appendChild(row)
}

/** The form as the API's config: only what differs from the default is sent. */
function configFromForm() {
  const targets = {}
  const off = []
  for (const tr of $('checklist-defaults').querySelectorAll('tr[data-key]')) {
    const key = tr.dataset.key
    const min = Number(tr.querySelector('[name=min]').value)
    const maxText = tr.querySelector('[name=max]').value
    const max = maxText ? Number(maxText) : undefined
    const base = shownChecklist.defaults.find((d) => d.key === key)
    if (min !== base.min || max !== base.max) targets[key] = max ? { min, max } : { min }
    if (!tr.querySelector('[name=on]').checked) off.push(key)
  }
  const used = new Set()
  const added = [...$('checklist-added').querySelectorAll('.added-item')].map((row, n) => {
    // A new item gets a code of its own (time-based, so units do not share one); an existing one keeps
    // the code its records carry.
    let key = row.dataset.key
    for (let i = n; !key || used.has(key); i++) key = `item-${Date.now().toString(36)}-${i}`
    used.add(key)
    return {
      key,
      label: row.querySelector('[name=label]').value.trim(),
      words: row
        .querySelector('[name=words]')
        .value.replace(/[#＃,，、]/g, ' ')
        .split(/\s+/)
        .filter(Boolean),
      rule: row.querySelector('[name=rule]').value,
      min: Number(row.querySelector('[name=min]').value),
    }
  })
  return { targets, off, added }
}

async function saveChecklist(config) {
  $('error').textContent = ''
  const res = await fetch('/api/v1/checklist', {
    method: 'PUT',
    headers: { Authorization: 'Bearer ' + $('token').value.trim(), 'content-type': 'application/json' },
    body: JSON.stringify({ org: shownChecklist.org, config }),
  })
  if (!res.ok) {
    const reason = (await res.json().catch(() => ({}))).error
    $('error').textContent = res.status === 400 && reason ? `清单没有保存：${reason}` : `清单没有保存（${res.status}）`
    return
  }
  await window.loadChecklist()
  $('checklist-saved').textContent = config
    ? `已保存${shownChecklist.org}的清单。`
    : `${shownChecklist.org}已改回沿用上级。`
}

$('checklist-form').addEventListener('submit', (e) => {
  e.preventDefault()
  saveChecklist(configFromForm())
})
$('checklist-add').addEventListener('click', () => addRow())
$('checklist-inherit').addEventListener('click', () => {
  if (confirm(`${shownChecklist.org}不再用自己的清单，改回沿用上级？已有记录都保留。`)) saveChecklist(null)
})
$('checklist-added').addEventListener('click', (e) => {
  if (e.target.closest('button.danger')) e.target.closest('.added-item').remove()
})

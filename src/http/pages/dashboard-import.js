// The admin's imports: a roster or a women representatives' list (CSV or XLSX) is first sent with
// ?preview=1 (nothing written) and its effect shown — new units and people, changes to people and units
// already there, refused lines — then written with one button, bound to the plan she saw. A large roster
// is written as a job: its progress shows here, polled, also after a reload while it runs. Loaded after
// dashboard.js, whose $ and esc it uses; its section is built here so the page's own markup stays small.
const IMPORT_KINDS = {
  roster: {
    path: '/api/v1/members/import',
    label: '执委名单',
    maxBytes: 16 * 1024 * 1024,
    headers: '姓名, 角色, 单位, 上级单位, 微信号（可空）, 原单位（调动时填）',
    template: '姓名,角色,单位,上级单位,微信号,原单位\n张秀英,执委,白庙村,太平店镇,,\n王主席,主席,太平店镇,樊城区,,\n',
  },
  representatives: {
    path: '/api/v1/representatives/import',
    label: '妇女代表名单',
    maxBytes: 1_000_000,
    headers: '姓名, 单位',
    template: '姓名,单位\n刘翠花,白庙村\n',
  },
}
const ROLE_WORDS = { admin: '管理员', chair: '主席', executive: '执委' }
const POLL_MS = 1500
const tooLarge = (kind) => `文件超过 ${Math.round(IMPORT_KINDS[kind].maxBytes / 1024 / 1024) || 1} MB，请分成几份上传`

const importSection = document.createElement('section')
importSection.id = 'import-section'
importSection.hidden = true
importSection.innerHTML = `
  <h2>导入名单 <small>（先预览，确认后才写入）</small></h2>
  <form id="import-form" class="import-form">
    <label>导入什么
      <select id="import-kind">
        <option value="roster">执委名单</option>
        <option value="representatives">妇女代表名单</option>
      </select></label>
    <label class="file">文件（CSV 或 XLSX）<input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required /></label>
    <p class="muted" id="import-headers"></p>
    <div class="downloads">
      <button type="submit" class="primary" id="import-preview">预览</button>
      <button type="button" class="secondary" id="import-template">下载模板</button>
    </div>
  </form>
  <div id="import-result" class="import-result" role="status"></div>
  <div id="import-job" class="import-job" role="status" aria-live="polite"></div>`
$('tokens-section').before(importSection)

let pending = null // { kind, file, plan }

const item = (text) => `<li>${esc(text)}</li>`
const list = (items, limit = 50) =>
  `<ul class="plain">${items.slice(0, limit).map(item).join('')}${items.length > limit ? `<li class="muted">……共 ${items.length} 项</li>` : ''}</ul>`

function uploadType(file) {
  if (/\.xlsx$/i.test(file.name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (/\.csv$/i.test(file.name)) return 'text/csv'
  return file.type || 'application/octet-stream'
}

const bearer = () => ({ Authorization: 'Bearer ' + $('token').value.trim() })

/** Sends the file; 400 and 409 come back as answers to show, not as errors (202: written as a job). */
async function sendFile(kind, file, query) {
  const res = await fetch(IMPORT_KINDS[kind].path + query, {
    method: 'POST',
    headers: { ...bearer(), 'content-type': uploadType(file) },
    body: file,
  })
  if (res.status === 413) return { status: 413, body: { rejected: [{ line: 0, reason: tooLarge(kind) }] } }
  if (![200, 202, 400, 409].includes(res.status)) throw new Error(`上传失败（${res.status}）`)
  return { status: res.status, body: await res.json() }
}

const count = (n) => Number(n).toLocaleString('zh-CN')

/** Someone's import still being written: how far it is, in one sentence. */
const busyNote = (busy) =>
  (busy.rows
    ? `另一份名单正在导入（已写入 ${count(busy.rowsDone)} / ${count(busy.rows)} 行，${busy.percent}%），`
    : '另一份名单正在核对、马上开始导入，') + '请等它完成后再确认：那时再预览一次，结果以那时为准。'

let polling = null // the job id being followed

/** A job as it stands: a bar while it runs, what it did once it is done or stopped. */
function renderJob(job) {
  const taken = job.taken.length
    ? `<p class="warn">第 ${job.taken.slice(0, 20).join('、')}${job.taken.length > 20 ? ' 等' : ''} 行的微信号在预览之后已被别人绑定，这几行导入了，但没有绑定微信号。</p>`
    : ''
  if (job.status === 'done')
    return `<p class="good"><b>已导入 ${count(job.rows)} 行，绑定微信号 ${count(job.bound)} 个。</b></p>` + taken
  if (job.status === 'stopped')
    return (
      `<p class="bad"><b>导入中断：已写入 ${count(job.rowsDone)} / ${count(job.rows)} 行。</b>` +
      '请再上传、确认同一份文件：已经写入的人不会重复，只补上没写完的。</p>' +
      (job.error ? `<p class="muted">原因：${esc(job.error)}</p>` : '') +
      taken
    )
  return (
    `<p><b>正在导入名单：已写入 ${count(job.rowsDone)} / ${count(job.rows)} 行（${job.percent}%）</b></p>` +
    `<progress max="100" value="${job.percent}">${job.percent}%</progress>` +
    '<p class="muted">可以离开这个页面：导入在服务器上继续，服务器重启后也会接着写，不会重复。</p>' +
    (job.error ? `<p class="warn">刚才写入出错，稍后自动重试：${esc(job.error)}</p>` : '') +
    taken
  )
}

/** Follows a job until it is done or stopped, then loads the dashboard again (new units and people). */
async function follow(jobId) {
  polling = jobId
  while (polling === jobId) {
    const res = await fetch(`/api/v1/members/import/jobs/${jobId}`, { headers: bearer() })
    if (!res.ok) throw new Error(`读取导入进度失败（${res.status}）`)
    const job = await res.json()
    $('import-job').innerHTML = renderJob(job)
    if (job.status !== 'running') {
      polling = null
      if (job.status === 'done') $('login').requestSubmit()
      return
    }
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}

/** After signing in: a roster job of her units still running (e.g. before a reload) shows its progress. */
async function resumeFollowing() {
  const res = await fetch('/api/v1/members/import/jobs', { headers: bearer() })
  if (!res.ok) return
  const running = (await res.json()).find((j) => j.status === 'running')
  if (running && polling !== running.id) await follow(running.id)
}

function refusals(rejected) {
  return (
    `<p class="bad"><b>有 ${rejected.length} 处问题，整份文件都没有导入。</b>改好后重新预览：</p>` +
    '<table class="refused"><tr><th>行</th><th>原因</th></tr>' +
    rejected.map((r) => `<tr><td>${r.line || '—'}</td><td class="wrap">${esc(r.reason)}</td></tr>`).join('') +
    '</table>'
  )
}

function rosterPreview(body) {
  const p = body.preview
  const parts = []
  if (p.newUnits.length)
    parts.push(
      `<h3>新建单位 ${p.newUnits.length} 个</h3>` +
        list(p.newUnits.map((u) => `${u.name}（上级：${u.parent || '无，最上级'}）`)),
    )
  parts.push(
    `<h3>新增 ${p.newPeople.length} 人</h3>` +
      (p.newPeople.length
        ? list(p.newPeople.map((x) => `${x.name} · ${ROLE_WORDS[x.role] || x.role} · ${x.org}`))
        : ''),
  )
  if (body.changes.length)
    parts.push(
      `<h3 class="warn">需要您确认的改动 ${body.changes.length} 项</h3>` +
        list(
          body.changes.map((c) => `第 ${c.line} 行：${c.change}`),
          200,
        ),
    )
  parts.push(`<p class="muted">已在名单上、没有变化 ${p.unchanged} 人；将绑定微信号 ${p.wechatIds} 个。</p>`)
  return parts.join('')
}

function representativesPreview(body) {
  const total = body.preview.reduce((n, u) => n + u.added, 0)
  return (
    `<h3>新加入名单 ${total} 人</h3>` +
    list(body.preview.map((u) => `${u.org}：文件里 ${u.names} 人，其中新加 ${u.added} 人`))
  )
}

function showPreview(kind, file, body, note = '') {
  const ok = !body.rejected.length
  pending = ok ? { kind, file, plan: body.plan } : null
  $('import-result').innerHTML =
    (note ? `<p class="warn">${esc(note)}</p>` : '') +
    (ok
      ? `<p><b>${esc(file.name)}</b> 预览（还没有写入）：</p>` +
        (kind === 'roster' ? rosterPreview(body) : representativesPreview(body)) +
        `<div class="downloads"><button type="button" class="primary" id="import-confirm">确认导入</button>` +
        `<button type="button" class="secondary" id="import-cancel">取消</button></div>`
      : refusals(body.rejected))
}

async function preview(e) {
  e.preventDefault()
  const kind = $('import-kind').value
  const file = $('import-file').files[0]
  $('import-result').textContent = ''
  if (!file) return
  if (file.size > IMPORT_KINDS[kind].maxBytes) {
    $('import-result').innerHTML = refusals([{ line: 0, reason: tooLarge(kind) }])
    return
  }
  try {
    const { body } = await sendFile(kind, file, '?preview=1')
    showPreview(kind, file, body, body.busy ? busyNote(body.busy) : '')
  } catch (err) {
    $('error').textContent = err.message
  }
}

async function confirmImport() {
  if (!pending) return
  const { kind, file, plan } = pending
  try {
    const query = kind === 'roster' ? `?confirm=1&plan=${plan}` : ''
    const { status, body } = await sendFile(kind, file, query)
    if (status === 409 && body.stale) {
      showPreview(kind, file, body, '您预览之后，名单又有了变化（可能别人刚导入过）。请核对下面的新预览，再确认。')
      return
    }
    if (status === 409 && body.busy) {
      $('import-result').insertAdjacentHTML('afterbegin', `<p class="warn">${esc(busyNote(body.busy))}</p>`)
      return
    }
    if (status === 202) {
      pending = null
      $('import-file').value = ''
      $('import-result').textContent = ''
      await follow(body.job.id)
      return
    }
    if (status !== 200) return showPreview(kind, file, body)
    pending = null
    $('import-file').value = ''
    const bound = kind === 'roster' ? `，绑定微信号 ${body.bound} 个` : ''
    const what = kind === 'roster' ? `已导入 ${body.imported} 行` : `妇女代表名单新加 ${body.imported} 人`
    $('import-result').innerHTML = `<p class="good"><b>${what}${bound}。</b></p>`
    // New units and people show in every list: the dashboard loads again as after signing in.
    $('login').requestSubmit()
  } catch (err) {
    $('error').textContent = err.message
  }
}

function showHeaders() {
  $('import-headers').textContent = `第一行是表头：${IMPORT_KINDS[$('import-kind').value].headers}。行的顺序随意。`
}

function downloadTemplate() {
  const kind = IMPORT_KINDS[$('import-kind').value]
  // A BOM, so Excel opens the Chinese headers right.
  const blob = new Blob(['\ufeff' + kind.template], { type: 'text/csv' })
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = `${kind.label}模板.csv`
  a.click()
}

showHeaders()
// The section shows when an admin signs in (dashboard-members.js): then look for her running job.
new MutationObserver(() => {
  if (!importSection.hidden) resumeFollowing().catch((err) => ($('error').textContent = err.message))
}).observe(importSection, { attributes: true, attributeFilter: ['hidden'] })
$('import-form').addEventListener('submit', preview)
$('import-kind').addEventListener('change', () => {
  showHeaders()
  $('import-result').textContent = ''
  pending = null
})
$('import-template').addEventListener('click', downloadTemplate)
$('import-result').addEventListener('click', (e) => {
  if (e.target.id === 'import-confirm') confirmImport()
  if (e.target.id === 'import-cancel') {
    pending = null
    $('import-result').textContent = ''
  }
})

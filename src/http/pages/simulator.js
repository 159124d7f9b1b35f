// The simulator's chat page. Served as a file of its own so the Content-Security-Policy can forbid
// inline scripts. When the server has SIMULATOR_TOKEN, the page asks for it once per tab
// (sessionStorage: gone when the tab closes) and sends it as a bearer token.
const PRIVATE = '__private__'
const TOKEN_KEY = 'fulian-simulator-token'
const $ = (id) => document.getElementById(id)
let seq = 0
const all = []
const images = new Map()
const roles = { executive: '执委', chair: '主席', admin: '管理员' }

function esc(s) {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  )
}

class NeedsToken extends Error {}

async function api(path, init = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY)
  const headers = { ...(init.headers || {}), ...(token ? { Authorization: 'Bearer ' + token } : {}) }
  const res = await fetch(path, { ...init, headers })
  if (res.status === 401) {
    askForToken(token ? '令牌不对，请重新输入。' : '这个模拟器需要令牌（SIMULATOR_TOKEN）。')
    throw new NeedsToken()
  }
  if (!res.ok) throw new Error('请求失败（' + res.status + '）')
  return res
}

function askForToken(message) {
  $('token-hint').textContent = message
  $('token-form').hidden = false
}

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault()
  sessionStorage.setItem(TOKEN_KEY, $('sim-token').value.trim())
  $('sim-token').value = ''
  $('token-form').hidden = true
  start()
})

async function load() {
  const state = await (await api('/simulator/api/state')).json()
  $('conversation').innerHTML =
    state.rooms.map((r) => `<option value="${esc(r)}">${esc(r)}</option>`).join('') +
    `<option value="${PRIVATE}">私聊机器人</option>`
  $('me').innerHTML =
    state.people
      .map(
        (p) => `<option value="${esc(p.name)}">${esc(p.name)}（${roles[p.role] || p.role} · ${esc(p.org)}）</option>`,
      )
      .join('') + '<option value="群众小陈">群众小陈（未登记）</option>'
}

function visible(m) {
  const conv = $('conversation').value
  const me = $('me').value
  if (conv === PRIVATE) return m.room === null && m.to === me
  return m.room === conv
}

/** Images come through api() too, so they carry the token; each is fetched once. */
async function showImage(img) {
  const n = Number(img.dataset.seq)
  if (!images.has(n))
    images.set(
      n,
      api('/simulator/api/files/' + n).then(async (r) => URL.createObjectURL(await r.blob())),
    )
  img.src = await images.get(n)
}

/** Scrolls to the newest message, unless she scrolled up to read older ones. */
function keepNewestInView(force) {
  const log = $('log')
  if (force || log.dataset.stuck !== 'no') log.scrollTop = log.scrollHeight
}

function render() {
  const me = $('me').value
  const log = $('log')
  log.innerHTML = all
    .filter(visible)
    .map((m) => {
      const mine = m.from === me
      const img = m.file ? `<img data-seq="${Number(m.seq)}" alt="${esc(m.file)}">` : ''
      const voice = m.voice ? '<span class="voice">🎤 语音 · 转文字：</span>' : ''
      return `<div class="msg ${mine ? 'mine' : ''}"><div><div class="who">${esc(m.from)}</div><div class="bubble">${img}${voice}${esc(m.text)}</div></div></div>`
    })
    .join('')
  // A chart arrives after its text is laid out: scroll again once it has its height.
  log.querySelectorAll('img[data-seq]').forEach((img) => {
    img.addEventListener('load', () => keepNewestInView(false))
    showImage(img).catch(() => {})
  })
  keepNewestInView(true)
}

$('log').addEventListener('scroll', () => {
  const log = $('log')
  log.dataset.stuck = log.scrollHeight - log.scrollTop - log.clientHeight < 40 ? 'yes' : 'no'
})

async function poll() {
  try {
    const fresh = await (await api('/simulator/api/messages?after=' + seq)).json()
    if (fresh.length) {
      all.push(...fresh)
      seq = fresh[fresh.length - 1].seq
      render()
    }
  } catch (e) {
    if (e instanceof NeedsToken) return
  }
  setTimeout(poll, 700)
}

$('composer').addEventListener('submit', async (e) => {
  e.preventDefault()
  const text = $('text').value.trim()
  if (!text) return
  const conv = $('conversation').value
  $('text').value = ''
  await api('/simulator/api/say', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      from: $('me').value,
      text,
      room: conv === PRIVATE ? undefined : conv,
      kind: $('kind').value,
    }),
  }).catch(() => {})
})
$('conversation').addEventListener('change', render)
$('me').addEventListener('change', render)

function start() {
  load()
    .then(poll)
    .catch(() => {})
}
start()

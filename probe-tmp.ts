import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { connectDatabase } from './src/repos/connect'
const bin = '/root/.cache/fulian-bot/ferretdb-v1.24.2'
const dir = mkdtempSync('/tmp/fx-')
const port = 45334
let p: ChildProcess
const start = () => { p = spawn(bin, ['--handler=sqlite', `--sqlite-url=file:${dir}/`, `--state-dir=${dir}`, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=127.0.0.1:0', '--telemetry=disable', '--log-level=error'], { stdio: 'ignore' }) }
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
async function main() {
  start(); await sleep(1500)
  const conn = await connectDatabase(`mongodb://127.0.0.1:${port}/x`)
  for (const ev of ['disconnected','reconnected','connected','close','error']) conn.on(ev, () => console.log(new Date().toISOString().slice(17,23), 'event', ev, conn.readyState))
  const M = conn.model('T', new (require('mongoose').Schema)({ a: Number }))
  await M.create({ a: 1 }); console.log('insert ok')
  p.kill(process.argv[2] === 'kill' ? 'SIGKILL' : 'SIGTERM'); await new Promise(r => p.once('exit', r)); console.log('stopped')
  const during = M.create({ a: 2 }).then(() => console.log('during: ok'), (e) => console.log('during err', e.message.slice(0,80)))
  await sleep(Number(process.argv[3] ?? 20000))
  start(); await sleep(1500); console.log('started again')
  for (let i = 0; i < 15; i++) {
    const t = Date.now()
    try { await M.create({ a: i }); console.log(new Date().toISOString().slice(17,23), 'insert ok', i, Date.now() - t, 'ms readyState', conn.readyState) } catch (e: any) { console.log('err', i, e.name, e.message.slice(0, 100), Date.now() - t, 'readyState', conn.readyState) }
    await sleep(2000)
  }
  await during
  await conn.close(); p.kill()
}
main()

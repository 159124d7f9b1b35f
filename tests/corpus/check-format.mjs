// Checks the FORMAT of a corpus file only (never runs the bot). Usage: node check-corpus-format.mjs FILE
import { readFileSync } from 'node:fs'
const ITEMS = new Set([
  'representatives',
  'poorFamily',
  'problemSolved',
  'onlineGroup',
  'socialOrg',
  'publicService',
  'report',
  'proposal',
  'diary',
  'need',
])
const WHERE = new Set(['private', 'group', 'constituents-group', 'voice', 'voice-group'])
const NAMED = new Set(['representatives', 'poorFamily', 'problemSolved', 'socialOrg'])
const lines = readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter((l) => l.trim())
const ids = new Set()
let bad = 0
const cats = {}
lines.forEach((l, i) => {
  const err = (m) => {
    bad++
    console.log(`line ${i + 1}: ${m}`)
  }
  let o
  try {
    o = JSON.parse(l)
  } catch {
    return err('not JSON')
  }
  if (!o.id || ids.has(o.id)) err('missing or duplicate id')
  ids.add(o.id)
  if (!o.category) err('no category')
  cats[o.category] = (cats[o.category] ?? 0) + 1
  if (!WHERE.has(o.where)) err('bad where ' + o.where)
  if (typeof o.text !== 'string' || !o.text) err('no text')
  if (o.from !== undefined && !['executive', 'constituent'].includes(o.from))
    err('from must be executive or constituent')
  if (o.where === 'constituents-group' && o.from === undefined)
    err('a constituents-group line needs from: executive or constituent')
  if (o.from === 'constituent' && o.where !== 'constituents-group')
    err('from: constituent only in the constituents-group')
  if (o.now && isNaN(Date.parse(o.now))) err('bad now')
  const e = o.expect ?? {}
  const keys = Object.keys(e)
  if (keys.length !== 1 || !['records', 'receipt', 'query', 'undo', 'nothing', 'noRecord'].includes(keys[0]))
    return err('expect must have exactly one of records/receipt/query/undo/nothing/noRecord')
  if (e.records) {
    if (!Array.isArray(e.records) || !e.records.length) err('records must be a non-empty array')
    for (const r of e.records) {
      if (!ITEMS.has(r.item)) err('bad item ' + r.item)
      if (r.name && !NAMED.has(r.item)) err('name only for ' + [...NAMED])
      if (r.date && !/^\d{4}-\d\d-\d\d$/.test(r.date)) err('date must be YYYY-MM-DD')
    }
  }
  if (e.query && !['progress', 'records', 'help'].includes(e.query)) err('bad query')
  if ('receipt' in e && typeof e.receipt !== 'number') err('receipt must be a number')
})
console.log(`${lines.length} lines, ${bad} problems`)
console.log(cats)
process.exit(bad ? 1 : 0)

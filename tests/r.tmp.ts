import { readMessage } from '../src/nl/read-message'
const known = [{subject:'刘翠花',kind:'representatives'},{subject:'李梅',kind:'representatives'},{subject:'张桂兰',kind:'representatives'},{subject:'王秀兰',kind:'representatives'},{subject:'王建国家',kind:'poorFamily'},{subject:'阳光妈妈互助会',kind:'socialOrg'}] as any
const strict = process.argv[2] === 's'
const lines = require('fs').readFileSync(0,'utf8').split('\n').filter(Boolean)
for (const t of lines) {
  const r = readMessage(t, {today:{year:2026,month:11,day:23}, known, botName:'妇联助手', strict})
  const out = r.type === 'records' ? r.items.map((i: any) => `${i.kind}:${i.subject ?? ''}@${i.date ? i.date.month+'-'+i.date.day : ''}${i.vague ? '~'+i.vague : ''}${i.namesake ? '≈'+i.namesake.logged : ''}`).join(' + ') : `${r.type}${'reason' in r ? ':'+r.reason : ''}${'what' in r ? ':'+r.what : ''}`
  console.log(out.padEnd(60), t)
}

import iconv from 'iconv-lite'
import { decodeText } from '../../src/http/decode-text'

const roster = '姓名,角色,单位\n刘翠花,执委,樊城区\n'

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(roster, 'utf8')],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(roster, 'utf8')])],
    ['GBK (Excel on Chinese Windows)', iconv.encode(roster, 'gbk')],
    ['GB18030', iconv.encode(roster, 'gb18030')],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(roster, 'utf-16le')])],
  ])('reads %s', (_what, bytes) => {
    expect(decodeText(bytes)).toBe(roster)
  })

  it('reads a name GBK cannot hold from GB18030', () => {
    const text = '姓名\n王𠀀\n'
    expect(decodeText(iconv.encode(text, 'gb18030'))).toBe(text)
  })
})

/** The file inside a form upload, as browsers and curl -F send it. */
import { multipartFile } from '../../src/http/multipart-file'
import { UploadRefused } from '../../src/http/upload-refused'

const body = (boundary: string, parts: { headers: string; data: string }[]) =>
  Buffer.from(parts.map((p) => `--${boundary}\r\n${p.headers}\r\n\r\n${p.data}\r\n`).join('') + `--${boundary}--\r\n`)

describe('multipartFile', () => {
  it('is undefined for a body that is not a form', () => {
    expect(multipartFile(Buffer.from('姓名,角色'), 'text/csv')).toBeUndefined()
  })

  it('takes the part that carries a file name, with its own type, whatever comes before it', () => {
    const form = body('XyZ', [
      { headers: 'Content-Disposition: form-data; name="note"', data: 'hello' },
      {
        headers: 'Content-Disposition: form-data; name="file"; filename="名单.csv"\r\nContent-Type: text/csv',
        data: '姓名,角色,单位\r\n王芳,执委,白庙村',
      },
    ])
    const file = multipartFile(form, 'multipart/form-data; boundary=XyZ')!
    expect(file.contentType).toBe('text/csv')
    expect(file.data.toString()).toBe('姓名,角色,单位\r\n王芳,执委,白庙村')
  })

  it('reads a quoted boundary and keeps binary bytes as they are', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x00, 0xff])
    const plain = Buffer.concat([
      Buffer.from('--ab\r\nContent-Disposition: form-data; name="f"; filename="a.xlsx"\r\n\r\n'),
      zip,
      Buffer.from('\r\n--ab--\r\n'),
    ])
    expect(multipartFile(plain, 'multipart/form-data; boundary="ab"')!.data.equals(zip)).toBe(true)
  })

  it('refuses a form without a boundary or without any part, in Chinese', () => {
    expect(() => multipartFile(Buffer.from(''), 'multipart/form-data')).toThrow(UploadRefused)
    expect(() => multipartFile(Buffer.from('--ab--\r\n'), 'multipart/form-data; boundary=ab')).toThrow('表单里没有文件')
  })
})

import { SaxesParser, type SaxesTagPlain } from 'saxes'
import type { Readable } from 'node:stream'

export interface XmlHandlers {
  /** `name` without its namespace prefix; a handler may throw to stop reading. */
  open?(name: string, attributes: Record<string, string>): void
  close?(name: string): void
  text?(text: string): void
}

const local = (name: string) => name.slice(name.indexOf(':') + 1)

/**
 * Streams XML through saxes: constant memory whatever the document's size, and no entity expansion
 * (saxes does not read a DTD's entity declarations, so a billion-laughs document is an error).
 */
export async function parseXml(stream: Readable, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser()
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open?.(local(tag.name), tag.attributes))
  parser.on('closetag', (tag: SaxesTagPlain) => handlers.close?.(local(tag.name)))
  if (handlers.text) {
    parser.on('text', handlers.text)
    parser.on('cdata', handlers.text)
  }
  try {
    for await (const chunk of stream) parser.write(chunk as string)
    parser.close()
  } finally {
    stream.destroy()
  }
}

import yauzl from 'yauzl'

/**
 * The text of a Word file as a reader sees it, one line per paragraph (table cells on their own lines):
 * word/document.xml unzipped with yauzl and its tags dropped.
 */
export async function docxText(docx: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(docx)
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName !== 'word/document.xml') continue
    const chunks: Buffer[] = []
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    const xml = Buffer.concat(chunks).toString('utf8')
    return xml
      .replace(/<w:br\/>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  }
  throw new Error('not a Word file: no word/document.xml')
}

/** How many reports a document holds: one title each ("2026年度述职报告"). */
export const reportCount = (text: string, year: number) =>
  text.split('\n').filter((line) => line === `${year}年度述职报告`).length

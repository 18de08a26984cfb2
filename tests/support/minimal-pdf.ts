import PDFDocument from 'pdfkit'

/** A one-page PDF saying `text`: real bytes that a sniffer recognises as application/pdf. */
export async function minimalPdf(text = 'Quote 2026-117: 48 000 CHF'): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date('2026-01-01T00:00:00Z') } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  doc.text(text)
  doc.end()
  await done
  return new Uint8Array(Buffer.concat(chunks))
}

import { ALTERNATIVES_REASON_TERM, ALTERNATIVES_TERM } from '~/industrial-return/suppliers/stated-alternatives'
import PDFDocument from 'pdfkit'
import type { JustificationRecord } from './justification-record.server'
import { coveredByWinAnsi, printableText, REPLACEMENT } from './printable-text'
import type { RecordFont } from './record-font.server'
import { channelLabels, coveredText, type SignatureLine } from './signature-line'

// Draws a justification's record as an A4 PDF with pdfkit (ADR 021): facts, the written
// justification, the supporting documents with their SHA-256, the signature block, the discussion
// and the audit timeline, a footer on every page. Pure of the
// database: it gets the record and the font, and returns the PDF's bytes.

const MARGIN = 56
const LABEL_WIDTH = 130
const GAP = 12
const INK = '#1b1f27'
const MUTED = '#5b6473'
/** A SHA-256 in hex is 64 characters; Courier's are 0.6 em wide: the largest size that fits a line. */
const HASH_CHARACTERS = 64
const COURIER_ADVANCE = 0.6
const HASH_MAX_SIZE = 9

type Pdf = InstanceType<typeof PDFDocument>

export async function renderJustificationPdf(record: JustificationRecord, font: RecordFont | null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${record.reference}: ${record.title}`, Author: 'SoleSource', Subject: 'Single-source justification', Creator: 'SoleSource' },
    lang: 'en',
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  if (font) {
    doc.registerFont('body', font.regular)
    doc.registerFont('bold', font.bold)
  } else {
    doc.registerFont('body', 'Helvetica')
    doc.registerFont('bold', 'Helvetica-Bold')
  }
  // Hashes are hex digits (ASCII): a standard monospaced font draws them, evenly, whatever the body font.
  doc.registerFont('mono', 'Courier')
  const writer = new RecordWriter(doc, font !== null)
  writer.draw(record)
  writer.footers(record)
  doc.end()
  return done
}

class RecordWriter {
  constructor(
    private readonly doc: Pdf,
    private readonly embedded: boolean,
  ) {}

  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right
  }

  /** What the current font can draw: an embedded font is asked; the standard fonts draw WinAnsi. */
  private covers = (codePoint: number): boolean => {
    if (!this.embedded) return coveredByWinAnsi(codePoint)
    // pdfkit keeps the fontkit font of an embedded font on the current font object.
    const current = (this.doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (c: number) => boolean } } })._font?.font
    return current?.hasGlyphForCodePoint ? current.hasGlyphForCodePoint(codePoint) : true
  }

  private clean(text: string): string {
    return printableText(text.replace(/\r\n?/g, '\n'), this.covers).text
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage()
  }

  private heading(text: string) {
    this.doc.moveDown(0.8)
    this.ensureSpace(40)
    this.doc.font('bold').fontSize(13).fillColor(INK).text(this.clean(text), this.doc.page.margins.left, this.doc.y, { width: this.width })
    const y = this.doc.y + 2
    this.doc.moveTo(this.doc.page.margins.left, y).lineTo(this.doc.page.margins.left + this.width, y).lineWidth(0.5).strokeColor('#c9ced8').stroke()
    this.doc.y = y + 6
  }

  private fact(label: string, value: string | null) {
    if (value === null || value === '') return
    const doc = this.doc
    const x = doc.page.margins.left
    const valueWidth = this.width - LABEL_WIDTH - GAP
    doc.font('body').fontSize(10)
    const cleanLabel = this.clean(label)
    const cleanValue = this.clean(value)
    const height = Math.max(doc.font('bold').heightOfString(cleanLabel, { width: LABEL_WIDTH }), doc.font('body').heightOfString(cleanValue, { width: valueWidth }))
    this.ensureSpace(height)
    const y = doc.y
    doc.font('bold').fillColor(INK).text(cleanLabel, x, y, { width: LABEL_WIDTH })
    doc.font('body').text(cleanValue, x + LABEL_WIDTH + GAP, y, { width: valueWidth })
    doc.x = x
    doc.y = y + height + 4
  }

  private paragraph(text: string, { muted = false, size = 10 } = {}) {
    this.doc.font('body').fontSize(size).fillColor(muted ? MUTED : INK)
    this.doc.text(this.clean(text), this.doc.page.margins.left, this.doc.y, { width: this.width, lineGap: 1.5 })
    this.doc.fillColor(INK)
  }

  private label(text: string) {
    this.doc.moveDown(0.4)
    this.ensureSpace(30)
    this.doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(text), this.doc.page.margins.left, this.doc.y, { width: this.width })
  }

  draw(r: JustificationRecord) {
    const doc = this.doc
    doc.font('body').fontSize(9).fillColor(MUTED).text('SoleSource · Single-source justification · signed record', { width: this.width })
    doc.moveDown(0.3)
    doc.font('bold').fontSize(18).fillColor(INK).text(this.clean(`${r.reference}: ${r.title}`), { width: this.width })
    doc.font('body').fontSize(11).text(this.clean(r.status), { width: this.width })
    for (const note of r.notes) this.paragraph(note, { muted: true })
    doc.font('body')
    if (stringsOf(r).some((text) => printableText(text, this.covers).replaced)) {
      // Said on the first page, under the title, where a reader looks first.
      doc.fontSize(9).fillColor('#a03030')
      doc.text(`Some characters of this record cannot be drawn in the PDF's font and are shown as "${REPLACEMENT}": the justification's page in SoleSource shows them as filed.`, { width: this.width })
      doc.fillColor(INK)
    }

    this.heading('Facts')
    this.fact('Reference', r.reference)
    this.fact('Title', r.title)
    this.fact('Status', r.status)
    this.fact('Requester', r.requester)
    this.fact('Group', r.group)
    this.fact('Supplier', `${r.supplier}, established in ${r.supplierCountry}`)
    this.fact('Origin of the goods', r.originCountry)
    this.fact('Category', r.category)
    this.fact('Amount', r.amount)
    this.fact('Amount in CHF', r.amountChf ? (r.rate ? `${r.amountChf} at ${r.rate}` : r.amountChf) : 'Fixed when submitted')
    this.fact('Signature policy', r.policyVersion ? `version ${r.policyVersion}` : null)
    this.fact('Created', r.createdAt)
    this.fact('Submitted', r.submittedAt)
    this.fact('Decided', r.decidedAt)
    this.fact('Market survey', r.marketSurveyReference)

    this.heading('What is bought')
    this.paragraph(r.description)
    this.heading('Why a single source')
    this.paragraph(r.reason)
    this.label('Justification')
    this.paragraph(r.reasonText)
    if (r.alternativeSuppliers) {
      this.label(ALTERNATIVES_TERM)
      this.paragraph(r.alternativeSuppliers.suppliers.join(', '))
      this.label(ALTERNATIVES_REASON_TERM)
      this.paragraph(r.alternativeSuppliers.reason ?? '—')
    }

    this.heading('Supporting documents')
    this.paragraph(r.documentsNote, { muted: true, size: 9 })
    doc.moveDown(0.3)
    if (r.documents.length === 0) this.paragraph('No supporting documents.', { muted: true })
    for (const document of r.documents) {
      this.ensureSpace(32)
      doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(`${document.kind}: `), doc.page.margins.left, doc.y, { width: this.width, continued: true })
      doc.font('body').text(this.clean(`${document.fileName} (${document.size})`))
      this.hash(document.sha256)
      doc.moveDown(0.3)
    }
    if (r.textSha256) {
      this.ensureSpace(32)
      this.paragraph('The text as submitted:', { size: 9 })
      this.hash(r.textSha256)
    }

    this.heading('Signatures')
    if (r.signatures.length === 0) this.paragraph(r.noSignatures, { muted: true })
    for (const line of r.signatures) this.signature(line)

    this.heading('Discussion')
    if (r.discussion.length === 0) this.paragraph('No comments.', { muted: true })
    for (const comment of r.discussion) {
      this.ensureSpace(28)
      const who = comment.asSignatory ? `${comment.author}, as signatory (a question, no decision)` : comment.author
      doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(`${comment.at} · ${who}`), doc.page.margins.left, doc.y, { width: this.width })
      this.paragraph(comment.body)
      if (comment.mentions.length) this.paragraph(`Mentions ${comment.mentions.join(', ')}.`, { muted: true, size: 9 })
      doc.moveDown(0.4)
    }

    this.heading('Timeline')
    for (const event of r.timeline) {
      this.ensureSpace(28)
      doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(`${event.at} · ${event.label}`), doc.page.margins.left, doc.y, { width: this.width, continued: true })
      doc.font('body').text(this.clean(` by ${event.actor}`))
      if (event.details) this.paragraph(event.details, { muted: true, size: 9 })
      doc.moveDown(0.3)
    }
  }

  private signature(line: SignatureLine) {
    const doc = this.doc
    this.ensureSpace(44)
    doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(`${line.role}: ${line.person}`), doc.page.margins.left, doc.y, { width: this.width })
    const how = line.decided ? `${line.outcome} on ${line.at}, ${channelLabels[line.channel ?? 'not-recorded']}` : line.outcome
    this.paragraph(how)
    if (line.comment) this.paragraph(`“${line.comment}”`, { muted: true })
    const covered = coveredText(line)
    if (covered) this.paragraph(covered, { muted: true, size: 9 })
    doc.moveDown(0.4)
  }

  /** "SHA-256 <64 hex digits>" on a line of its own, in a size at which the whole hash fits the width unbroken. */
  private hash(sha256: string) {
    const doc = this.doc
    const size = Math.min(HASH_MAX_SIZE, this.width / ((HASH_CHARACTERS + 'SHA-256 '.length) * COURIER_ADVANCE))
    doc.font('mono').fontSize(size).fillColor(MUTED).text(`SHA-256 ${sha256}`, doc.page.margins.left, doc.y, { width: this.width })
    doc.fillColor(INK)
  }

  footers(r: JustificationRecord) {
    const doc = this.doc
    const range = doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      const bottom = doc.page.margins.bottom
      // Writing inside the bottom margin would make pdfkit start a new page: lift the margin meanwhile.
      doc.page.margins.bottom = 0
      doc.font('body').fontSize(8).fillColor(MUTED)
      doc.text(`${r.reference} · generated ${r.generatedAt} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN, { width: this.width, align: 'center', lineBreak: false })
      doc.page.margins.bottom = bottom
    }
  }
}

/** Every text of the record, to know before drawing whether a character will need replacing. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsOf)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf)
  return []
}

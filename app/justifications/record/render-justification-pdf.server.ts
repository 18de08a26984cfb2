import type { TFunction } from 'i18next'
import PDFDocument from 'pdfkit'
import { translatorFor } from '~/i18n/i18n.server'
import { translateMessage } from '~/i18n/message'
import type { JustificationRecord } from './justification-record.server'
import { coveredByWinAnsi, printableText, REPLACEMENT } from './printable-text'
import type { RecordFont } from './record-font.server'
import type { SignatureLine } from './signature-line'

// Draws a justification's record as an A4 PDF with pdfkit (ADR 021): facts, the written
// justification, the supporting documents with their SHA-256, the signature block, the discussion
// and the audit timeline, a footer on every page, in the record's language (its reader's: the
// `record` messages, and the record's values already worded in it). Pure of the database: it gets
// the record and the font, and returns the PDF's bytes.

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
  const t = translatorFor(record.language, 'record')
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: t('pdf.titled', { reference: record.reference, title: record.title }), Author: 'SoleSource', Subject: t('pdf.subject'), Creator: 'SoleSource' },
    lang: record.language,
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
  const writer = new RecordWriter(doc, font !== null, t, translatorFor(record.language, 'common'))
  writer.draw(record)
  writer.footers(record)
  doc.end()
  return done
}

class RecordWriter {
  constructor(
    private readonly doc: Pdf,
    private readonly embedded: boolean,
    private readonly t: TFunction<'record'>,
    /** For messages ("namespace:key"), which name their own namespace. */
    private readonly messages: TFunction,
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
    const { doc, t } = this
    doc.font('body').fontSize(9).fillColor(MUTED).text(t('pdf.header'), { width: this.width })
    doc.moveDown(0.3)
    doc.font('bold').fontSize(18).fillColor(INK).text(this.clean(t('pdf.titled', { reference: r.reference, title: r.title })), { width: this.width })
    doc.font('body').fontSize(11).text(this.clean(r.status), { width: this.width })
    for (const note of r.notes) this.paragraph(note, { muted: true })
    doc.font('body')
    // Messages (a signatory's explanation) are drawn translated: their invisible separators are not text.
    if (stringsOf(r).some((text) => printableText(translateMessage(this.messages, text), this.covers).replaced)) {
      // Said on the first page, under the title, where a reader looks first.
      doc.fontSize(9).fillColor('#a03030')
      doc.text(this.clean(t('pdf.replaced', { replacement: REPLACEMENT })), { width: this.width })
      doc.fillColor(INK)
    }

    this.heading(t('pdf.headings.facts'))
    this.fact(t('pdf.facts.reference'), r.reference)
    this.fact(t('pdf.facts.title'), r.title)
    this.fact(t('pdf.facts.status'), r.status)
    this.fact(t('pdf.facts.requester'), r.requester)
    this.fact(t('pdf.facts.group'), r.group)
    this.fact(t('pdf.facts.supplier'), t('pdf.supplierEstablishedIn', { name: r.supplier, country: r.supplierCountry }))
    this.fact(t('pdf.facts.origin'), r.originCountry)
    this.fact(t('pdf.facts.category'), r.category)
    this.fact(t('pdf.facts.amount'), r.amount)
    this.fact(t('pdf.facts.amountChf'), r.amountChf ? (r.rate ? t('pdf.amountChfAtRate', { chf: r.amountChf, rate: r.rate }) : r.amountChf) : t('pdf.fixedWhenSubmitted'))
    this.fact(t('pdf.facts.policy'), r.policyVersion ? t('pdf.policyVersion', { version: r.policyVersion }) : null)
    this.fact(t('pdf.facts.created'), r.createdAt)
    this.fact(t('pdf.facts.submitted'), r.submittedAt)
    this.fact(t('pdf.facts.decided'), r.decidedAt)
    this.fact(t('pdf.facts.marketSurvey'), r.marketSurveyReference)

    this.heading(t('pdf.headings.bought'))
    this.paragraph(r.description)
    this.heading(t('pdf.headings.whySingleSource'))
    this.paragraph(r.reason)
    this.label(t('pdf.justification'))
    this.paragraph(r.reasonText)
    if (r.alternativeSuppliers) {
      this.label(t('pdf.alternatives'))
      this.paragraph(r.alternativeSuppliers.suppliers.join(', '))
      this.label(t('pdf.alternativesReason'))
      this.paragraph(r.alternativeSuppliers.reason ?? '—')
    }

    this.heading(t('pdf.headings.documents'))
    this.paragraph(r.documentsNote, { muted: true, size: 9 })
    doc.moveDown(0.3)
    if (r.documents.length === 0) this.paragraph(t('pdf.noDocuments'), { muted: true })
    for (const document of r.documents) {
      this.ensureSpace(32)
      doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(`${t('pdf.labelled', { label: document.kind })} `), doc.page.margins.left, doc.y, { width: this.width, continued: true })
      doc.font('body').text(this.clean(`${document.fileName} (${document.size})`))
      this.hash(document.sha256)
      doc.moveDown(0.3)
    }
    if (r.textSha256) {
      this.ensureSpace(32)
      this.paragraph(t('pdf.textAsSubmitted'), { size: 9 })
      this.hash(r.textSha256)
    }

    this.heading(t('pdf.headings.signatures'))
    if (r.signatures.length === 0) this.paragraph(r.noSignatures, { muted: true })
    for (const line of r.signatures) this.signature(line)

    this.heading(t('pdf.headings.discussion'))
    if (r.discussion.length === 0) this.paragraph(t('pdf.noComments'), { muted: true })
    for (const comment of r.discussion) {
      this.ensureSpace(28)
      const who = comment.asSignatory ? t('pdf.asSignatory', { author: comment.author }) : comment.author
      doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(`${comment.at} · ${who}`), doc.page.margins.left, doc.y, { width: this.width })
      this.paragraph(comment.body)
      if (comment.mentions.length) this.paragraph(t('pdf.mentions', { names: comment.mentions.join(', ') }), { muted: true, size: 9 })
      doc.moveDown(0.4)
    }

    this.heading(t('pdf.headings.timeline'))
    for (const event of r.timeline) {
      this.ensureSpace(28)
      doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(`${event.at} · ${event.label}`), doc.page.margins.left, doc.y, { width: this.width, continued: true })
      doc.font('body').text(this.clean(` ${t('pdf.by', { actor: event.actor })}`))
      if (event.details) this.paragraph(event.details, { muted: true, size: 9 })
      doc.moveDown(0.3)
    }
  }

  private signature(line: SignatureLine) {
    const { doc, t } = this
    this.ensureSpace(44)
    doc.font('bold').fontSize(10).fillColor(INK).text(this.clean(t('pdf.signatory', { role: line.role, person: line.person })), doc.page.margins.left, doc.y, { width: this.width })
    const how = line.decided && line.at ? t('pdf.decidedOn', { outcome: line.outcome, at: line.at, channel: t(`signatures.channel.${line.channel ?? 'not-recorded'}`) }) : line.outcome
    this.paragraph(how)
    if (line.comment) this.paragraph(t('events.quoted', { text: line.comment }), { muted: true })
    const covered = line.coveredDocuments === null ? null : line.coveredDocuments === 0 ? t('signatures.coveredNone') : t('signatures.covered', { count: line.coveredDocuments })
    if (covered) this.paragraph(covered, { muted: true, size: 9 })
    // Why this person was asked, as the workflow explained it: a message reads in the reader's language.
    if (line.explanation) this.paragraph(translateMessage(this.messages, line.explanation), { muted: true, size: 9 })
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
      doc.text(this.clean(this.t('pdf.footer', { reference: r.reference, at: r.generatedAt, page: i + 1, pages: range.count })), MARGIN, doc.page.height - MARGIN, { width: this.width, align: 'center', lineBreak: false })
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

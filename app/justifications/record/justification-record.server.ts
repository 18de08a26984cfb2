import type { StatedAlternatives } from '~/industrial-return/suppliers/stated-alternatives'
import type { Database } from '~/db/client.server'
import { formatDate, formatDateTime } from '~/calendar/format-date'
import { countryName } from '~/i18n/country-names'
import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { formatChf, formatMoney } from '~/money/amount'
import { formatRate } from '~/money/format-rate'
import { loadJustificationPage } from '../page.server'
import type { Viewer } from '../visibility.server'
import { loadRecordDiscussion, loadRecordDocuments, type RecordComment, type RecordDocuments } from './record-documents.server'
import { loadRecordTimeline, type RecordEvent } from './record-timeline.server'
import { loadSignatureLines } from './signatures.server'
import type { SignatureLine } from './signature-line'

// A justification as a signed record (its PDF): the page's facts, written justification, supporting
// documents (those of the last submission, with their SHA-256), signature block, discussion and
// audit timeline, every time on the organisation's clock with its zone, every word in the language
// of its reader (the person who downloads it). Whoever may not see the page gets null, as the page
// answers them.

export type JustificationRecord = RecordDocuments & {
  /** The reader's: the PDF's own words and its `lang` follow it. */
  language: Language
  reference: string
  title: string
  status: string
  requester: string
  group: string
  supplier: string
  supplierCountry: string
  originCountry: string | null
  category: string
  /** As filed: "EUR 60’000.00". */
  amount: string
  /** Fixed at submission, null for a draft. */
  amountChf: string | null
  /** "0.9412 CHF per EUR, rate of 1 Dec 2026"; null for CHF (no conversion) or a draft. */
  rate: string | null
  policyVersion: number | null
  createdAt: string
  submittedAt: string | null
  decidedAt: string | null
  description: string
  reason: string
  reasonText: string
  marketSurveyReference: string | null
  /** The suppliers in very poorly balanced countries shown at submission, and why none can deliver (ADR 044). */
  alternativeSuppliers: StatedAlternatives | null
  notes: string[]
  signatures: SignatureLine[]
  /** Said in place of the signatures when there are none. */
  noSignatures: string
  /** The comments on the justification, oldest first. */
  discussion: RecordComment[]
  timeline: RecordEvent[]
  generatedAt: string
}

export async function loadJustificationRecord(db: Database, person: Viewer, id: string, now: Date, language: Language): Promise<JustificationRecord | null> {
  const page = await loadJustificationPage(db, person, id, now)
  if (!page) return null
  const [row, signatures, documents, discussion, timeline] = await Promise.all([
    db.justification.findUniqueOrThrow({ where: { id }, select: { createdAt: true, submittedAt: true, decidedAt: true, machineVersion: true } }),
    loadSignatureLines(db, page, language),
    loadRecordDocuments(db, id, language),
    loadRecordDiscussion(db, id, language),
    loadRecordTimeline(db, id, language),
  ])
  const t = translatorFor(language, 'record')
  const tj = translatorFor(language, 'justifications')
  const zoned = (instant: Date | null | undefined) => (instant ? formatDateTime(instant, language) : null)
  const country = (code: string | null, stored: string | null) => (code && stored ? countryName(code, stored, language) : stored)
  return {
    language,
    reference: page.reference,
    title: page.title,
    status: tj(`status.${page.status}`),
    requester: page.requester,
    group: `${page.group} (${page.department})`,
    supplier: page.supplier,
    supplierCountry: country(page.supplierCountryCode, page.supplierCountry) ?? page.supplierCountry,
    originCountry: country(page.originCountryCode, page.originCountry),
    category: tj(`category.${page.categoryCode}`),
    amount: formatMoney(page.amountMinor, page.currency, language),
    amountChf: page.amountChfMinor !== null ? formatChf(page.amountChfMinor, language) : null,
    rate: page.exchangeRate
      ? t('pdf.rate', { rate: formatRate(page.exchangeRate, language), currency: page.currency, date: page.exchangeRateDateIso ? formatDate(page.exchangeRateDateIso, language) : '—' })
      : null,
    policyVersion: page.policyVersion,
    createdAt: formatDateTime(row.createdAt, language),
    submittedAt: zoned(row.submittedAt),
    decidedAt: zoned(row.decidedAt),
    description: page.description,
    reason: tj(`reason.${page.reasonCode}`),
    reasonText: page.reasonText,
    marketSurveyReference: page.marketSurveyReference,
    alternativeSuppliers: page.alternativeSuppliers,
    notes: [
      ...(page.splitPurchaseFlag ? [t('notes.splitPurchase')] : []),
      ...(page.approvedWithoutSignature ? [t('notes.noSignatureNeeded')] : []),
      ...(page.unreadable ? [t('notes.unreadable', { version: row.machineVersion })] : []),
    ],
    ...documents,
    signatures,
    noSignatures: page.approvedWithoutSignature ? t('signatures.noneNeeded') : page.status === 'DRAFT' ? t('signatures.decidedOnSubmission') : t('signatures.noneAsked'),
    discussion,
    timeline,
    generatedAt: formatDateTime(now, language),
  }
}

import type { StatedAlternatives } from '~/industrial-return/suppliers/stated-alternatives'
import type { Database } from '~/db/client.server'
import { formatDateTime } from '~/calendar/format-date'
import { translatorFor } from '~/i18n/i18n.server'
import { explanationText } from '~/workflow/explanation'
import { loadJustificationPage } from '../page.server'
import type { Viewer } from '../visibility.server'
import { loadRecordDiscussion, loadRecordDocuments, type RecordComment, type RecordDocuments } from './record-documents.server'
import { loadSignatureLines } from './signatures.server'
import { noSignatureText, type SignatureLine } from './signature-line'

// A justification as a signed record (its PDF): the page's facts, written justification, supporting
// documents (those of the last submission, with their SHA-256), signature block, discussion and
// audit timeline, every time on the organisation's clock with its zone. Whoever may not see
// the page gets null, as the page answers them.

export type JustificationRecord = RecordDocuments & {
  reference: string
  title: string
  status: string
  requester: string
  group: string
  supplier: string
  supplierCountry: string
  originCountry: string | null
  category: string
  /** As filed: "EUR 60'000.00". */
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
  timeline: { label: string; actor: string; at: string; details: string | null }[]
  generatedAt: string
}

/** The page's messages (timeline details, notices) as the record states them, in English for now. */
const inEnglish = (text: string) => explanationText(translatorFor('en', 'justifications'), text)

export async function loadJustificationRecord(db: Database, person: Viewer, id: string, now: Date): Promise<JustificationRecord | null> {
  const page = await loadJustificationPage(db, person, id, now)
  if (!page) return null
  const [row, signatures, documents, discussion] = await Promise.all([
    db.justification.findUniqueOrThrow({ where: { id }, select: { createdAt: true, submittedAt: true, decidedAt: true } }),
    loadSignatureLines(db, page),
    loadRecordDocuments(db, id),
    loadRecordDiscussion(db, id),
  ])
  const zoned = (instant: Date | null | undefined) => (instant ? formatDateTime(instant) : null)
  return {
    reference: page.reference,
    title: page.title,
    status: page.statusLabel,
    requester: page.requester,
    group: `${page.group} (${page.department})`,
    supplier: page.supplier,
    supplierCountry: page.supplierCountry,
    originCountry: page.originCountry,
    category: page.category,
    amount: page.amount,
    amountChf: page.amountChf,
    rate: page.rate,
    policyVersion: page.policyVersion,
    createdAt: formatDateTime(row.createdAt),
    submittedAt: zoned(row.submittedAt),
    decidedAt: zoned(row.decidedAt),
    description: page.description,
    reason: page.reason,
    reasonText: page.reasonText,
    marketSurveyReference: page.marketSurveyReference,
    alternativeSuppliers: page.alternativeSuppliers,
    notes: [
      ...(page.splitPurchaseFlag ? ['Flagged as a possible split purchase.'] : []),
      ...(page.approvedWithoutSignature ? ['No signature was needed at this amount.'] : []),
      ...(page.unreadable ? [inEnglish(page.unreadable)] : []),
    ],
    ...documents,
    signatures,
    noSignatures: noSignatureText(page),
    discussion,
    timeline: page.timeline.map((event) => ({ label: event.label, actor: event.actor, at: event.at, details: event.details === null ? null : inEnglish(event.details) })),
    generatedAt: formatDateTime(now),
  }
}

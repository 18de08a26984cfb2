import { statedAlternativesOf } from '~/industrial-return/suppliers/stated-alternatives'
import { auditEventLabel } from '~/audit/events'
import { attachmentKindLabels, type AttachmentKind } from '~/attachments/attachment-kinds'
import { formatFileSize } from '~/attachments/file-size'
import type { Database } from '~/db/client.server'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { minorFromColumn } from '~/money/minor-units'
import { formatDate, formatDateTime } from '~/calendar/format-date'
import { currentStep, justificationContextSchema, KNOWN_MACHINE_VERSIONS, type StepRecord } from '~/workflow/machine'
import { requiredTiers } from '~/workflow/signature-policy'
import { categoryLabels, reasonLabels, statusLabels, type Category, type JustificationStatus, type SingleSourceReason } from './labels'
import { assessSubmission, type SubmittableRow } from './assess-submission.server'
import { seesGroupOf, visibleTo, type Viewer } from './visibility.server'
import { messageList } from '~/industrial-return/ledger/message-list'

const stepStatusLabels: Record<StepRecord['status'], string> = {
  'to-come': 'To come',
  pending: 'Awaiting signature',
  done: 'Signed',
  rejected: 'Rejected',
  returned: 'Sent back for changes',
  'not-reached': 'Not reached',
}

/** Everything the justification page shows to this viewer, or null if they may not see it. */
export async function loadJustificationPage(db: Database, person: Viewer, id: string, now: Date) {
  const j = await db.justification.findFirst({
    where: { AND: [{ id }, visibleTo(person)] },
    include: {
      requester: { select: { id: true, name: true } },
      group: { select: { code: true, name: true, department: { select: { code: true } } } },
      supplierCountry: { select: { name: true } },
      originCountry: { select: { name: true } },
    },
  })
  if (!j) return null
  // A snapshot written by a workflow version this code does not know is shown, not misread.
  const readable = KNOWN_MACHINE_VERSIONS.includes(j.machineVersion)
  const context = readable ? justificationContextSchema.parse((j.snapshot as { context: unknown }).context) : { chain: [], approvedWithoutSignature: false, currentStepIndex: null }
  const events = await db.auditEvent.findMany({ where: { subject: `justification:${j.id}` }, orderBy: { id: 'asc' } })
  const personIds = new Set<string>([...context.chain.flatMap((s) => [s.signatoryId, ...(s.decidedBy ? [s.decidedBy] : [])]), ...events.flatMap((e) => (e.actorId ? [e.actorId] : []))])
  const people = new Map((await db.person.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]))
  const nameOf = (personId: string | null) => (personId ? (people.get(personId) ?? 'Someone') : 'SoleSource')

  const status = j.status as JustificationStatus
  const isRequester = j.requesterId === person.id
  const step = readable ? currentStep(context as Parameters<typeof currentStep>[0]) : undefined
  const isCurrentSignatory = status === 'AWAITING_SIGNATURE' && step?.signatoryId === person.id
  const editable = readable && (status === 'DRAFT' || status === 'CHANGES_REQUESTED')
  const amountMinor = minorFromColumn(j.amountMinor)

  return {
    id: j.id,
    reference: j.reference,
    title: j.title,
    description: j.description,
    status,
    statusLabel: statusLabels[status],
    rowVersion: j.rowVersion,
    requester: j.requester.name,
    group: `${j.group.code} · ${j.group.name}`,
    department: j.group.department.code,
    supplier: j.supplierName,
    supplierCountry: j.supplierCountry.name,
    originCountry: j.originCountry?.name ?? null,
    category: categoryLabels[j.category as Category],
    // The same facts as codes, numbers and instants, for the page to word in its reader's language.
    categoryCode: j.category as Category,
    reasonCode: j.reason as SingleSourceReason,
    supplierCountryCode: j.supplierCountryCode,
    originCountryCode: j.originCountryCode,
    amountMinor,
    currency: j.currency as Currency,
    amountChfMinor: j.amountChfMinor !== null ? minorFromColumn(j.amountChfMinor) : null,
    exchangeRate: j.exchangeRate && j.currency !== 'CHF' ? String(j.exchangeRate) : null,
    exchangeRateDateIso: j.exchangeRateDate ? j.exchangeRateDate.toISOString() : null,
    amount: formatMoney(amountMinor, j.currency as Currency),
    amountChf: j.amountChfMinor !== null ? formatChf(minorFromColumn(j.amountChfMinor)) : null,
    rate: j.exchangeRate && j.currency !== 'CHF' ? `${j.exchangeRate} CHF per ${j.currency}, rate of ${j.exchangeRateDate ? formatDate(j.exchangeRateDate) : '—'}` : null,
    policyVersion: j.policyVersion,
    reason: reasonLabels[j.reason as SingleSourceReason],
    reasonText: j.reasonText,
    marketSurveyReference: j.marketSurveyReference,
    alternativeSuppliers: statedAlternativesOf(j.alternativeSuppliers, j.alternativeSuppliersReason),
    submittedAt: j.submittedAt ? formatDateTime(j.submittedAt) : null,
    submittedAtIso: j.submittedAt?.toISOString() ?? null,
    splitPurchaseFlag: j.splitPurchaseFlag,
    approvedWithoutSignature: context.approvedWithoutSignature,
    chain: context.chain.map((s, index) => ({
      index,
      label: s.label,
      signatory: nameOf(s.signatoryId),
      status: s.status,
      statusLabel: stepStatusLabels[s.status],
      why: s.explanation,
      decidedBy: s.decidedBy ? nameOf(s.decidedBy) : null,
      decidedAt: s.decidedAt ? formatDateTime(s.decidedAt) : null,
      decidedAtIso: s.decidedAt ? new Date(s.decidedAt).toISOString() : null,
      comment: s.comment,
    })),
    timeline: events.map((e) => ({
      id: String(e.id),
      type: e.type,
      label: auditEventLabel(e.type),
      actor: nameOf(e.actorId),
      at: formatDateTime(e.createdAt),
      atIso: e.createdAt.toISOString(),
      details: describeEvent(e.type, e.payload as Record<string, unknown>, nameOf),
    })),
    can: {
      edit: isRequester && editable,
      submit: isRequester && editable,
      withdraw: readable && isRequester && (status === 'DRAFT' || status === 'AWAITING_SIGNATURE' || status === 'CHANGES_REQUESTED'),
      decide: isCurrentSignatory,
    },
    currentStepLabel: step?.label ?? null,
    draftPreview: editable ? await draftPreview(db, j, now, seesGroupOf(person, j.groupId)) : null,
    unreadable: readable ? null : `Stored by workflow version ${j.machineVersion}, which this version of SoleSource does not know: nothing can change until an administrator migrates it.`,
  }
}

/** For a draft: what submitting it now would mean, in one line (the review page says it in full). */
type DraftPreview = {
  text: string
  /** What `text` says when the draft could be submitted, as figures for the page to word: null when it could not. */
  signatures: { chfMinor: number; tiers: string[]; noSignatureAtOrBelowMinor: number } | null
  splitPurchaseWarning: string | null
  quoteWarning: string | null
}

async function draftPreview(db: Database, j: SubmittableRow, now: Date, detailed: boolean): Promise<DraftPreview> {
  const assessed = await assessSubmission(db, j, now, { detailed })
  if (!assessed.ok) {
    const reasons = assessed.failure.kind === 'INVALID' ? Object.values(assessed.failure.fieldErrors).flat() : []
    return { text: reasons.length ? messageList(reasons) : assessed.failure.message, signatures: null, splitPurchaseWarning: null, quoteWarning: null }
  }
  const chf = assessed.prepared.chfMinor
  const tiers = requiredTiers(assessed.policy, chf)
  return {
    text: tiers.length
      ? `Submitted today, ${formatChf(chf)} needs the signature of: ${tiers.map((t) => t.label.toLowerCase()).join(', then ')}.`
      : `Submitted today, ${formatChf(chf)} needs no signature (at or below ${formatChf(assessed.policy.tiers[0]!.aboveChfMinor)}).`,
    signatures: { chfMinor: chf, tiers: tiers.map((t) => t.label.toLowerCase()), noSignatureAtOrBelowMinor: assessed.policy.tiers[0]!.aboveChfMinor },
    splitPurchaseWarning: assessed.split.message,
    quoteWarning: assessed.quoteWarning,
  }
}

function describeEvent(type: string, payload: Record<string, unknown>, nameOf: (id: string | null) => string): string | null {
  const text = (value: unknown) => (typeof value === 'string' ? value : null)
  switch (type) {
    case 'JUSTIFICATION_EDITED': {
      const changes = payload.changes as Record<string, { from: unknown; to: unknown }>
      return Object.entries(changes)
        .map(([field, { from, to }]) => `${field}: ${String(from ?? '—')} → ${String(to ?? '—')}`)
        .join('; ')
    }
    case 'JUSTIFICATION_SUBMITTED': {
      // A CHF amount is its own CHF equivalent: no conversion, so no rate to speak of.
      const amount =
        payload.currency === 'CHF'
          ? formatChf(Number(payload.amountChfMinor))
          : `${formatMoney(Number(payload.amountMinor), payload.currency as Currency)} = ${formatChf(Number(payload.amountChfMinor))} at rate ${payload.rate} of ${formatDate(String(payload.rateDate))}`
      return `Policy version ${payload.policyVersion}; ${amount}${payload.splitPurchaseFlag ? '; flagged as a possible split purchase' : ''}; ${documentCount(payload.documents)}.`
    }
    case 'STEP_ASSIGNED':
      return `${text(payload.label)}: ${text(payload.signatoryName)}. ${text(payload.explanation) ?? ''}`.trim()
    case 'STEP_REASSIGNED':
      return `From ${nameOf(text(payload.fromSignatoryId))} to ${nameOf(text(payload.toSignatoryId))}: ${text(payload.explanation)}`
    case 'STEP_SIGNED':
      return `${text(payload.label)}${payload.via === 'link' ? ', from the email link' : ''}${text(payload.comment) ? `: “${text(payload.comment)}”` : ''}; covered ${documentCount(payload.documents)}`
    case 'JUSTIFICATION_REJECTED':
      return `“${text(payload.reason)}”${payload.via === 'link' ? ' (from the email link)' : ''}`
    case 'CHANGES_REQUESTED':
      return `“${text(payload.comment)}”${payload.via === 'link' ? ' (from the email link)' : ''}`
    case 'JUSTIFICATION_WITHDRAWN':
      return text(payload.reason) ? `“${text(payload.reason)}”` : null
    case 'JUSTIFICATION_APPROVED':
      return payload.withoutSignature ? 'No signature needed at this amount.' : 'Every signature is in.'
    case 'ATTACHMENT_ADDED':
      return `${attachmentKindLabels[payload.kind as AttachmentKind] ?? text(payload.kind)}: ${text(payload.fileName)} (${formatFileSize(Number(payload.sizeBytes))}), SHA-256 ${text(payload.sha256)}`
    case 'ATTACHMENT_REMOVED':
      return `${text(payload.fileName)}, SHA-256 ${text(payload.sha256)}`
    case 'DOCUMENT_DOWNLOADED':
      return `${text(payload.fileName)}${payload.via === 'link' ? ', from the email link' : ''}`
    case 'COMMENT_POSTED':
      return `${payload.asSignatory ? 'Question from a signatory: ' : ''}“${text(payload.body)}”`
    default:
      return null
  }
}

/** "no supporting document", "1 supporting document", "3 supporting documents" (events before issue 11 have none). */
function documentCount(documents: unknown): string {
  const count = Array.isArray(documents) ? documents.length : 0
  return count === 0 ? 'no supporting document' : `${count} supporting document${count === 1 ? '' : 's'}`
}

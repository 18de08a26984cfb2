import { statedAlternativesOf } from '~/industrial-return/suppliers/stated-alternatives'
import { auditEventLabel } from '~/audit/events'
import { formatFileSize } from '~/attachments/file-size'
import type { Database } from '~/db/client.server'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { minorFromColumn } from '~/money/minor-units'
import { formatDate, formatDateTime } from '~/calendar/format-date'
import { currentStep, justificationContextSchema, KNOWN_MACHINE_VERSIONS, type StepRecord } from '~/workflow/machine'
import { requiredTiers, type SignatoryRole } from '~/workflow/signature-policy'
import { message, type MessageValues } from '~/i18n/message'
import { explanationOf, sentencesOf } from '~/workflow/explanation'
import { roleOfDefaultLabel } from '~/workflow/signatory-role-labels'
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
      role: s.role,
      signatory: nameOf(s.signatoryId),
      status: s.status,
      statusLabel: stepStatusLabels[s.status],
      // Messages (explanation.ts), or the English sentence of an older snapshot: the page words it.
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
    currentStep: step ? { label: step.label, role: step.role } : null,
    draftPreview: editable ? await draftPreview(db, j, now, seesGroupOf(person, j.groupId)) : null,
    unreadable: readable ? null : message('justifications:page.unreadable', { version: j.machineVersion }),
  }
}

/** For a draft: what submitting it now would mean, in one line (the review page says it in full). */
type DraftPreview = {
  /** Why it could not be submitted now (messages, see explanation.ts); null when it could. */
  text: string | null
  /** What submitting would ask, as figures and steps for the page to word: null when it could not be submitted. */
  signatures: { chfMinor: number; tiers: { label: string; role: SignatoryRole }[]; noSignatureAtOrBelowMinor: number } | null
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
    text: null,
    signatures: { chfMinor: chf, tiers: tiers.map(({ label, role }) => ({ label, role })), noSignatureAtOrBelowMinor: assessed.policy.tiers[0]!.aboveChfMinor },
    splitPurchaseWarning: assessed.split.message,
    quoteWarning: assessed.quoteWarning,
  }
}

/**
 * What an event of the timeline says besides its name: sentences as messages (explanation.ts), for
 * the page (and the record) to word in its reader's language; a step's stored explanation joins them
 * as it was written (messages, or older English text). Null for an event with nothing to add.
 */
function describeEvent(type: string, payload: Record<string, unknown>, nameOf: (id: string | null) => string): string | null {
  const text = (value: unknown) => (typeof value === 'string' ? value : null)
  const said = (key: string, values?: MessageValues) => message(`justifications:timeline.details.${key}`, values)
  const fromLink = payload.via === 'link' ? [said('fromEmailLink')] : []
  const quoted = (value: unknown) => said('quoted', { text: text(value) ?? '' })
  // A step's label: a role's default one is named in the reader's language, the administrator's own as written.
  const stepOf = (key: string) => {
    const label = text(payload.label) ?? ''
    const role = roleOfDefaultLabel(label)
    return role ? said(`${key}Role`, { role }) : said(key, { label })
  }
  switch (type) {
    case 'JUSTIFICATION_EDITED': {
      // Field names and values as stored: data, the same in every language.
      const changes = payload.changes as Record<string, { from: unknown; to: unknown }>
      return Object.entries(changes)
        .map(([field, { from, to }]) => `${field}: ${String(from ?? '—')} → ${String(to ?? '—')}`)
        .join('; ')
    }
    case 'JUSTIFICATION_SUBMITTED':
      return explanationOf([
        said('policyVersion', { version: Number(payload.policyVersion) }),
        // A CHF amount is its own CHF equivalent: no conversion, so no rate to speak of.
        payload.currency === 'CHF'
          ? said('amountChf', { chf: Number(payload.amountChfMinor) })
          : said('amountConverted', { amount: Number(payload.amountMinor), currency: String(payload.currency), chf: Number(payload.amountChfMinor), rate: String(payload.rate), rateDate: String(payload.rateDate) }),
        ...(payload.splitPurchaseFlag ? [said('splitPurchaseFlag')] : []),
        documentCount(payload.documents),
      ])
    case 'STEP_ASSIGNED': {
      const label = text(payload.label) ?? ''
      const role = roleOfDefaultLabel(label)
      const name = text(payload.signatoryName) ?? ''
      return explanationOf([role ? said('stepAssignedRole', { role, name }) : said('stepAssigned', { label, name }), ...sentencesOf(text(payload.explanation) ?? '')])
    }
    case 'STEP_REASSIGNED':
      return explanationOf([said('stepReassigned', { from: nameOf(text(payload.fromSignatoryId)), to: nameOf(text(payload.toSignatoryId)) }), ...sentencesOf(text(payload.explanation) ?? '')])
    case 'STEP_SIGNED':
      return explanationOf([stepOf('stepSigned'), ...fromLink, ...(text(payload.comment) ? [quoted(payload.comment)] : []), coveredCount(payload.documents)])
    case 'JUSTIFICATION_REJECTED':
      return explanationOf([quoted(payload.reason), ...fromLink])
    case 'CHANGES_REQUESTED':
      return explanationOf([quoted(payload.comment), ...fromLink])
    case 'JUSTIFICATION_WITHDRAWN':
      return text(payload.reason) ? quoted(payload.reason) : null
    case 'JUSTIFICATION_APPROVED':
      return said(payload.withoutSignature ? 'approvedWithoutSignature' : 'approvedEverySignature')
    case 'ATTACHMENT_ADDED':
      return said('attachmentAdded', { kind: text(payload.kind) ?? 'OTHER', fileName: text(payload.fileName), size: formatFileSize(Number(payload.sizeBytes)), sha256: text(payload.sha256) })
    case 'ATTACHMENT_REMOVED':
      return said('attachmentRemoved', { fileName: text(payload.fileName), sha256: text(payload.sha256) })
    case 'DOCUMENT_DOWNLOADED':
      return explanationOf([said('documentDownloaded', { fileName: text(payload.fileName) }), ...fromLink])
    case 'COMMENT_POSTED':
      return payload.asSignatory ? said('signatoryQuestion', { text: text(payload.body) }) : quoted(payload.body)
    default:
      return null
  }
}

/** "No supporting document.", "1 supporting document.", "3 supporting documents." (events before issue 11 have none). */
function documentCount(documents: unknown): string {
  const count = Array.isArray(documents) ? documents.length : 0
  return count === 0 ? message('justifications:timeline.details.noDocuments') : message('justifications:timeline.details.documents', { count })
}

/** What a signature covered: "Covered no supporting document.", "Covered 2 supporting documents." */
function coveredCount(documents: unknown): string {
  const count = Array.isArray(documents) ? documents.length : 0
  return count === 0 ? message('justifications:timeline.details.coveredNone') : message('justifications:timeline.details.covered', { count })
}

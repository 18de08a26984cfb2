import type { TFunction } from 'i18next'
import { attachmentKindLabels, type AttachmentKind } from '~/attachments/attachment-kinds'
import { formatFileSize } from '~/attachments/file-size'
import { auditEventLabel } from '~/audit/events'
import { formatDate, formatDateTime } from '~/calendar/format-date'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { translateMessage } from '~/i18n/message'
import { formatChf, formatMoney } from '~/money/amount'
import { formatRate } from '~/money/format-rate'
import { isCurrency } from '~/money/currency'
import { stepLabelIn } from './step-label.server'
import { isTimelineEvent } from '../timeline-events'

// The record's audit timeline in its reader's language: each event's name, who, when on the
// organisation's clock, and what it recorded, worded from the event's payload (the page's own
// timeline words its details as messages, app/justifications/page.server.ts). A workflow explanation
// stored as a message (app/i18n/message.ts) reads in the reader's language; one stored as English
// text stays as written.

export type RecordEvent = { label: string; actor: string; at: string; details: string | null }

export async function loadRecordTimeline(db: DatabaseOrTransaction, justificationId: string, language: Language): Promise<RecordEvent[]> {
  const events = await db.auditEvent.findMany({ where: { subject: `justification:${justificationId}` }, orderBy: { id: 'asc' } })
  const personIds = new Set<string>()
  for (const event of events) {
    if (event.actorId) personIds.add(event.actorId)
    const payload = (event.payload ?? {}) as Record<string, unknown>
    for (const key of ['fromSignatoryId', 'toSignatoryId']) if (typeof payload[key] === 'string') personIds.add(payload[key])
  }
  const people = new Map((await db.person.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]))
  const t = translatorFor(language, 'record')
  const tj = translatorFor(language, 'justifications')
  const nameOf = (personId: string | null) => (personId ? (people.get(personId) ?? t('someone')) : 'SoleSource')
  return events.map((event) => ({
    label: isTimelineEvent(event.type) ? tj(`timeline.event.${event.type}` as never) : auditEventLabel(event.type),
    actor: nameOf(event.actorId),
    at: formatDateTime(event.createdAt, language),
    details: describeEvent(event.type, (event.payload ?? {}) as Record<string, unknown>, { t, tj, language, nameOf }),
  }))
}

type Wording = { t: TFunction<'record'>; tj: TFunction<'justifications'>; language: Language; nameOf: (id: string | null) => string }

function describeEvent(type: string, payload: Record<string, unknown>, { t, tj, language, nameOf }: Wording): string | null {
  const text = (value: unknown) => (typeof value === 'string' ? value : null)
  const explanation = (value: unknown) => (typeof value === 'string' ? translateMessage(translatorFor(language, 'common'), value) : '')
  const documents = (value: unknown) => {
    const count = Array.isArray(value) ? value.length : 0
    return count === 0 ? t('events.documentsNone') : t('events.documents', { count })
  }
  const label = (value: unknown) => (typeof value === 'string' ? stepLabelIn(value, language) : '')
  const quoted = (value: unknown) => (payload.via === 'link' ? t('events.quotedByLink', { text: text(value) ?? '' }) : t('events.quoted', { text: text(value) ?? '' }))
  switch (type) {
    case 'JUSTIFICATION_EDITED': {
      const changes = (payload.changes ?? {}) as Record<string, { from: unknown; to: unknown }>
      return Object.entries(changes)
        .map(([field, { from, to }]) => t('events.edited', { field: t(`events.fields.${field}` as never, { defaultValue: field }), from: String(from ?? '—'), to: String(to ?? '—') }))
        .join('; ')
    }
    case 'JUSTIFICATION_SUBMITTED': {
      const chf = formatChf(Number(payload.amountChfMinor), language)
      // A CHF amount is its own CHF equivalent: no conversion, so no rate to speak of.
      const amount =
        payload.currency === 'CHF' || !isCurrency(payload.currency)
          ? chf
          : t('events.submittedConverted', {
              amount: formatMoney(Number(payload.amountMinor), payload.currency, language),
              chf,
              rate: formatRate(String(payload.rate), language),
              date: typeof payload.rateDate === 'string' ? formatDate(payload.rateDate, language) : '—',
            })
      return t('events.submitted', { version: String(payload.policyVersion), amount, flag: payload.splitPurchaseFlag ? t('events.submittedFlag') : '', documents: documents(payload.documents) })
    }
    case 'STEP_ASSIGNED':
      return t('events.assigned', { label: label(payload.label), name: text(payload.signatoryName) ?? '', explanation: explanation(payload.explanation) }).trim()
    case 'STEP_REASSIGNED':
      return t('events.reassigned', { from: nameOf(text(payload.fromSignatoryId)), to: nameOf(text(payload.toSignatoryId)), explanation: explanation(payload.explanation) })
    case 'STEP_SIGNED':
      return t('events.signed', {
        label: label(payload.label),
        via: payload.via === 'link' ? t('events.signedVia') : '',
        comment: text(payload.comment) ? t('events.signedComment', { comment: text(payload.comment) }) : '',
        documents: documents(payload.documents),
      })
    case 'JUSTIFICATION_REJECTED':
      return quoted(payload.reason)
    case 'CHANGES_REQUESTED':
      return quoted(payload.comment)
    case 'JUSTIFICATION_WITHDRAWN':
      return text(payload.reason) ? t('events.quoted', { text: text(payload.reason) }) : null
    case 'JUSTIFICATION_APPROVED':
      return payload.withoutSignature ? t('events.approvedWithoutSignature') : t('events.approvedAllSigned')
    case 'ATTACHMENT_ADDED':
      return t('events.attachmentAdded', {
        kind: documentKindIn(tj, text(payload.kind)),
        fileName: text(payload.fileName),
        size: formatFileSize(Number(payload.sizeBytes), language),
        sha256: text(payload.sha256),
      })
    case 'ATTACHMENT_REMOVED':
      return t('events.attachmentRemoved', { fileName: text(payload.fileName), sha256: text(payload.sha256) })
    case 'DOCUMENT_DOWNLOADED':
      return payload.via === 'link' ? t('events.downloadedByLink', { fileName: text(payload.fileName) }) : t('events.downloaded', { fileName: text(payload.fileName) })
    case 'COMMENT_POSTED':
      return payload.asSignatory ? t('events.commentAsSignatory', { body: text(payload.body) }) : t('events.comment', { body: text(payload.body) })
    default:
      return null
  }
}

/** A supporting document's kind in the reader's language (the justifications catalogue's names). */
export function documentKindIn(tj: TFunction<'justifications'>, kind: string | null): string {
  if (kind && Object.hasOwn(attachmentKindLabels, kind)) return tj(`documents.kind.${kind as AttachmentKind}`)
  return kind ?? '—'
}

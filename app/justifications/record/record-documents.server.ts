import { attachmentAuditEvents, coveredDocument } from '~/attachments/attachment-audit-events'
import { formatFileSize } from '~/attachments/file-size'
import { listCurrentAttachments } from '~/attachments/list-attachments.server'
import { formatDateTime } from '~/calendar/format-date'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { documentKindIn } from './record-timeline.server'

// What the record says of a justification's evidence and discussion: the documents of its last
// submission as the audit trail froze them (what the signatures covered), and every comment, worded
// in the reader's language.

export type RecordDocument = { kind: string; fileName: string; size: string; sha256: string }

export type RecordDocuments = {
  /** The last submission's documents; for a justification never submitted, those attached now. */
  documents: RecordDocument[]
  /** Says which set this is, and the text's hash when it was submitted. */
  documentsNote: string
  textSha256: string | null
}

export type RecordComment = { author: string; at: string; body: string; asSignatory: boolean; mentions: string[] }

const submittedDocuments = coveredDocument.array()

export async function loadRecordDocuments(db: DatabaseOrTransaction, justificationId: string, language: Language): Promise<RecordDocuments> {
  const t = translatorFor(language, 'record')
  const tj = translatorFor(language, 'justifications')
  const submitted = await db.auditEvent.findFirst({ where: { subject: `justification:${justificationId}`, type: 'JUSTIFICATION_SUBMITTED' }, orderBy: { id: 'desc' } })
  if (!submitted) {
    const current = await listCurrentAttachments(db, justificationId)
    return {
      documents: current.map((a) => ({ kind: documentKindIn(tj, a.kind), fileName: a.fileName, size: formatFileSize(a.sizeBytes, language), sha256: a.sha256 })),
      documentsNote: t('documents.notSubmitted'),
      textSha256: null,
    }
  }
  const payload = submitted.payload as { round?: unknown; documents?: unknown; textSha256?: unknown }
  const parsed = submittedDocuments.safeParse(payload.documents ?? [])
  const documents = parsed.success ? parsed.data : []
  const round = typeof payload.round === 'number' ? t('documents.round', { round: payload.round }) : ''
  const at = formatDateTime(submitted.createdAt, language)
  const textSha256 = typeof payload.textSha256 === 'string' ? payload.textSha256 : null
  return {
    documents: documents.map((d) => ({ kind: documentKindIn(tj, d.kind), fileName: d.fileName, size: formatFileSize(d.sizeBytes, language), sha256: d.sha256 })),
    documentsNote: textSha256 === null ? t('documents.asSubmittedBefore', { at, round }) : t('documents.asSubmitted', { at, round }),
    textSha256,
  }
}

const commentSchema = attachmentAuditEvents.COMMENT_POSTED.schema

/** The discussion, oldest first: who wrote, when (with the zone), what, whom it named. */
export async function loadRecordDiscussion(db: DatabaseOrTransaction, justificationId: string, language: Language): Promise<RecordComment[]> {
  const someone = translatorFor(language, 'record')('someone')
  const events = await db.auditEvent.findMany({ where: { subject: `justification:${justificationId}`, type: 'COMMENT_POSTED' }, orderBy: { id: 'asc' } })
  const authorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))]
  const names = new Map((await db.person.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]))
  return events.flatMap((event) => {
    const parsed = commentSchema.safeParse(event.payload)
    if (!parsed.success) return []
    return [
      {
        author: event.actorId ? (names.get(event.actorId) ?? someone) : 'SoleSource',
        at: formatDateTime(event.createdAt, language),
        body: parsed.data.body,
        asSignatory: parsed.data.asSignatory,
        mentions: parsed.data.mentions.map((m) => m.name),
      },
    ]
  })
}

import type { DatabaseOrTransaction } from '~/db/client.server'
import type { CoveredDocument } from './attachment-audit-events'
import { attachmentKindLabels, type AttachmentKind } from './attachment-kinds'
import { formatFileSize } from './file-size'

/** A supporting document as pages, emails and the record show it. */
export type AttachmentSummary = {
  id: string
  kind: AttachmentKind
  kindLabel: string
  fileName: string
  sizeBytes: number
  sizeText: string
  mediaType: string
  sha256: string
  addedAtIso: string
  addedBy: string
}

/** The documents a justification carries now (not those removed), oldest first. */
export async function listCurrentAttachments(db: DatabaseOrTransaction, justificationId: string): Promise<AttachmentSummary[]> {
  const rows = await db.attachment.findMany({
    where: { justificationId, removedAt: null },
    orderBy: [{ addedAt: 'asc' }, { id: 'asc' }],
    include: { addedBy: { select: { name: true } } },
  })
  return rows.map((row) => {
    const kind = row.kind as AttachmentKind
    const sizeBytes = Number(row.sizeBytes)
    return {
      id: row.id,
      kind,
      kindLabel: attachmentKindLabels[kind],
      fileName: row.fileName,
      sizeBytes,
      sizeText: formatFileSize(sizeBytes),
      mediaType: row.mediaType,
      sha256: row.sha256,
      addedAtIso: row.addedAt.toISOString(),
      addedBy: row.addedBy.name,
    }
  })
}

/** What a submission or a signature covers: each document's identity and hash, in list order. */
export function coveredDocuments(attachments: AttachmentSummary[]): CoveredDocument[] {
  return attachments.map(({ id, fileName, kind, sizeBytes, sha256 }) => ({ attachmentId: id, fileName, kind, sizeBytes, sha256 }))
}

import type { EmailDocument } from '#emails/document-list'
import { attachmentKindLabels, type AttachmentKind } from '~/attachments/attachment-kinds'
import { formatFileSize } from '~/attachments/file-size'
import type { Prisma } from '~/generated/prisma/client'

/**
 * The documents emails list, read with the justification's row (emailRowInclude): its current ones,
 * in the order pages list them. A transition reads the row before it sends its emails, so a request
 * to sign lists what the signature will cover, a resubmission's new set included.
 */
export const emailDocumentsInclude = {
  where: { removedAt: null },
  orderBy: [{ addedAt: 'asc' }, { id: 'asc' }],
  select: { kind: true, fileName: true, sizeBytes: true, sha256: true },
} as const satisfies Prisma.Justification$attachmentsArgs

type EmailDocumentRow = { kind: string; fileName: string; sizeBytes: bigint; sha256: string }

export function emailDocuments(rows: readonly EmailDocumentRow[]): EmailDocument[] {
  return rows.map((row) => ({
    kind: attachmentKindLabels[row.kind as AttachmentKind] ?? row.kind,
    // The template names the kind in the recipient's language from its code (emails/document-list.tsx).
    ...(Object.hasOwn(attachmentKindLabels, row.kind) ? { kindCode: row.kind as AttachmentKind } : {}),
    fileName: row.fileName,
    size: formatFileSize(Number(row.sizeBytes)),
    // The template writes the size in the recipient's language from the count of bytes.
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
  }))
}

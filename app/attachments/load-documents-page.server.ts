import type { Database } from '~/db/client.server'
import { statusLabels, type JustificationStatus } from '~/justifications/labels'
import { visibleTo, type Viewer } from '~/justifications/visibility.server'
import { KNOWN_MACHINE_VERSIONS } from '~/workflow/machine'
import { listCurrentAttachments, type AttachmentSummary } from './list-attachments.server'

export type DocumentsPage = {
  id: string
  reference: string
  title: string
  status: JustificationStatus
  statusLabel: string
  rowVersion: number
  documents: AttachmentSummary[]
  /** May this viewer add and remove documents now (the requester, while a draft or sent back)? */
  editable: boolean
  isRequester: boolean
}

/** The supporting documents of a justification as its documents page shows them, or null if this person may not see it. */
export async function loadDocumentsPage(db: Database, person: Viewer, id: string): Promise<DocumentsPage | null> {
  const row = await db.justification.findFirst({
    where: { AND: [{ id }, visibleTo(person)] },
    select: { id: true, reference: true, title: true, status: true, rowVersion: true, requesterId: true, machineVersion: true },
  })
  if (!row) return null
  const status = row.status as JustificationStatus
  const isRequester = row.requesterId === person.id
  const readable = KNOWN_MACHINE_VERSIONS.includes(row.machineVersion)
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    status,
    statusLabel: statusLabels[status],
    rowVersion: row.rowVersion,
    documents: await listCurrentAttachments(db, row.id),
    editable: readable && isRequester && (status === 'DRAFT' || status === 'CHANGES_REQUESTED'),
    isRequester,
  }
}

import type { DatabaseOrTransaction } from '~/db/client.server'
import type { CoveredDocument } from './attachment-audit-events'
import { coveredTextSha256, type CoveredText } from './covered-content'
import { coveredDocuments, listCurrentAttachments } from './list-attachments.server'

/** What a submission or a signature covers: every current document's hash, and the text's. */
export type Covered = { documents: CoveredDocument[]; textSha256: string }

/**
 * What the justification carries now. Read inside a transition's prepare: the transition writes only
 * if the row's version is still the one read, and adding or removing a document bumps that version,
 * so what is recorded as covered is exactly what was in force when the person acted.
 */
export async function loadCovered(db: DatabaseOrTransaction, row: CoveredText & { id: string }): Promise<Covered> {
  const attachments = await listCurrentAttachments(db, row.id)
  return { documents: coveredDocuments(attachments), textSha256: coveredTextSha256(row) }
}

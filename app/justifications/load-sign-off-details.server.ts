import { listCurrentAttachments } from '~/attachments/list-attachments.server'
import type { Database } from '~/db/client.server'
import { loadJustificationPage } from './page.server'

/**
 * The justification an open link shows. A link is not a session: it shows what its addressee may
 * see by the link alone (the justification they are asked to sign), not what their group or roles
 * would show them when signed in. With it, the documents the signature will cover: the current ones.
 */
export async function loadSignOffDetails(db: Database, link: { justificationId: string; signatoryId: string }, now: Date) {
  const linkViewer = { id: link.signatoryId, groupId: null, isProcurementOfficer: false, isAdministrator: false }
  const [page, documents] = await Promise.all([loadJustificationPage(db, linkViewer, link.justificationId, now), listCurrentAttachments(db, link.justificationId)])
  return page ? { ...page, documents } : null
}

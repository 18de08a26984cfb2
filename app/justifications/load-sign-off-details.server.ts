import type { Database } from '~/db/client.server'
import { loadJustificationPage } from './page.server'

/**
 * The justification an open link shows. A link is not a session: it shows what its addressee may
 * see by the link alone (the justification they are asked to sign), not what their group or roles
 * would show them when signed in.
 */
export function loadSignOffDetails(db: Database, link: { justificationId: string; signatoryId: string }, now: Date) {
  const linkViewer = { id: link.signatoryId, groupId: null, isProcurementOfficer: false, isAdministrator: false }
  return loadJustificationPage(db, linkViewer, link.justificationId, now)
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadDocument } from '~/attachments/download-document.server'
import { documentResponse } from '~/attachments/document-response.server'
import { requestOrigin } from '~/audit/audit.server'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { UUID } from '~/http/uuid'
import { languageOfRequest, translatorFor } from '~/i18n/i18n.server'

// GET /justifications/:id/documents/:attachmentId: one supporting document, for whoever may see the
// justification. For anybody else, and for an address no document has, the same plain 404: whether
// a document exists is not told to who may not read it. A download has no page to show a message
// on: the answer is plain text, in the language of the person who asks.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const t = translatorFor(await languageOfRequest(request, person), 'justifications')
  const notFound = () => new Response(t('refusals.documentNotFound'), { status: 404, statusText: 'Not Found', headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  if (!params.id || !UUID.test(params.id) || !params.attachmentId || !UUID.test(params.attachmentId)) throw notFound()
  const answer = await downloadDocument(getDatabase(), { viewer: person, justificationId: params.id, attachmentId: params.attachmentId, origin: requestOrigin(request), headersOnly: request.method === 'HEAD' })
  if (!answer.ok) throw notFound()
  return documentResponse(answer.document)
}

import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { downloadDocumentByLink } from '~/attachments/download-document-by-link.server'
import { documentResponse } from '~/attachments/document-response.server'
import { requestOrigin } from '~/audit/audit.server'
import { getSignedInPerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { UUID } from '~/http/uuid'
import { languageOfRequest, translatorFor } from '~/i18n/i18n.server'

// GET /sign-off/:token/documents/:attachmentId: a document the link's addressee is asked to sign,
// while the link works. A link that does not (any more), or a document it does not cover, is a plain
// 404: a file has no page to explain it on, and the link's own page says why it stopped working.
// Plain text, in the language of whoever asks (signed in or not).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const signedIn = await getSignedInPerson(request)
  const t = translatorFor(await languageOfRequest(request, signedIn), 'justifications')
  const notFound = () =>
    new Response(t('refusals.signOffDocumentNotFound'), { status: 404, statusText: 'Not Found', headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  if (!params.attachmentId || !UUID.test(params.attachmentId)) throw notFound()
  const answer = await downloadDocumentByLink(getDatabase(), {
    token,
    attachmentId: params.attachmentId,
    signedInPersonId: signedIn?.id ?? null,
    origin: requestOrigin(request),
    now: new Date(),
    headersOnly: request.method === 'HEAD',
  })
  // Strict mode, as on the sign-off page: sign in as the addressee, then back to the link's page
  // (signed in as someone else, the sign-in page sends straight back there, and the page says so).
  if ('signInRequired' in answer) throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: `/sign-off/${token}` })}`)
  if (!answer.ok) throw notFound()
  return documentResponse(answer.document)
}

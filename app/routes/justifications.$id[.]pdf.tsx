import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { downloadHeaders } from '~/http/download-headers'
import { UUID } from '~/http/uuid'
import { justificationExists } from '~/justifications/justification-exists.server'
import { justificationPdf } from '~/justifications/record/justification-pdf.server'

// GET /justifications/:id.pdf: the justification's signed record, for whoever may see its page; the
// others get the page's answers (ADR 025), as plain text: a download has no page to show them in.
const notFound = () => new Response('No justification has this reference.', { status: 404, statusText: 'Not Found' })
const notAllowed = () => new Response('You are not allowed to see this justification.', { status: 403, statusText: 'Forbidden' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  if (!params.id || !UUID.test(params.id)) throw notFound()
  const db = getDatabase()
  const result = await justificationPdf(db, person, params.id, new Date())
  if (!result) throw (await justificationExists(db, params.id)) ? notAllowed() : notFound()
  return new Response(new Uint8Array(result.pdf), { headers: { ...downloadHeaders('application/pdf', `${result.reference}.pdf`), 'Content-Length': String(result.pdf.length) } })
}

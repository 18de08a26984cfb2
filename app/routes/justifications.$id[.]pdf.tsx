import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { UUID } from '~/http/uuid'
import { justificationPdf, recordDownloadHeaders } from '~/justifications/record/justification-pdf.server'

// GET /justifications/:id.pdf: the justification's signed record, for whoever may see its page; the
// others get the page's own answer (404, whether it is missing or hidden from them).
const notFound = () => new Response('This justification does not exist, or you may not see it.', { status: 404, statusText: 'Not Found' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  if (!params.id || !UUID.test(params.id)) throw notFound()
  const result = await justificationPdf(getDatabase(), person, params.id, new Date())
  if (!result) throw notFound()
  return new Response(new Uint8Array(result.pdf), { headers: { ...recordDownloadHeaders('application/pdf', `${result.reference}.pdf`), 'Content-Length': String(result.pdf.length) } })
}

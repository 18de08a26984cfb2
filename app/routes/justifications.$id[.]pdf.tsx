import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { downloadHeaders } from '~/http/download-headers'
import { UUID } from '~/http/uuid'
import { languageOfRequest, translatorFor } from '~/i18n/i18n.server'
import { justificationExists } from '~/justifications/justification-exists.server'
import { justificationPdf } from '~/justifications/record/justification-pdf.server'

// GET /justifications/:id.pdf: the justification's signed record, in the language of the person who
// downloads it, for whoever may see its page; the others get the page's answers (ADR 025), as plain
// text: a download has no page to show them in.
const plainText = (text: string, status: number, statusText: string) =>
  new Response(text, { status, statusText, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const language = await languageOfRequest(request, person)
  const t = translatorFor(language, 'record')
  const notFound = () => plainText(t('download.notFound'), 404, 'Not Found')
  if (!params.id || !UUID.test(params.id)) throw notFound()
  const db = getDatabase()
  const result = await justificationPdf(db, person, params.id, new Date(), language)
  if (!result) throw (await justificationExists(db, params.id)) ? plainText(t('download.notAllowed'), 403, 'Forbidden') : notFound()
  return new Response(new Uint8Array(result.pdf), {
    headers: { ...downloadHeaders('application/pdf', `${result.reference}.pdf`), 'Content-Length': String(result.pdf.length), 'Content-Language': language },
  })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { downloadHeaders } from '~/http/download-headers'
import { languageOfRequest, translatorFor } from '~/i18n/i18n.server'
import { parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT } from '~/justifications/list-query'
import { justificationsZip } from '~/justifications/record/justifications-zip.server'
import { releasingSlotWhenDone, takeZipSlot } from '~/justifications/record/zip-slots.server'

// GET /procurement/justifications.zip: the signed records (PDF) of procurement's list with the same
// query parameters, so the same filters and order, every page of it, each in the language of the
// officer who downloads it. Too long a list is refused
// with a sentence saying so (422), not a 500 or a half-written ZIP. One ZIP at a time per person,
// two per process (zip-slots.server.ts): more is told to wait (429).
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireProcurementOfficer(request)
  const { query } = parseListQuery(new URL(request.url).searchParams, PROCUREMENT_LIST_DEFAULT_SORT)
  const now = new Date()
  const language = await languageOfRequest(request, person)
  const t = translatorFor(language, 'record')
  // A HEAD (a link checker) learns what a GET would answer and renders nothing: Remix drops a HEAD's
  // body unread, so it must neither hold a slot nor start a ZIP.
  if (request.method === 'HEAD') {
    const result = await justificationsZip(getDatabase(), person, query, now, { language })
    if (result.ok) await result.stream.cancel()
    return new Response(null, { status: result.ok ? 200 : 422, headers: result.ok ? downloadHeaders('application/zip', `justifications-${calendarDateIn(now)}.zip`) : { 'Cache-Control': 'private, no-store' } })
  }
  const slot = takeZipSlot(person.id)
  if (!slot) {
    return new Response(t('download.zipBusy'), {
      status: 429,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'Retry-After': '10' },
    })
  }
  let result: Awaited<ReturnType<typeof justificationsZip>>
  try {
    result = await justificationsZip(getDatabase(), person, query, now, { language })
  } catch (error) {
    slot.release()
    throw error
  }
  if (!result.ok) {
    slot.release()
    return new Response(t('download.zipTooMany', { count: result.count, limit: result.limit }), {
      status: 422,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    })
  }
  return new Response(releasingSlotWhenDone(result.stream, slot), { headers: downloadHeaders('application/zip', `justifications-${calendarDateIn(now)}.zip`) })
}

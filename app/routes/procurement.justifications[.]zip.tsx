import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { downloadHeaders } from '~/http/download-headers'
import { parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT } from '~/justifications/list-query'
import { justificationsZip } from '~/justifications/record/justifications-zip.server'

// GET /procurement/justifications.zip: the signed records (PDF) of procurement's list with the same
// query parameters, so the same filters and order, every page of it. Too long a list is refused
// with a sentence saying so (422), not a 500 or a half-written ZIP.
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireProcurementOfficer(request)
  const { query } = parseListQuery(new URL(request.url).searchParams, PROCUREMENT_LIST_DEFAULT_SORT)
  const now = new Date()
  const result = await justificationsZip(getDatabase(), person, query, now)
  if (!result.ok) {
    return new Response(`This list holds ${result.count} justifications; one ZIP holds the PDFs of at most ${result.limit}. Narrow the filters (status, dates, group) and download again.`, {
      status: 422,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    })
  }
  return new Response(result.stream, { headers: downloadHeaders('application/zip', `justifications-${calendarDateIn(now)}.zip`) })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { csvDownload } from '~/csv/write-csv'
import { justificationsCsv } from '~/justifications/justifications-csv.server'
import { parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT } from '~/justifications/list-query'
import { calendarDateIn } from '~/calendar/calendar-date'
import { languageOfRequest } from '~/i18n/i18n.server'

// The CSV export of procurement's list: the same query parameters, so the same filters and order,
// every page of it, in the language of the officer who downloads it (a file for people, ADR 047). A filter value the page would refuse is left out here too (never a 500).
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireProcurementOfficer(request)
  const { query } = parseListQuery(new URL(request.url).searchParams, PROCUREMENT_LIST_DEFAULT_SORT)
  const body = await justificationsCsv(getDatabase(), person, query, await languageOfRequest(request, person))
  return csvDownload(body, `justifications-${calendarDateIn(new Date())}.csv`)
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { returnTableCsv } from '~/industrial-return/views/exports.server'

/** The dashboard's per-country table as CSV, for the same window, category and order. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return returnTableCsv(getDatabase(), new Date(), new URL(request.url).searchParams)
}

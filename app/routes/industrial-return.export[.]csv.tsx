import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { languageOfRequest } from '~/i18n/i18n.server'
import { returnTableCsv } from '~/industrial-return/views/exports.server'

/**
 * The dashboard's per-country table as CSV, for the same window, category and order. Its columns and
 * codes are stable identifiers, the same in every language (exports.server.ts says why); only the
 * refusal of a window that cannot be shown is written in the reader's language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireProcurementOfficer(request)
  return returnTableCsv(getDatabase(), new Date(), new URL(request.url).searchParams, await languageOfRequest(request, person))
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { scaleTemplateCsv } from '~/industrial-return/views/exports.server'

// The template's header and rows are machine identifiers, the same in every language: the importer
// reads them whatever the language of the person who fills the file in.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return scaleTemplateCsv()
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { contractTemplateCsv } from '~/industrial-return/views/exports.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return contractTemplateCsv()
}

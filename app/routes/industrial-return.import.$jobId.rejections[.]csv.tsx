import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { UUID } from '~/http/uuid'
import { languageOfRequest } from '~/i18n/i18n.server'
import { message } from '~/i18n/message'
import { rejectionsCsv } from '~/industrial-return/ledger/rejections-csv.server'
import { pageError } from '~/ui/error-page'

// Columns line, order_number, reason are stable identifiers; the reasons are in the downloader's language (rejections-csv.server.ts).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const id = params.jobId ?? ''
  const db = getDatabase()
  const job = UUID.test(id) ? await db.contractImportJob.findUnique({ where: { id }, select: { fileName: true } }) : null
  if (!job) throw pageError(404, { title: message('return-data:job.notFound.title'), message: message('return-data:job.notFound.message'), back: '/industrial-return/import' }, request)
  return rejectionsCsv(db, id, job.fileName, await languageOfRequest(request, officer))
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { UUID } from '~/http/uuid'
import { rejectionsCsv } from '~/industrial-return/views/exports.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const id = params.jobId ?? ''
  const db = getDatabase()
  const job = UUID.test(id) ? await db.contractImportJob.findUnique({ where: { id }, select: { fileName: true } }) : null
  if (!job) throw new Response('This import does not exist.', { status: 404, statusText: 'Not Found' })
  return rejectionsCsv(db, id, job.fileName)
}

/** Reading import jobs for pages and downloads: their progress and counts, and the rows they rejected. */
import type { DatabaseOrTransaction } from '~/db/client.server'

export interface ImportJobView {
  id: string
  fileName: string
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED'
  totalRows: number
  processedRows: number
  percent: number
  importedRows: number
  unchangedRows: number
  rejectedRows: number
  fatalError: string | null
  createdAt: string
  finishedAt: string | null
}

const toView = (job: {
  id: string
  fileName: string
  status: ImportJobView['status']
  totalRows: number
  processedRows: number
  importedRows: number
  unchangedRows: number
  rejectedRows: number
  fatalError: string | null
  createdAt: Date
  finishedAt: Date | null
}): ImportJobView => ({
  id: job.id,
  fileName: job.fileName,
  status: job.status,
  totalRows: job.totalRows,
  processedRows: job.processedRows,
  percent: job.totalRows === 0 ? 100 : Math.floor((job.processedRows / job.totalRows) * 100),
  importedRows: job.importedRows,
  unchangedRows: job.unchangedRows,
  rejectedRows: job.rejectedRows,
  fatalError: job.fatalError,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
})

const viewColumns = {
  id: true,
  fileName: true,
  status: true,
  totalRows: true,
  processedRows: true,
  importedRows: true,
  unchangedRows: true,
  rejectedRows: true,
  fatalError: true,
  createdAt: true,
  finishedAt: true,
} as const

export async function loadImportJob(db: DatabaseOrTransaction, jobId: string, { rejectionLimit = 500 } = {}) {
  const job = await db.contractImportJob.findUnique({ where: { id: jobId }, select: viewColumns })
  if (!job) return null
  const rejections = await db.contractImportRejection.findMany({ where: { importJobId: jobId }, orderBy: { line: 'asc' }, take: rejectionLimit })
  return { job: toView(job), rejections: rejections.map(({ line, orderNumber, reason }) => ({ line, orderNumber, reason })) }
}

export async function listImportJobs(db: DatabaseOrTransaction, limit = 20): Promise<ImportJobView[]> {
  const jobs = await db.contractImportJob.findMany({ orderBy: { createdAt: 'desc' }, take: limit, select: viewColumns })
  return jobs.map(toView)
}

export async function rejectionsOf(db: DatabaseOrTransaction, jobId: string) {
  return db.contractImportRejection.findMany({ where: { importJobId: jobId }, orderBy: { line: 'asc' }, select: { line: true, orderNumber: true, reason: true } })
}

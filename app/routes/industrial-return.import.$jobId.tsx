import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { loadImportJob } from '~/industrial-return/ledger/import-jobs.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'
import { UUID } from '~/http/uuid'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import ${data?.job.fileName ?? ''} · Industrial return · SoleSource` }]

const SHOWN_REJECTIONS = 500

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const found = UUID.test(params.jobId ?? '') ? await loadImportJob(getDatabase(), params.jobId!, { rejectionLimit: SHOWN_REJECTIONS }) : null
  if (!found) throw new Response('This import does not exist.', { status: 404, statusText: 'Not Found' })
  return found
}

export default function ImportJobPage() {
  const { job, rejections } = useLoaderData<typeof loader>()
  const inProgress = job.status === 'QUEUED' || job.status === 'RUNNING'
  const revalidator = useRevalidator()
  // With JavaScript: poll. Without: the <noscript> refresh below reloads the page.
  useEffect(() => {
    if (!inProgress) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 1000)
    return () => clearInterval(timer)
  }, [inProgress, revalidator])
  return (
    <>
      {inProgress ? <noscript dangerouslySetInnerHTML={{ __html: '<meta http-equiv="refresh" content="2">' }} /> : null}
      <PageHeader title={`Import of ${job.fileName}`} />
      <ReturnNav />
      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{inProgress ? 'Checking the rows…' : job.status === 'SUCCEEDED' ? 'Import finished' : 'Import failed: nothing was imported'}</h2>
        <div role="status" aria-live="polite">
          <progress max={job.totalRows} value={job.processedRows} aria-label="Rows checked">
            {job.percent}%
          </progress>
          <p>
            {job.processedRows.toLocaleString('en-GB')} of {job.totalRows.toLocaleString('en-GB')} rows checked ({job.percent}%).
            {inProgress && job.processedRows === job.totalRows ? ' Saving the valid rows to the ledger…' : ''}
            {inProgress ? ' Contracts enter the ledger together once every row is checked.' : ''}
          </p>
        </div>
        {job.status === 'FAILED' ? (
          <Notice tone="error" role="alert">
            {job.fatalError}
          </Notice>
        ) : null}
        <DefinitionList
          facts={[
            { term: 'Imported', details: job.status === 'SUCCEEDED' ? job.importedRows : inProgress ? 'when finished' : 0 },
            { term: 'Already in the ledger, unchanged', details: job.unchangedRows },
            { term: 'Rejected', details: job.rejectedRows },
          ]}
        />
        {job.status === 'SUCCEEDED' ? (
          <p>
            <Link to="/industrial-return">See the dashboard</Link> · <Link to="/industrial-return/contracts">See the contracts</Link>
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="rejections-heading">
        <h2 id="rejections-heading">Rejected rows ({job.rejectedRows})</h2>
        {rejections.length === 0 ? (
          <p className="empty">{inProgress ? 'No rejected row so far.' : 'No rejected row.'}</p>
        ) : (
          <>
            <p>
              <a href={`/industrial-return/import/${job.id}/rejections.csv`} download>
                Download every rejected row as CSV
              </a>
              {job.rejectedRows > rejections.length ? ` (the first ${rejections.length} are listed below)` : ''}. Fix them and import the file again: rows already imported are left as they are.
            </p>
            <SortableTable
              rows={rejections}
              rowKey={(r) => String(r.line)}
              columns={[
                { header: 'Line', numeric: true, cell: (r) => r.line },
                { header: 'Order number', cell: (r) => r.orderNumber ?? '—' },
                { header: 'Why', cell: (r) => r.reason },
              ]}
            />
          </>
        )}
      </section>
    </>
  )
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { DateTime } from '~/calendar/date-time'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { receiveUpload } from '~/attachments/receive-upload.server'
import { mediaType, refuse } from '~/http/request-body.server'
import { CONTRACT_CSV_COLUMNS } from '~/industrial-return/ledger/contract-csv'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '~/industrial-return/ledger/import-limits'
import { createContractImport, readUploadedFile } from '~/industrial-return/ledger/create-import.server'
import { listImportJobs } from '~/industrial-return/ledger/import-jobs.server'
import { startImportInBackground } from '~/industrial-return/ledger/run-imports.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'
import { UploadField, UploadForm } from '~/ui/upload-field'

export const meta: MetaFunction = () => [{ title: 'Import contracts · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { imports: await listImportJobs(getDatabase(), 20) }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  if (mediaType(request) !== 'multipart/form-data') refuse(415, 'This form uploads a file: send it as multipart/form-data. Nothing was changed.')
  // Streamed to a temporary file, then read once from it while it is stored: never whole in memory.
  const upload = await receiveUpload(request, { maxFileBytes: MAX_IMPORT_BYTES, maxRequestBytes: 2 * MAX_IMPORT_BYTES })
  let created
  try {
    const file = upload.files.find((received) => received.field === 'file')
    if (file?.overLimit) return { error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into several files.` }
    if (!file?.path || file.sizeBytes === 0) return { error: 'Choose a CSV file to import.' }
    created = await createContractImport(getDatabase(), { fileName: file.fileName, bytes: readUploadedFile(file.path), actorId: officer.id, now: new Date(), origin: requestOrigin(request) })
  } finally {
    await upload.cleanup()
  }
  if (!created.ok) return { error: created.message }
  const db = getDatabase()
  startImportInBackground(db, created.jobId, { now: () => new Date(), appUrl: getEnv().APP_URL })
  return redirect(`/industrial-return/import/${created.jobId}`)
}

const COLUMN_HELP: Record<(typeof CONTRACT_CSV_COLUMNS)[number], string> = {
  order_number: 'Required. Unique order number; letters, digits and - _ / . (at most 64).',
  award_date: 'Required. YYYY-MM-DD, not in the future.',
  supplier: 'Required. The supplier’s name (put it in double quotes if it contains a comma).',
  category: 'Required. SUPPLIES or SERVICES.',
  origin_country: 'Optional. ISO code of the country where the goods were made; supplies count for it (for the establishment country when empty).',
  establishment_country: 'Required. ISO code of the country where the supplier is established; services count for it.',
  amount: 'Required. Positive, at most two decimals, a point before the centimes: 12500.00 or 12\'500.00.',
  currency: 'Required. CHF, EUR, USD, GBP, SEK, NOK, DKK, PLN or CZK.',
  exchange_rate: 'Optional. CHF per unit; when empty, the rate table’s rate in force on the award date.',
  department: 'Required. Department code, e.g. EN.',
  group: 'Optional. Group code within that department, e.g. EN-MME.',
}

export default function ImportContractsPage() {
  const { imports } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <PageHeader title="Import contracts" />
      <ReturnNav />
      <div className="card narrow">
        <UploadForm error={result?.error} errorId="import-error" submitLabel="Import" busyLabel="Uploading…">
          <UploadField label="CSV file" hint="UTF-8, comma-separated, with the header below." limits={{ rows: MAX_IMPORT_ROWS }} />
        </UploadForm>
        <p className="hint">
          Importing is safe to repeat: a contract already in the ledger with the same values is left as it is, and a row that would change one is rejected. Every rejected row is listed
          with the reason. If the file cannot be read at all, nothing is imported.
        </p>
      </div>

      <section className="card" aria-labelledby="format-heading">
        <h2 id="format-heading">File format</h2>
        <p>
          <a href="/industrial-return/import/template.csv" download>
            Download the template
          </a>{' '}
          (header and two example rows).
        </p>
        <SortableTable
          caption="Columns of the contract import file"
          rows={CONTRACT_CSV_COLUMNS}
          rowKey={(column) => column}
          columns={[
            { header: 'Column', rowHeader: true, cell: (column) => <code>{column}</code> },
            { header: 'Content', cell: (column) => COLUMN_HELP[column] },
          ]}
        />
      </section>

      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent imports</h2>
        {imports.length === 0 ? (
          <p className="empty">No import yet.</p>
        ) : (
          <SortableTable
            rows={imports}
            rowKey={(job) => job.id}
            columns={[
              { header: 'File', cell: (job) => <Link to={`/industrial-return/import/${job.id}`}>{job.fileName}</Link> },
              { header: 'Uploaded', cell: (job) => <DateTime at={job.createdAt} /> },
              { header: 'Status', cell: (job) => (job.status === 'RUNNING' || job.status === 'QUEUED' ? `in progress (${job.percent}%)` : job.status === 'SUCCEEDED' ? 'finished' : 'failed, nothing imported') },
              { header: 'Rows', numeric: true, cell: (job) => job.totalRows },
              { header: 'Imported', numeric: true, cell: (job) => job.importedRows },
              { header: 'Unchanged', numeric: true, cell: (job) => job.unchangedRows },
              { header: 'Rejected', numeric: true, cell: (job) => job.rejectedRows },
            ]}
          />
        )}
      </section>
    </>
  )
}

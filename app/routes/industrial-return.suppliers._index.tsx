import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { readUploadForm } from '~/http/request-body.server'
import { importSuppliersCsv } from '~/industrial-return/suppliers/import-suppliers.server'
import { listPassedOverSuppliers } from '~/industrial-return/suppliers/list-passed-over.server'
import { listSuppliers } from '~/industrial-return/suppliers/list-suppliers.server'
import { SUPPLIER_CSV_COLUMNS } from '~/industrial-return/suppliers/supplier-csv'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'
import { UploadField, UploadForm } from '~/ui/upload-field'

export const meta: MetaFunction = () => [{ title: 'Supplier register · Industrial return · SoleSource' }]

const sourceLabels = { CSV: 'imported', AWARD: 'from an award', JUSTIFICATION: 'from a justification' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const db = getDatabase()
  const [suppliers, passedOver] = await Promise.all([listSuppliers(db), listPassedOverSuppliers(db)])
  return { suppliers, passedOver }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const upload = await readUploadForm(request, { maxFileBytes: 5 * 1024 * 1024 })
  if (!upload.ok) return { error: 'A supplier file is small: this one is larger than 5 MB. Nothing was imported.' }
  const file = upload.form.get('file')
  if (!file || typeof file === 'string' || file.size === 0) return { error: 'Choose a CSV file.' }
  const outcome = await importSuppliersCsv(getDatabase(), await file.text(), { fileName: file.name, actorId: officer.id, now: new Date(), origin: requestOrigin(request) })
  if (!outcome.ok) return { error: outcome.error, refused: outcome.refused }
  return { imported: { registered: outcome.registered, updated: outcome.updated, unchanged: outcome.unchanged }, refused: outcome.refused }
}

export default function SuppliersPage() {
  const { suppliers, passedOver } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const refused = result && 'refused' in result ? (result.refused ?? []) : []
  return (
    <>
      <PageHeader
        title="Supplier register"
        lead="Suppliers with their country of establishment, the countries their goods come from and their activity codes. At filing, a supplier in a well balanced country brings up the registered ones in very poorly balanced countries with the same activity."
      />
      <ReturnNav />
      {result && 'imported' in result && result.imported ? (
        <Notice tone="success" role="status">
          Imported: {result.imported.registered} registered, {result.imported.updated} updated, {result.imported.unchanged} unchanged, {refused.length} refused.
        </Notice>
      ) : null}
      {result && 'error' in result && result.error ? (
        <Notice tone="error" role="alert">
          {result.error}
        </Notice>
      ) : null}
      {refused.length > 0 ? (
        <section className="card" aria-labelledby="refused-heading">
          <h2 id="refused-heading">Refused lines ({refused.length})</h2>
          <SortableTable
            rows={refused}
            rowKey={(r) => String(r.line)}
            columns={[
              { header: 'Line', rowHeader: true, numeric: true, cell: (r) => r.line },
              { header: 'Name', cell: (r) => r.name ?? <span className="hint">none</span> },
              { header: 'Why', cell: (r) => r.message },
            ]}
          />
        </section>
      ) : null}
      <section className="card" aria-labelledby="register-heading">
        <h2 id="register-heading">Registered suppliers ({suppliers.length})</h2>
        {suppliers.length === 0 ? (
          <p className="empty">No supplier yet. Import a file below; awards and submitted justifications add the suppliers they name.</p>
        ) : (
          <SortableTable
            caption="Registered suppliers"
            layout="stack-wide"
            rows={suppliers}
            rowKey={(s) => s.id}
            columns={[
              { header: 'Name', rowHeader: true, cell: (s) => s.name },
              { header: 'Established in', cell: (s) => s.establishmentCountryName },
              { header: 'Goods from', cell: (s) => s.originCountryCodes.join(', ') },
              { header: 'Activity codes', cell: (s) => (s.activityCodes.length ? s.activityCodes.join(', ') : <span className="hint">none</span>) },
              { header: 'Known from', cell: (s) => sourceLabels[s.source] },
            ]}
          />
        )}
      </section>
      <section className="card" aria-labelledby="passed-over-heading">
        <h2 id="passed-over-heading">To well balanced countries while suppliers in very poorly balanced ones existed ({passedOver.length})</h2>
        <p className="hint">
          Submitted single-source justifications whose supplier is in a well balanced country while registered suppliers in very poorly balanced countries did the same
          activity, as the requester was shown them at submission, with the reason given why none could deliver.
        </p>
        {passedOver.length === 0 ? (
          <p className="empty">None.</p>
        ) : (
          <SortableTable
            caption="Justifications to well balanced countries while suppliers in very poorly balanced countries existed"
            rows={passedOver}
            rowKey={(j) => j.id}
            columns={[
              { header: 'Reference', rowHeader: true, cell: (j) => <Link to={`/justifications/${j.id}`}>{j.reference}</Link> },
              { header: 'Title', cell: (j) => j.title },
              { header: 'Supplier', cell: (j) => j.supplier },
              { header: 'Activity', cell: (j) => j.activityCode ?? '' },
              { header: 'In CHF', numeric: true, cell: (j) => j.amountChf ?? '' },
              { header: 'Submitted', cell: (j) => j.submittedAt },
              { header: 'Status', cell: (j) => j.status },
              { header: 'Suppliers passed over', cell: (j) => j.alternatives.join(', ') },
              { header: 'Why none could deliver', cell: (j) => j.reason ?? '—' },
            ]}
          />
        )}
      </section>
      <section className="card narrow" aria-labelledby="supplier-csv-heading">
        <h2 id="supplier-csv-heading">Import suppliers</h2>
        <p className="hint">
          Columns <code>{SUPPLIER_CSV_COLUMNS.join(',')}</code>; several countries of origin or activity codes are separated by <code>;</code>. A supplier already registered
          under the same name (ignoring case, accents, punctuation and the legal form) is updated, so importing a file twice changes nothing. Lines that cannot be read are
          listed with why; the others are imported.
        </p>
        <UploadForm submitLabel="Import suppliers">
          <UploadField id="supplier-file" label="CSV file" />
        </UploadForm>
      </section>
    </>
  )
}

import { formatChf } from '~/money/amount'
import { DateTime } from '~/calendar/date-time'
import { formatDate } from '~/calendar/format-date'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import type { PolicyTier } from '~/workflow/signature-policy'
import { signatoryRoleLabels } from './policy-forms'

export type PolicyVersionRow = {
  version: number
  state: 'in-force' | 'scheduled' | 'past'
  effectiveFrom: string
  tiers: PolicyTier[]
  splitPurchaseWindowDays: number
  quoteExpectedAboveChfMinor: number
  publishedAt: string
  publishedBy: string | null
}

/** The policy page's list of published versions, latest effective date first, with who signs in each. */
export function PolicyVersions({ versions }: { versions: PolicyVersionRow[] }) {
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Policy versions</h2>
      <p className="hint">
        A justification follows the version in force on the day it is submitted, and keeps it: publishing a new version never reroutes one already in flight.
        Signatures are needed for amounts strictly above each threshold, in the order listed.
      </p>
      {versions.length === 0 ? (
        <p className="empty">No policy has been published: nobody can submit a justification until one is.</p>
      ) : (
        <SortableTable caption="Signature policy versions, latest effective date first" columns={columns} rows={versions} rowKey={(version) => String(version.version)} />
      )}
    </section>
  )
}

const columns: TableColumn<PolicyVersionRow>[] = [
  {
    header: 'Version',
    cell: (version) => (
      <>
        Version {version.version} <VersionState state={version.state} />
      </>
    ),
  },
  { header: 'Effective from', sorted: 'descending', cell: (version) => formatDate(version.effectiveFrom) },
  {
    header: 'Who signs',
    cell: (version) => (
      <ol style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {version.tiers.map((tier) => (
          <li key={`${tier.role}-${tier.aboveChfMinor}`}>
            above {formatChf(tier.aboveChfMinor)}: {tier.label}
            {tier.label !== signatoryRoleLabels[tier.role] ? <span className="hint"> ({signatoryRoleLabels[tier.role]})</span> : null}
          </li>
        ))}
      </ol>
    ),
  },
  { header: 'Split-purchase window', numeric: true, cell: (version) => `${version.splitPurchaseWindowDays} days` },
  { header: 'Quote expected above', numeric: true, cell: (version) => formatChf(version.quoteExpectedAboveChfMinor) },
  {
    header: 'Published',
    cell: (version) => (
      <>
        <DateTime at={version.publishedAt} />
        {version.publishedBy ? <span className="hint"> by {version.publishedBy}</span> : null}
      </>
    ),
  },
]

function VersionState({ state }: { state: PolicyVersionRow['state'] }) {
  if (state === 'in-force') return <span className="badge ok">In force</span>
  if (state === 'scheduled') return <span className="badge warn">Scheduled</span>
  return <span className="badge">Past</span>
}

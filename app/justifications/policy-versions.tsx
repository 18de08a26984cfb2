import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { DateTime } from '~/calendar/date-time'
import { useFormats } from '~/i18n/use-formats'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import type { PolicyTier, SignatoryRole } from '~/workflow/signature-policy'
import { signatoryRoleLabels, stepLabelText } from '~/workflow/signatory-role-labels'

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
  const { t } = useTranslation('admin')
  const formats = useFormats()
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('policy.versions.heading')}</h2>
      <p className="hint">{t('policy.versions.hint')}</p>
      {versions.length === 0 ? (
        <p className="empty">{t('policy.versions.none')}</p>
      ) : (
        <SortableTable caption={t('policy.versions.caption')} columns={columnsOf(t, formats)} rows={versions} rowKey={(version) => String(version.version)} />
      )}
    </section>
  )
}

/** A role's name in the reader's language: its default label, read by the one rule for labels (signatory-role-labels). */
export function signatoryRoleName(t: TFunction<'admin'>, role: SignatoryRole): string {
  return stepLabelText(t, { label: signatoryRoleLabels[role], role })
}

const columnsOf = (t: TFunction<'admin'>, formats: ReturnType<typeof useFormats>): TableColumn<PolicyVersionRow>[] => [
  {
    header: t('policy.versions.version'),
    cell: (version) => (
      <>
        {t('policy.versions.versionNumber', { version: version.version })} <VersionState state={version.state} />
      </>
    ),
  },
  { header: t('policy.versions.effectiveFrom'), sorted: 'descending', cell: (version) => formats.date(version.effectiveFrom) },
  {
    header: t('policy.versions.whoSigns'),
    cell: (version) => (
      <ol style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {version.tiers.map((tier) => (
          <li key={`${tier.role}-${tier.aboveChfMinor}`}>
            {t('policy.versions.above', { amount: formats.chf(tier.aboveChfMinor), label: stepLabelText(t, tier) })}
            {tier.label !== signatoryRoleLabels[tier.role] ? <span className="hint"> ({signatoryRoleName(t, tier.role)})</span> : null}
          </li>
        ))}
      </ol>
    ),
  },
  { header: t('policy.versions.splitWindow'), numeric: true, cell: (version) => t('policy.versions.days', { count: version.splitPurchaseWindowDays }) },
  { header: t('policy.versions.quoteExpectedAbove'), numeric: true, cell: (version) => formats.chf(version.quoteExpectedAboveChfMinor) },
  {
    header: t('policy.versions.published'),
    cell: (version) => (
      <>
        <DateTime at={version.publishedAt} />
        {version.publishedBy ? <span className="hint">{t('policy.versions.by', { name: version.publishedBy })}</span> : null}
      </>
    ),
  },
]

function VersionState({ state }: { state: PolicyVersionRow['state'] }) {
  const { t } = useTranslation('admin')
  if (state === 'in-force') return <span className="badge ok">{t('policy.versions.inForce')}</span>
  if (state === 'scheduled') return <span className="badge warn">{t('policy.versions.scheduled')}</span>
  return <span className="badge">{t('policy.versions.past')}</span>
}

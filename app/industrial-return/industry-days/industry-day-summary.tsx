/**
 * One line on the dashboard: this year's Industry Days against the target, and the way to the page
 * (client-safe). Its words are the return-data namespace's: a page that shows it lists 'return-data'
 * in its handle.i18n.
 */
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { loadIndustryDaySummary } from './load-industry-day-summary.server.ts'
import { shareText, TargetVerdict } from './industry-day-views.tsx'

type Summary = Awaited<ReturnType<typeof loadIndustryDaySummary>>

export function IndustryDaySummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation('return-data')
  const { year, countryDays, invitations, target, targetApplies } = summary
  return (
    <p className="card" id="industry-days-summary">
      <strong>{t('industryDays.summary.heading', { year })}</strong>{' '}
      {countryDays === null || invitations === null ? (
        <>{t('industryDays.summary.none')} </>
      ) : (
        <>
          {t('industryDays.summary.countryDays')} {shareText(t, countryDays)} <TargetVerdict figure={countryDays} targetApplies={targetApplies} target={target} />
          {t('industryDays.summary.invitations')} {shareText(t, invitations)} <TargetVerdict figure={invitations} targetApplies={targetApplies} target={target} />.{' '}
        </>
      )}
      <Link to={`/industrial-return/industry-days?year=${year}`}>{t('industryDays.title')}</Link>
    </p>
  )
}

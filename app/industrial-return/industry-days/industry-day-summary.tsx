/** One line on the dashboard: this year's Industry Days against the target, and the way to the page (client-safe). */
import { Link } from '@remix-run/react'
import type { loadIndustryDaySummary } from './load-industry-day-summary.server.ts'
import { shareText, TargetVerdict } from './industry-day-views.tsx'

type Summary = Awaited<ReturnType<typeof loadIndustryDaySummary>>

export function IndustryDaySummary({ summary }: { summary: Summary }) {
  const { year, countryDays, invitations, target, targetApplies } = summary
  return (
    <p className="card" id="industry-days-summary">
      <strong>Industry Days {year}:</strong>{' '}
      {countryDays === null || invitations === null ? (
        <>none recorded yet. </>
      ) : (
        <>
          country days in the six most imbalanced states {shareText(countryDays)} <TargetVerdict figure={countryDays} targetApplies={targetApplies} target={target} />; invited companies
          from them {shareText(invitations)} <TargetVerdict figure={invitations} targetApplies={targetApplies} target={target} />.{' '}
        </>
      )}
      <Link to={`/industrial-return/industry-days?year=${year}`}>Industry Days</Link>
    </p>
  )
}

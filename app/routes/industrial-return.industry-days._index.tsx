import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn, yearOf } from '~/calendar/calendar-date'
import { formatDate } from '~/calendar/format-date'
import { getDatabase } from '~/db/client.server'
import { loadIndustryDayShares } from '~/industrial-return/industry-days/load-industry-day-shares.server'
import { CountryDaysSection, DaysOfYearTable, InvitationsSection, SixesSection, YearsTable } from '~/industrial-return/industry-days/industry-day-views'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Industry Days · Industrial return · SoleSource' }]

const DONE = { recorded: 'The Industry Day is recorded.', saved: 'The Industry Day is saved.', deleted: 'The Industry Day is deleted. The audit trail keeps what it was.' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const now = new Date()
  const shares = await loadIndustryDayShares(getDatabase(), now)
  const params = new URL(request.url).searchParams
  const asked = params.get('year')
  const thisYear = yearOf(calendarDateIn(now))
  const years = shares.years.map((y) => y.year)
  // The year asked for; else this year if it has days; else the latest year with days.
  const selected = asked && /^\d{4}$/.test(asked) ? Number(asked) : years.includes(thisYear) ? thisYear : (years.at(-1) ?? null)
  const done = params.get('done')
  return { ...shares, selected, done: done && done in DONE ? DONE[done as keyof typeof DONE] : null, on: params.get('on') }
}

export default function IndustryDaysPage() {
  const { years, days, target, selected, publishedStatusYear, done, on } = useLoaderData<typeof loader>()
  const year = years.find((y) => y.year === selected) ?? null
  return (
    <>
      <PageHeader title="Industry Days" />
      <ReturnNav />
      {done ? (
        <Notice tone="success" role="status">
          {done}
          {on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? ` (${formatDate(on)})` : ''}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="target-heading">
        <h2 id="target-heading">The target</h2>
        <p>
          From {target.fromYear}, {target.percent}% of the Industry Days dedicated to individual countries should target the {target.states} most imbalanced Member and
          Associate Member States, and {target.percent}% of the companies invited to thematic Industry Days should be from them.
        </p>
        <p className="hint">Source: {target.source}.</p>
        <p>
          <Link className="button" to="/industrial-return/industry-days/new">
            Record an Industry Day
          </Link>
        </p>
      </section>
      {years.length === 0 ? (
        <section className="card" aria-labelledby="empty-heading">
          <h2 id="empty-heading">No Industry Day yet</h2>
          <p className="empty">
            No Industry Day is recorded. Record each day procurement organises, dedicated to a country or to a theme, with the companies invited: the shares against the
            target appear here, per year.
          </p>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="years-heading">
            <h2 id="years-heading">Per year</h2>
            <YearsTable years={years} target={target} selected={selected} />
          </section>
          <section className="card" aria-labelledby="year-heading">
            <h2 id="year-heading">{selected === null ? 'No year chosen' : `Industry Days of ${selected}`}</h2>
            {year === null ? (
              <p className="empty">No Industry Day is recorded for {selected}. Choose a year in the table above.</p>
            ) : (
              <>
                <CountryDaysSection year={year} target={target} />
                <InvitationsSection year={year} target={target} />
                <SixesSection year={year} publishedStatusYear={publishedStatusYear} />
                <DaysOfYearTable days={days} year={year.year} />
              </>
            )}
          </section>
        </>
      )}
    </>
  )
}

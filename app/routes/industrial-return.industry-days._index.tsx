import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn, yearOf } from '~/calendar/calendar-date'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { getDatabase } from '~/db/client.server'
import { loadIndustryDayShares } from '~/industrial-return/industry-days/load-industry-day-shares.server'
import { CountryDaysSection, DaysOfYearTable, InvitationsSection, SixesSection, YearsTable } from '~/industrial-return/industry-days/industry-day-views'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'

export const handle: RouteHandle = { i18n: ['return-data', 'industrial-return'], title: (t) => t('return-data:industryDays.title') }

const DONE = ['recorded', 'saved', 'deleted'] as const
type Done = (typeof DONE)[number]

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
  return { ...shares, selected, done: DONE.find((known) => known === done) ?? null, on: params.get('on') }
}

export default function IndustryDaysPage() {
  const { years, days, target, selected, publishedStatusYear, done, on } = useLoaderData<typeof loader>()
  const year = years.find((y) => y.year === selected) ?? null
  const { t } = useTranslation('return-data')
  const { date } = useFormats()
  return (
    <>
      <PageHeader title={t('industryDays.title')} />
      <ReturnNav />
      {done ? (
        <Notice tone="success" role="status">
          {t(`industryDays.done.${done satisfies Done}`)}
          {on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? ` (${date(on)})` : ''}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="target-heading">
        <h2 id="target-heading">{t('industryDays.target.heading')}</h2>
        <p>{t('industryDays.target.text', { year: target.fromYear, percent: target.percent, states: target.states })}</p>
        <p className="hint">
          {/* The document's own title, in English. */}
          {t('industryDays.target.source')} <span lang="en">{target.source}</span>.
        </p>
        <p>
          <Link className="button" to="/industrial-return/industry-days/new">
            {t('industryDays.record')}
          </Link>
        </p>
      </section>
      {years.length === 0 ? (
        <section className="card" aria-labelledby="empty-heading">
          <h2 id="empty-heading">{t('industryDays.empty.heading')}</h2>
          <p className="empty">{t('industryDays.empty.text')}</p>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="years-heading">
            <h2 id="years-heading">{t('industryDays.perYear')}</h2>
            <YearsTable years={years} target={target} selected={selected} />
          </section>
          <section className="card" aria-labelledby="year-heading">
            <h2 id="year-heading">{selected === null ? t('industryDays.noYear') : t('industryDays.ofYear', { year: selected })}</h2>
            {year === null ? (
              <p className="empty">{t('industryDays.noneInYear', { year: selected })}</p>
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

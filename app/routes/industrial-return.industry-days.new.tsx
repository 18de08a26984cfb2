import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteHandle } from '~/i18n/route-handle'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'
import { industryDaySchema } from '~/industrial-return/industry-days/industry-day-form'
import { IndustryDayForm } from '~/industrial-return/industry-days/industry-day-form-view'
import { loadIndustryDayCountries } from '~/industrial-return/industry-days/load-industry-day.server'
import { recordIndustryDay } from '~/industrial-return/industry-days/record-industry-day.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'

export const handle: RouteHandle = { i18n: ['return-data', 'industrial-return'], title: (t) => t('return-data:industryDays.record') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { countries: await loadIndustryDayCountries(getDatabase()), today: calendarDateIn(new Date()) }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const db = getDatabase()
  const countries = await loadIndustryDayCountries(db)
  const submission = parseForm(await readForm(request), { schema: industryDaySchema(countries.map((country) => country.code)) })
  if (submission.status !== 'success') return submission.reply()
  const outcome = await recordIndustryDay(db, submission.value, { actorId: officer.id, now: new Date(), origin: requestOrigin(request) })
  if (!outcome.ok) return submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formError ? [outcome.formError] : undefined })
  return redirect(`/industrial-return/industry-days?year=${outcome.heldOn.slice(0, 4)}&done=recorded&on=${outcome.heldOn}`)
}

export default function NewIndustryDayPage() {
  const { countries, today } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('return-data')
  return (
    <>
      <PageHeader title={t('industryDays.record')} />
      <ReturnNav />
      <div className="card narrow">
        <IndustryDayForm countries={countries} defaults={{ kind: '', heldOn: today, countryCode: '', theme: '', companies: '' }} lastResult={lastResult} submitLabel={t('industryDays.form.record')} />
      </div>
    </>
  )
}

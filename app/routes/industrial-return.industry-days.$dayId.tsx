import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { translateList } from '~/industrial-return/ledger/message-list'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'
import { deleteIndustryDay } from '~/industrial-return/industry-days/delete-industry-day.server'
import { editIndustryDay } from '~/industrial-return/industry-days/edit-industry-day.server'
import { industryDaySchema, VersionSchema } from '~/industrial-return/industry-days/industry-day-form'
import { IndustryDayForm } from '~/industrial-return/industry-days/industry-day-form-view'
import { loadIndustryDay, loadIndustryDayCountries } from '~/industrial-return/industry-days/load-industry-day.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { pageError } from '~/ui/error-page'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'

export const handle: RouteHandle = {
  i18n: ['return-data', 'industrial-return'],
  title: (t, data: { day: { heldOn: string } } | undefined) => (data ? t('return-data:industryDays.dayOfDate', { on: data.day.heldOn }) : t('return-data:industryDays.title')),
}

const BACK = '/industrial-return/industry-days'

async function dayOr404(request: Request, id: string | undefined) {
  const day = id && UUID.test(id) ? await loadIndustryDay(getDatabase(), id) : null
  if (!day) throw pageError(
      404,
      { title: message('return-data:industryDays.notFound.title'), message: message('return-data:industryDays.notFound.message'), back: BACK, backLabel: message('return-data:industryDays.notFound.back') },
      request,
    )
  return day
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const day = await dayOr404(request, params.dayId)
  return { day, countries: await loadIndustryDayCountries(getDatabase()) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const day = await dayOr404(request, params.dayId)
  const db = getDatabase()
  const form = await readForm(request)
  const version = VersionSchema.safeParse({ version: form.get('version') })
  const context = { actorId: officer.id, now: new Date(), origin: requestOrigin(request) }
  if (form.get('intent') === 'delete') {
    const outcome = version.success ? await deleteIndustryDay(db, day.id, version.data.version, context) : { ok: false as const, formError: message('return-data:industryDays.errors.reloadAndRetry') }
    if (outcome.ok) return redirect(`${BACK}?year=${outcome.heldOn.slice(0, 4)}&done=deleted&on=${outcome.heldOn}`)
    return { deleteError: outcome.formError ?? message('return-data:industryDays.errors.notDeleted') }
  }
  const countries = await loadIndustryDayCountries(db)
  const submission = parseForm(form, { schema: industryDaySchema(countries.map((country) => country.code)) })
  if (submission.status !== 'success') return submission.reply()
  if (!version.success) return submission.reply({ formErrors: [message('return-data:industryDays.errors.reloadAndChange')] })
  const outcome = await editIndustryDay(db, day.id, version.data.version, submission.value, context)
  if (!outcome.ok) return submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formError ? [outcome.formError] : undefined })
  return redirect(`${BACK}?year=${outcome.heldOn.slice(0, 4)}&done=saved&on=${outcome.heldOn}`)
}

export default function EditIndustryDayPage() {
  const { day, countries } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const lastResult = result && !('deleteError' in result) ? result : undefined
  const { t } = useTranslation('return-data')
  const { date } = useFormats()
  return (
    <>
      <PageHeader title={t('industryDays.dayOf', { on: date(day.heldOn) })} />
      <ReturnNav />
      {day.isDemo ? <Notice>{t('industryDays.demoDay')}</Notice> : null}
      <div className="card narrow">
        <IndustryDayForm
          key={day.version}
          countries={countries}
          defaults={{ kind: day.kind, heldOn: day.heldOn, countryCode: day.countryCode ?? '', theme: day.theme ?? '', companies: day.companies }}
          lastResult={lastResult}
          version={day.version}
          submitLabel={t('industryDays.form.save')}
        />
      </div>
      <section className="card narrow" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('industryDays.delete.heading')}</h2>
        {result && 'deleteError' in result ? (
          <Notice tone="error" role="alert">
            {translateList(t, result.deleteError)}
          </Notice>
        ) : null}
        <p className="hint">{t('industryDays.delete.hint')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="version" value={day.version} />
          <button type="submit" className="danger">
            {t('industryDays.delete.submit')}
          </button>
        </Form>
      </section>
    </>
  )
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { formatDate } from '~/calendar/format-date'
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Industry Day of ${data ? formatDate(data.day.heldOn) : ''} · Industrial return · SoleSource` }]

const BACK = '/industrial-return/industry-days'

async function dayOr404(request: Request, id: string | undefined) {
  const day = id && UUID.test(id) ? await loadIndustryDay(getDatabase(), id) : null
  if (!day) throw pageError(404, { title: 'No such Industry Day', message: 'This Industry Day does not exist, or it was deleted.', back: BACK, backLabel: 'Back to Industry Days' }, request)
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
    const outcome = version.success ? await deleteIndustryDay(db, day.id, version.data.version, context) : { ok: false as const, formError: 'Reload the page and try again.' }
    if (outcome.ok) return redirect(`${BACK}?year=${outcome.heldOn.slice(0, 4)}&done=deleted&on=${outcome.heldOn}`)
    return { deleteError: outcome.formError ?? 'The day could not be deleted.' }
  }
  const countries = await loadIndustryDayCountries(db)
  const submission = parseForm(form, { schema: industryDaySchema(countries.map((country) => country.code)) })
  if (submission.status !== 'success') return submission.reply()
  if (!version.success) return submission.reply({ formErrors: ['Reload the page and make your change again.'] })
  const outcome = await editIndustryDay(db, day.id, version.data.version, submission.value, context)
  if (!outcome.ok) return submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formError ? [outcome.formError] : undefined })
  return redirect(`${BACK}?year=${outcome.heldOn.slice(0, 4)}&done=saved&on=${outcome.heldOn}`)
}

export default function EditIndustryDayPage() {
  const { day, countries } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const lastResult = result && !('deleteError' in result) ? result : undefined
  return (
    <>
      <PageHeader title={`Industry Day of ${formatDate(day.heldOn)}`} />
      <ReturnNav />
      {day.isDemo ? <Notice>This day is demo data (made up for trying SoleSource out).</Notice> : null}
      <div className="card narrow">
        <IndustryDayForm
          key={day.version}
          countries={countries}
          defaults={{ kind: day.kind, heldOn: day.heldOn, countryCode: day.countryCode ?? '', theme: day.theme ?? '', companies: day.companies }}
          lastResult={lastResult}
          version={day.version}
          submitLabel="Save the Industry Day"
        />
      </div>
      <section className="card narrow" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        {result && 'deleteError' in result ? (
          <Notice tone="error" role="alert">
            {result.deleteError}
          </Notice>
        ) : null}
        <p className="hint">For a day recorded by mistake. Its invitations go with it; the audit trail keeps what it was.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="version" value={day.version} />
          <button type="submit" className="danger">
            Delete this Industry Day
          </button>
        </Form>
      </section>
    </>
  )
}

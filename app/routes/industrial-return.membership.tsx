import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { readForm } from '~/http/request-body.server'
import { loadMembershipPage } from '~/industrial-return/membership/load-membership-page.server'
import { MEMBERSHIP_LABELS, MEMBERSHIPS, RecordMembershipSchema, RemoveMembershipSchema } from '~/industrial-return/membership/membership-form'
import { recordMembershipChange } from '~/industrial-return/membership/record-membership-change.server'
import { removeMembershipChange } from '~/industrial-return/membership/remove-membership-change.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Field, FormErrors } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'

export const meta: MetaFunction = () => [{ title: 'Membership · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const page = await loadMembershipPage(getDatabase(), new Date())
  const saved = new URL(request.url).searchParams.get('saved')
  const country = page.countries.find((c) => c.code === saved)
  return { ...page, notice: country ? `Membership of ${country.name} saved. Coefficients, bands and alerts were recomputed.` : null }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const db = getDatabase()
  const formData = await readForm(request)
  const actor = { actorId: officer.id, now: new Date(), origin: requestOrigin(request), appUrl: getEnv().APP_URL }
  if (formData.get('intent') === 'remove') {
    const submission = parseForm(formData, { schema: RemoveMembershipSchema })
    if (submission.status !== 'success') return { form: 'remove' as const, message: 'That change no longer exists. The list below is up to date.' }
    const outcome = await removeMembershipChange(db, submission.value.id, actor)
    if (!outcome.ok) return { form: 'remove' as const, message: outcome.message }
    return redirect(`/industrial-return/membership?saved=${outcome.countryCode}`)
  }
  const submission = parseForm(formData, { schema: RecordMembershipSchema })
  if (submission.status !== 'success') return { form: 'record' as const, result: submission.reply() }
  const { intent: _intent, ...input } = submission.value
  const outcome = await recordMembershipChange(db, input, actor)
  if (!outcome.ok) return { form: 'record' as const, result: submission.reply({ fieldErrors: outcome.fieldErrors }) }
  return redirect(`/industrial-return/membership?saved=${input.countryCode}`)
}

export default function MembershipPage() {
  const { countries, today, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.form === 'record' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseForm(formData, { schema: RecordMembershipSchema }),
  })
  return (
    <>
      <PageHeader title="Membership over time" />
      <ReturnNav />
      {notice && !actionData ? (
        <Notice tone="success" role="status">
          {notice}
        </Notice>
      ) : null}
      {actionData?.form === 'remove' ? (
        <Notice tone="error" role="alert">
          {actionData.message}
        </Notice>
      ) : null}
      <section className="card narrow" aria-labelledby="record-heading">
        <h2 id="record-heading">Record a change of membership</h2>
        <p className="hint">
          Each calendar year counts under the membership in force on its 31 December: coefficients, bands and the contribution scale of a year use
          it. Without a date, the change is the membership the country had before its dated history; a country with dated changes only was not a
          member before the first of them.
        </p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="record" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field id={fields.countryCode.id} label="Country" errors={fields.countryCode.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.countryCode)} {...aria}>
                <option value="">Choose…</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fields.membership.id} label="Became" errors={fields.membership.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.membership)} {...aria}>
                <option value="">Choose…</option>
                {MEMBERSHIPS.map((m) => (
                  <option key={m} value={m}>
                    {MEMBERSHIP_LABELS[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fields.effectiveFrom.id} label="On (leave empty for “before the dated history”)" errors={fields.effectiveFrom.errors}>
            {(aria) => <input {...getInputProps(fields.effectiveFrom, { type: 'date' })} {...aria} />}
          </Field>
          <Field id={fields.source.id} label="Source of the date" hint="E.g. the Council resolution or the organisation’s press release." errors={fields.source.errors}>
            {(aria) => <input {...getInputProps(fields.source, { type: 'text' })} {...aria} />}
          </Field>
          <button type="submit">Record the change</button>
        </Form>
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">Membership history by country</h2>
        <p className="hint">Today is {today}. A change with a date later than today takes effect on its day.</p>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Today</th>
                <th scope="col">History (newest first)</th>
              </tr>
            </thead>
            <tbody>
              {countries.map((country) => (
                <tr key={country.code} id={`membership-${country.code}`}>
                  <th scope="row">
                    {country.name} ({country.code})
                  </th>
                  <td>{MEMBERSHIP_LABELS[country.today]}</td>
                  <td>
                    {country.changes.length === 0 ? (
                      <span className="hint">no history recorded</span>
                    ) : (
                      <ul>
                        {country.changes.map((change) => (
                          <li key={change.id}>
                            {change.effectiveFrom ? `From ${change.effectiveFrom}` : 'Before the dated history'}: {MEMBERSHIP_LABELS[change.membership]}
                            {change.source ? <span className="hint"> ({change.source})</span> : null}
                            {change.effectiveFrom ? (
                              <Form method="post" className="inline-form">
                                <input type="hidden" name="intent" value="remove" />
                                <input type="hidden" name="id" value={change.id} />
                                <button type="submit" className="link" aria-label={`Remove the change of ${country.name} on ${change.effectiveFrom}`}>
                                  Remove
                                </button>
                              </Form>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}

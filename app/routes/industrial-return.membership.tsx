import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { readForm } from '~/http/request-body.server'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { loadMembershipPage } from '~/industrial-return/membership/load-membership-page.server'
import { MEMBERSHIPS, RecordMembershipSchema, RemoveMembershipSchema } from '~/industrial-return/membership/membership-form'
import { CARRIED_OVER, recordMembershipChange } from '~/industrial-return/membership/record-membership-change.server'
import { removeMembershipChange } from '~/industrial-return/membership/remove-membership-change.server'
import { translated } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Field, FormErrors } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'

export const handle: RouteHandle = { i18n: 'industrial-return', title: (t) => t('industrial-return:membership.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const page = await loadMembershipPage(getDatabase(), new Date())
  const saved = new URL(request.url).searchParams.get('saved')
  const country = page.countries.find((c) => c.code === saved)
  // The source written when a history was started for a country is ours (stored in English): shown in the reader's language.
  const countries = page.countries.map((c) => ({ ...c, changes: c.changes.map((change) => (change.source === CARRIED_OVER ? { ...change, source: message('industrial-return:membership.carriedOver') } : change)) }))
  return { ...page, countries, savedCountry: country?.name ?? null }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const db = getDatabase()
  const formData = await readForm(request)
  const actor = { actorId: officer.id, now: new Date(), origin: requestOrigin(request), appUrl: getEnv().APP_URL }
  if (formData.get('intent') === 'remove') {
    const submission = parseForm(formData, { schema: RemoveMembershipSchema })
    if (submission.status !== 'success') return { form: 'remove' as const, message: message('industrial-return:membershipForm.changeGoneUpToDate') }
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
  const { countries, today, savedCountry } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('industrial-return')
  const { date } = useFormats()
  const [form, fields] = useForm({
    lastResult: actionData?.form === 'record' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseForm(formData, { schema: RecordMembershipSchema }),
  })
  return (
    <>
      <PageHeader title={t('membership.heading')} />
      <ReturnNav />
      {savedCountry && !actionData ? (
        <Notice tone="success" role="status">
          {t('membership.saved', { country: savedCountry })}
        </Notice>
      ) : null}
      {actionData?.form === 'remove' ? (
        <Notice tone="error" role="alert">
          {translated(t, actionData.message)}
        </Notice>
      ) : null}
      <section className="card narrow" aria-labelledby="record-heading">
        <h2 id="record-heading">{t('membership.recordHeading')}</h2>
        <p className="hint">{t('membership.recordHint')}</p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="record" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field id={fields.countryCode.id} label={t('columns.country')} errors={fields.countryCode.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.countryCode)} {...aria}>
                <option value="">{t('membership.choose')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fields.membership.id} label={t('membership.became')} errors={fields.membership.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.membership)} {...aria}>
                <option value="">{t('membership.choose')}</option>
                {MEMBERSHIPS.map((m) => (
                  <option key={m} value={m}>
                    {t(`membership.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fields.effectiveFrom.id} label={t('membership.on')} errors={fields.effectiveFrom.errors}>
            {(aria) => <input {...getInputProps(fields.effectiveFrom, { type: 'date' })} {...aria} />}
          </Field>
          <Field id={fields.source.id} label={t('membership.source')} hint={t('membership.sourceHint')} errors={fields.source.errors}>
            {(aria) => <input {...getInputProps(fields.source, { type: 'text' })} {...aria} />}
          </Field>
          <button type="submit">{t('membership.record')}</button>
        </Form>
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('membership.historyHeading')}</h2>
        <p className="hint">{t('membership.today', { today: date(today) })}</p>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('columns.country')}</th>
                <th scope="col">{t('membership.columns.today')}</th>
                <th scope="col">{t('membership.columns.history')}</th>
              </tr>
            </thead>
            <tbody>
              {countries.map((country) => (
                <tr key={country.code} id={`membership-${country.code}`}>
                  <th scope="row">
                    {country.name} ({country.code})
                  </th>
                  <td>{t(`membership.${country.today}`)}</td>
                  <td>
                    {country.changes.length === 0 ? (
                      <span className="hint">{t('membership.noHistory')}</span>
                    ) : (
                      <ul>
                        {country.changes.map((change) => (
                          <li key={change.id}>
                            {change.effectiveFrom ? t('membership.from', { on: date(change.effectiveFrom) }) : t('membership.beforeHistory')}: {t(`membership.${change.membership}`)}
                            {change.source ? <span className="hint"> ({translated(t, change.source)})</span> : null}
                            {change.effectiveFrom ? (
                              <Form method="post" className="inline-form">
                                <input type="hidden" name="intent" value="remove" />
                                <input type="hidden" name="id" value={change.id} />
                                <button type="submit" className="link" aria-label={t('membership.removeLabel', { country: country.name, on: date(change.effectiveFrom) })}>
                                  {t('membership.remove')}
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

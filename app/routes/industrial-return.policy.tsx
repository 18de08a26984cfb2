import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { readForm } from '~/http/request-body.server'
import { bandThresholds, publishReturnPolicy } from '~/industrial-return/publish-return-policy.server'
import { ceilingLines, PublishReturnPolicySchema, type PublishReturnPolicyInput } from '~/industrial-return/return-policy-form'
import type * as z from 'zod'
import { loadReturnPolicy } from '~/industrial-return/return-policy.server'
import { loadReturnPolicyVersions } from '~/industrial-return/return-policy-versions.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Field, FormErrors } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'

export const meta: MetaFunction = () => [{ title: 'Spread policy · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const db = getDatabase()
  const now = new Date()
  const [versions, inForce] = await Promise.all([loadReturnPolicyVersions(db, now), loadReturnPolicy(db, now)])
  const published = Number(new URL(request.url).searchParams.get('published'))
  return {
    today: calendarDateIn(now),
    versions: versions.map((v) => ({ ...v, thresholds: bandThresholds(v.bands) })),
    inForce: { ...inForce, thresholds: bandThresholds(inForce.bands) },
    notice: Number.isSafeInteger(published) && versions.some((v) => Number(v.version) === published) ? `Version ${published} published.` : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const submission = parseForm(await readForm(request), { schema: PublishReturnPolicySchema })
  if (submission.status !== 'success') return submission.reply()
  const { intent: _intent, ...input } = submission.value
  const outcome = await publishReturnPolicy(getDatabase(), input, { actorId: officer.id, now: new Date(), origin: requestOrigin(request), appUrl: getEnv().APP_URL })
  if (!outcome.ok) return submission.reply({ fieldErrors: outcome.fieldErrors })
  return redirect(`/industrial-return/policy?published=${outcome.version}`)
}

const FREQUENCY_LABELS = { MONTHLY: 'monthly', QUARTERLY: 'quarterly' } as const

export default function ReturnPolicyPage() {
  const { versions, inForce, today, notice } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const target = inForce.veryPoorlyTarget
  const [form, fields] = useForm<z.input<typeof PublishReturnPolicySchema>, PublishReturnPolicyInput>({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      effectiveFrom: today,
      ...inForce.thresholds,
      windowYears: String(inForce.windowYears),
      baselineStatusYear: String(target.baselineStatusYear),
      baselineCount: String(target.baselineCount),
      targetStatusYear: String(target.targetStatusYear),
      targetCount: String(target.targetCount),
      startsOn: target.startsOn ?? '',
      deadline: target.deadline ?? '',
      digestFrequency: inForce.digestFrequency,
      amsCeilings: ceilingLines(inForce.amsCeilings),
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: PublishReturnPolicySchema }),
  })
  const text = (name: 'suppliesVeryPoorlyBelow' | 'suppliesPoorlyBelow' | 'servicesPoorlyBelow' | 'windowYears' | 'baselineStatusYear' | 'baselineCount' | 'targetStatusYear' | 'targetCount', label: string, hint?: string) => (
    <Field id={fields[name].id} label={label} hint={hint} errors={fields[name].errors}>
      {(aria) => <input {...getInputProps(fields[name], { type: 'text' })} inputMode="decimal" size={8} {...aria} />}
    </Field>
  )
  return (
    <>
      <PageHeader title="Spread policy" />
      <ReturnNav />
      {notice && !lastResult ? (
        <Notice tone="success" role="status">
          {notice}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {versions.length === 0 ? (
          <p className="empty">No version published: the built-in policy applies (bands 0.40 and 1.00 for supplies, 0.40 for services; four years; no ceilings).</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">In force from</th>
                  <th scope="col">Bands</th>
                  <th scope="col">Window</th>
                  <th scope="col">Very poorly balanced target</th>
                  <th scope="col">Digest</th>
                  <th scope="col">Associate ceilings</th>
                  <th scope="col">Published by</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version}>
                    <th scope="row">
                      {v.version} {v.inForce ? <span className="badge ok">in force</span> : v.effectiveFrom > today ? <span className="badge warn">scheduled</span> : null}
                    </th>
                    <td>{v.effectiveFrom}</td>
                    <td>
                      Supplies: very poorly below {v.thresholds.suppliesVeryPoorlyBelow}, poorly below {v.thresholds.suppliesPoorlyBelow}; services: poorly below{' '}
                      {v.thresholds.servicesPoorlyBelow}
                    </td>
                    <td>{v.windowYears} years</td>
                    <td>
                      From {v.veryPoorlyTarget.baselineCount} (status year {v.veryPoorlyTarget.baselineStatusYear}) to {v.veryPoorlyTarget.targetCount} (status year{' '}
                      {v.veryPoorlyTarget.targetStatusYear})
                      {v.veryPoorlyTarget.deadline ? `, by ${v.veryPoorlyTarget.deadline}` : ''}
                      {v.veryPoorlyTarget.startsOn ? ` (plan from ${v.veryPoorlyTarget.startsOn})` : ''}
                    </td>
                    <td>{FREQUENCY_LABELS[v.digestFrequency]}</td>
                    <td>{v.amsCeilings.length === 0 ? <span className="hint">none</span> : v.amsCeilings.map((c) => `${c.countryCode} ${c.year}: ${c.ceiling}`).join('; ')}</td>
                    <td>{v.publishedBy ?? <span className="hint">seed</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card narrow" aria-labelledby="publish-heading">
        <h2 id="publish-heading">Publish a new version</h2>
        <p className="hint">The form starts from the version in force. A version takes effect on its date, today or later; every version stays listed, and publishing is recorded in the audit trail.</p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="publish" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field id={fields.effectiveFrom.id} label="In force from" errors={fields.effectiveFrom.errors}>
            {(aria) => <input {...getInputProps(fields.effectiveFrom, { type: 'date' })} {...aria} />}
          </Field>
          <fieldset>
            <legend>Bands (a coefficient at a line is in the band above it)</legend>
            {text('suppliesVeryPoorlyBelow', 'Supplies: very poorly balanced below')}
            {text('suppliesPoorlyBelow', 'Supplies: poorly balanced below')}
            {text('servicesPoorlyBelow', 'Services: poorly balanced below')}
          </fieldset>
          {text('windowYears', 'Window (calendar years before the status year)')}
          <fieldset>
            <legend>Target for very poorly balanced countries (supplies)</legend>
            {text('baselineCount', 'From (countries)')}
            {text('baselineStatusYear', 'in status year')}
            {text('targetCount', 'To (countries)')}
            {text('targetStatusYear', 'in status year')}
            <Field id={fields.startsOn.id} label="Plan starts on" errors={fields.startsOn.errors}>
              {(aria) => <input {...getInputProps(fields.startsOn, { type: 'date' })} {...aria} />}
            </Field>
            <Field id={fields.deadline.id} label="Target due by" errors={fields.deadline.errors}>
              {(aria) => <input {...getInputProps(fields.deadline, { type: 'date' })} {...aria} />}
            </Field>
          </fieldset>
          <Field id={fields.digestFrequency.id} label="Statistics to departments and groups" errors={fields.digestFrequency.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.digestFrequency)} {...aria}>
                <option value="MONTHLY">monthly</option>
                <option value="QUARTERLY">quarterly</option>
              </select>
            )}
          </Field>
          <Field
            id={fields.amsCeilings.id}
            label="Associate Member States’ ceilings"
            hint="One a line: country code, year, ceiling (the highest coefficient its return counts for that year), e.g. “BR 2024 1.50”."
            errors={fields.amsCeilings.errors}
          >
            {(aria) => <textarea {...getTextareaProps(fields.amsCeilings)} rows={6} {...aria} />}
          </Field>
          <button type="submit">Publish the version</button>
        </Form>
      </section>
    </>
  )
}

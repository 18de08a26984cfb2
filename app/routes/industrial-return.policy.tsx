import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { readForm } from '~/http/request-body.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { bandThresholds, publishReturnPolicy } from '~/industrial-return/publish-return-policy.server'
import { ceilingLines, PublishReturnPolicySchema, type PublishReturnPolicyInput } from '~/industrial-return/return-policy-form'
import type * as z from 'zod/mini'
import { loadReturnPolicy } from '~/industrial-return/return-policy.server'
import { loadReturnPolicyVersions } from '~/industrial-return/return-policy-versions.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Field, FormErrors } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'

export const handle: RouteHandle = { i18n: 'industrial-return', title: (t) => t('industrial-return:policy.title') }

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
    published: Number.isSafeInteger(published) && versions.some((v) => Number(v.version) === published) ? published : null,
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

export default function ReturnPolicyPage() {
  const { versions, inForce, today, published } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('industrial-return')
  const { date } = useFormats()
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
      <PageHeader title={t('policy.heading')} />
      <ReturnNav />
      {published !== null && !lastResult ? (
        <Notice tone="success" role="status">
          {t('policy.published', { version: published })}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('policy.versions')}</h2>
        {versions.length === 0 ? (
          <p className="empty">{t('policy.noVersion')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('policy.columns.version')}</th>
                  <th scope="col">{t('policy.columns.inForceFrom')}</th>
                  <th scope="col">{t('policy.columns.bands')}</th>
                  <th scope="col">{t('policy.columns.window')}</th>
                  <th scope="col">{t('policy.columns.target')}</th>
                  <th scope="col">{t('policy.columns.digest')}</th>
                  <th scope="col">{t('policy.columns.ceilings')}</th>
                  <th scope="col">{t('policy.columns.publishedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version}>
                    <th scope="row">
                      {v.version} {v.inForce ? <span className="badge ok">{t('policy.inForce')}</span> : v.effectiveFrom > today ? <span className="badge warn">{t('policy.scheduled')}</span> : null}
                    </th>
                    <td>{date(v.effectiveFrom)}</td>
                    <td>
                      {t('policy.bandsCell', {
                        suppliesVeryPoorly: v.thresholds.suppliesVeryPoorlyBelow,
                        suppliesPoorly: v.thresholds.suppliesPoorlyBelow,
                        servicesPoorly: v.thresholds.servicesPoorlyBelow,
                      })}
                    </td>
                    <td>{t('policy.years', { count: v.windowYears })}</td>
                    <td>
                      {t('policy.targetCell', {
                        from: v.veryPoorlyTarget.baselineCount,
                        fromYear: v.veryPoorlyTarget.baselineStatusYear,
                        to: v.veryPoorlyTarget.targetCount,
                        toYear: v.veryPoorlyTarget.targetStatusYear,
                      })}
                      {v.veryPoorlyTarget.deadline ? t('policy.targetBy', { deadline: date(v.veryPoorlyTarget.deadline) }) : ''}
                      {v.veryPoorlyTarget.startsOn ? t('policy.targetPlanFrom', { startsOn: date(v.veryPoorlyTarget.startsOn) }) : ''}
                    </td>
                    <td>{t(`policy.frequency.${v.digestFrequency}`)}</td>
                    <td>{v.amsCeilings.length === 0 ? <span className="hint">{t('policy.noCeilings')}</span> : v.amsCeilings.map((c) => `${c.countryCode} ${c.year}: ${c.ceiling}`).join('; ')}</td>
                    <td>{v.publishedBy ?? <span className="hint">{t('policy.seed')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card narrow" aria-labelledby="publish-heading">
        <h2 id="publish-heading">{t('policy.publishHeading')}</h2>
        <p className="hint">{t('policy.publishHint')}</p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="publish" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field id={fields.effectiveFrom.id} label={t('policy.columns.inForceFrom')} errors={fields.effectiveFrom.errors}>
            {(aria) => <input {...getInputProps(fields.effectiveFrom, { type: 'date' })} {...aria} />}
          </Field>
          <fieldset>
            <legend>{t('policy.form.bandsLegend')}</legend>
            {text('suppliesVeryPoorlyBelow', t('policy.form.suppliesVeryPoorlyBelow'))}
            {text('suppliesPoorlyBelow', t('policy.form.suppliesPoorlyBelow'))}
            {text('servicesPoorlyBelow', t('policy.form.servicesPoorlyBelow'))}
          </fieldset>
          {text('windowYears', t('policy.form.windowYears'))}
          <fieldset>
            <legend>{t('policy.form.targetLegend')}</legend>
            {text('baselineCount', t('policy.form.baselineCount'))}
            {text('baselineStatusYear', t('policy.form.inStatusYear'))}
            {text('targetCount', t('policy.form.targetCount'))}
            {text('targetStatusYear', t('policy.form.inStatusYear'))}
            <Field id={fields.startsOn.id} label={t('policy.form.startsOn')} errors={fields.startsOn.errors}>
              {(aria) => <input {...getInputProps(fields.startsOn, { type: 'date' })} {...aria} />}
            </Field>
            <Field id={fields.deadline.id} label={t('policy.form.deadline')} errors={fields.deadline.errors}>
              {(aria) => <input {...getInputProps(fields.deadline, { type: 'date' })} {...aria} />}
            </Field>
          </fieldset>
          <Field id={fields.digestFrequency.id} label={t('policy.form.digestFrequency')} errors={fields.digestFrequency.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.digestFrequency)} {...aria}>
                <option value="MONTHLY">{t('policy.frequency.MONTHLY')}</option>
                <option value="QUARTERLY">{t('policy.frequency.QUARTERLY')}</option>
              </select>
            )}
          </Field>
          <Field
            id={fields.amsCeilings.id}
            label={t('policy.form.ceilings')}
            hint={t('policy.form.ceilingsHint')}
            errors={fields.amsCeilings.errors}
          >
            {(aria) => <textarea {...getTextareaProps(fields.amsCeilings)} rows={6} {...aria} />}
          </Field>
          <button type="submit">{t('policy.form.publish')}</button>
        </Form>
      </section>
    </>
  )
}

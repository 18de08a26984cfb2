import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { translateList } from '~/industrial-return/ledger/message-list'
import { formatAmount } from '~/money/amount'
import { pageError } from '~/ui/error-page'
import { budgetMinorOf, ScaleFormSchema } from '~/industrial-return/ledger/scale-form'
import { saveContributionScales } from '~/industrial-return/ledger/scales.server'
import { loadCountries, loadCountriesInYear, loadScales } from '~/industrial-return/views/return-inputs.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Field, FormErrors } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'

export const handle: RouteHandle = {
  i18n: ['return-data', 'industrial-return'],
  title: (t, data: { year: number } | undefined) => t('return-data:scale.title', { year: data?.year ?? '' }),
}

function yearFrom(request: Request, param: string | undefined): number {
  const year = /^\d{4}$/.test(param ?? '') ? Number(param) : NaN
  if (!(year >= 1950 && year <= 2200)) {
    throw pageError(404, { title: message('return-data:scale.notFound.title'), message: message('return-data:scale.notFound.message', { from: 1950, to: 2200 }), back: '/industrial-return/scales' }, request)
  }
  return year
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const year = yearFrom(request, params.year)
  const db = getDatabase()
  const [countries, scales] = await Promise.all([loadCountriesInYear(db, year), loadScales(db)])
  const scale = scales.find((s) => s.year === year) ?? null
  return {
    year,
    countries: countries.filter((c) => c.membership !== 'OTHER'),
    scale: scale && {
      source: scale.source,
      isDemo: scale.isDemo,
      budget: scale.budgetChfMinor ? formatAmount(scale.budgetChfMinor).replace(/\u2019/g, "'") : '',
      percent: Object.fromEntries(scale.shares.map((s) => [s.countryCode, s.percent.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')])),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const year = yearFrom(request, params.year)
  const submission = parseForm(await readForm(request), { schema: ScaleFormSchema })
  if (submission.status !== 'success') return submission.reply()
  const db = getDatabase()
  const countries = await loadCountries(db)
  const order = new Map(countries.map((c, i) => [c.code, i]))
  const rows = Object.entries(submission.value.percent ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .sort(([a], [b]) => (order.get(a) ?? 999) - (order.get(b) ?? 999))
    .map(([countryCode, percent]) => ({ countryCode, percent }))
  const outcome = await saveContributionScales(db, [{ year, rows, source: submission.value.source, budgetChfMinor: budgetMinorOf(submission.value.budget) }], 'form', {
    actorId: officer.id,
    now: new Date(),
    origin: requestOrigin(request),
    appUrl: getEnv().APP_URL,
  })
  if (!outcome.ok) {
    const fieldErrors: Record<string, string[]> = {}
    const formErrors: string[] = []
    for (const issue of outcome.errors) {
      if (issue.countryCode) (fieldErrors[`percent.${issue.countryCode}`] ??= []).push(issue.message)
      else formErrors.push(issue.message)
    }
    return submission.reply({ formErrors: formErrors.length ? formErrors : [message('return-data:scale.fixRows')], fieldErrors })
  }
  return redirect('/industrial-return/scales')
}

export default function ScaleYearPage() {
  const { year, countries, scale } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: scale ? { source: scale.isDemo ? '' : scale.source, budget: scale.budget, percent: scale.percent } : undefined,
    onValidate: ({ formData }) => parseForm(formData, { schema: ScaleFormSchema }),
  })
  const { t } = useTranslation('return-data')
  // A row's messages hold the problem as a message of its own (scale-validation.ts): translateList says both.
  const said = (errors: string[] | undefined) => errors?.map((error) => translateList(t, error))
  const errorsOf = (code: string) => said(form.allErrors[`percent.${code}`])
  return (
    <>
      <PageHeader title={t('scale.heading', { year })} />
      <ReturnNav />
      {scale?.isDemo ? (
        <Notice>
          <span className="badge warn">{t('demo')}</span> {t('scale.demo')}
        </Notice>
      ) : null}
      <div className="card narrow">
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={said(form.errors)} separately />
          <Field id={fields.source.id} label={t('scales.source')} hint={t('scale.sourceHint')} errors={fields.source.errors}>
            {(aria) => <input {...getInputProps(fields.source, { type: 'text' })} {...aria} />}
          </Field>
          <Field id={fields.budget.id} label={t('scale.budget')} hint={t('scale.budgetHint')} errors={said(fields.budget.errors)}>
            {(aria) => <input {...getInputProps(fields.budget, { type: 'text' })} inputMode="decimal" {...aria} />}
          </Field>
          <fieldset>
            <legend>{t('scale.legend')}</legend>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('scale.country')}</th>
                  <th scope="col">{t('scale.percent')}</th>
                </tr>
              </thead>
              <tbody>
                {countries.map((country) => {
                  const id = `percent-${country.code}`
                  const errors = errorsOf(country.code)
                  return (
                    <tr key={country.code}>
                      <th scope="row">
                        <label htmlFor={id}>
                          {country.name} ({country.code}){country.membership === 'ASSOCIATE' ? ` · ${t('scale.associate')}` : ''}
                        </label>
                      </th>
                      <td>
                        <input
                          id={id}
                          name={`percent.${country.code}`}
                          type="text"
                          inputMode="decimal"
                          defaultValue={scale?.percent[country.code] ?? ''}
                          aria-invalid={errors?.length ? true : undefined}
                          aria-describedby={errors?.length ? `${id}-error` : undefined}
                          size={8}
                        />
                        {errors?.length ? (
                          <p className="error" id={`${id}-error`}>
                            {errors.join(' ')}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </fieldset>
          <button type="submit">{t('scale.save', { year })}</button>
        </Form>
      </div>
    </>
  )
}

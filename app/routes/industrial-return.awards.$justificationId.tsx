import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { pageError } from '~/ui/error-page'
import { AwardSchema } from '~/industrial-return/ledger/award-form'
import { awardJustification } from '~/industrial-return/ledger/award-justification.server'
import { loadAwardableJustification } from '~/industrial-return/ledger/load-awardable-justification.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { DefinitionList } from '~/ui/definition-list'
import { Field, FormErrors } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'

export const handle: RouteHandle = {
  i18n: ['return-data', 'industrial-return'],
  title: (t, data: { justification: { reference: string } } | undefined) => t('return-data:award.title', { reference: data?.justification.reference ?? '' }),
}

async function justificationOr404(request: Request, id: string | undefined) {
  const justification = id && UUID.test(id) ? await loadAwardableJustification(getDatabase(), id) : null
  if (!justification) {
    throw pageError(404, { title: message('return-data:award.notFound.title'), message: message('return-data:award.errors.noJustification'), back: '/industrial-return/awards' }, request)
  }
  return justification
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { justification: await justificationOr404(request, params.justificationId), today: calendarDateIn(new Date()) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const justification = await justificationOr404(request, params.justificationId)
  const submission = parseForm(await readForm(request), { schema: AwardSchema })
  if (submission.status !== 'success') return submission.reply()
  const outcome = await awardJustification(getDatabase(), justification.id, submission.value, {
    actorId: officer.id,
    now: new Date(),
    origin: requestOrigin(request),
    appUrl: getEnv().APP_URL,
  })
  if (!outcome.ok) return submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formError ? [outcome.formError] : undefined })
  return redirect(`/industrial-return/contracts?q=${encodeURIComponent(outcome.orderNumber)}&recorded=1`)
}

export default function AwardPage() {
  const { justification: j, today } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { orderNumber: '', awardedOn: today, amount: j.amountText.replace(/\u2019/g, "'") },
    onValidate: ({ formData }) => parseForm(formData, { schema: AwardSchema }),
  })
  const { t } = useTranslation('return-data')
  const { chf, date } = useFormats()
  const awardable = j.status === 'APPROVED' && !j.existingOrderNumber
  return (
    <>
      <PageHeader title={t('award.heading', { reference: j.reference })} />
      <ReturnNav />
      <div className="card narrow">
        <DefinitionList
          facts={[
            { term: t('award.facts.title'), details: j.title },
            {
              term: t('award.facts.supplier'),
              details: (
                <>
                  {t('award.establishedIn', { name: j.supplierName, country: j.supplierCountryCode })}
                  {j.originCountryCode ? `; ${t('awards.goodsFrom', { country: j.originCountryCode })}` : ''}
                </>
              ),
            },
            { term: t('award.facts.category'), details: t(`categories.${j.category}`) },
            { term: t('award.facts.group'), details: j.group },
            {
              term: t('award.facts.approvedAmount'),
              details: (
                <>
                  {j.currency} {j.amountText}
                  {j.amountChfMinor !== null && j.currency !== 'CHF'
                    ? ` ${t('award.converted', { chf: chf(j.amountChfMinor), rate: j.exchangeRate, on: j.exchangeRateDate ? date(j.exchangeRateDate) : '' })}`
                    : ''}
                </>
              ),
            },
          ]}
        />
      </div>
      {!awardable ? (
        <Notice role="status">{j.existingOrderNumber ? t('award.alreadyRecorded', { orderNumber: j.existingOrderNumber }) : t('award.onlyApproved')}</Notice>
      ) : (
        <div className="card narrow">
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field id={fields.orderNumber.id} label={t('award.orderNumber')} hint={t('award.orderNumberHint')} errors={fields.orderNumber.errors}>
              {(aria) => <input {...getInputProps(fields.orderNumber, { type: 'text' })} {...aria} />}
            </Field>
            <Field id={fields.awardedOn.id} label={t('award.awardDate')} errors={fields.awardedOn.errors}>
              {(aria) => <input {...getInputProps(fields.awardedOn, { type: 'date' })} max={today} {...aria} />}
            </Field>
            <Field
              id={fields.amount.id}
              label={t('award.finalAmount', { currency: j.currency })}
              hint={j.currency === 'CHF' ? t('award.defaultsChf') : t('award.defaultsForeign', { rate: j.exchangeRate ?? t('award.rateTable') })}
              errors={fields.amount.errors}
            >
              {(aria) => <input {...getInputProps(fields.amount, { type: 'text' })} inputMode="decimal" {...aria} />}
            </Field>
            <button type="submit">{t('awards.record')}</button>
          </Form>
        </div>
      )}
    </>
  )
}

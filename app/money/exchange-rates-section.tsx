import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import { currencies } from './currency.ts'
import { AddRateSchema } from './exchange-rate-form.ts'

export type ExchangeRateRow = { id: string; currency: string; validFrom: string; chfPerUnit: string; inUseToday: boolean; setBy: string | null }

/** The policy page's rate table (which rate each currency uses today) and its "Add a rate" form. */
export function ExchangeRatesSection({ rates, today, lastResult }: { rates: ExchangeRateRow[]; today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('admin')
  const { date } = useFormats()
  return (
    <section className="card" aria-labelledby="rates-heading">
      <h2 id="rates-heading">{t('policy.rates.heading')}</h2>
      <p className="hint">{t('policy.rates.hint')}</p>
      {rates.length === 0 ? (
        <p className="empty">{t('policy.rates.none')}</p>
      ) : (
        <SortableTable caption={t('policy.rates.caption')} columns={rateColumns(t, date, today)} rows={rates} rowKey={(rate) => rate.id} />
      )}
      <AddRateForm key={rates.length} today={today} lastResult={lastResult} />
    </section>
  )
}

function rateColumns(t: TFunction<'admin'>, formatDate: (value: string) => string, today: string): TableColumn<ExchangeRateRow>[] {
  return [
    { header: t('policy.rates.currency'), sorted: 'ascending', cell: (rate) => rate.currency },
    { header: t('policy.rates.validFrom'), cell: (rate) => formatDate(rate.validFrom) },
    { header: t('policy.rates.chfPerUnit'), numeric: true, cell: (rate) => rate.chfPerUnit },
    {
      header: t('policy.rates.usedToday'),
      cell: (rate) =>
        rate.inUseToday ? (
          <span className="badge ok">{t('policy.rates.inUse')}</span>
        ) : rate.validFrom > today ? (
          <span className="badge warn">{t('policy.rates.from', { date: formatDate(rate.validFrom) })}</span>
        ) : null,
    },
    { header: t('policy.rates.setBy'), cell: (rate) => rate.setBy ?? <span className="hint">{t('policy.rates.seedData')}</span> },
  ]
}

function AddRateForm({ today, lastResult }: { today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: 'add-rate',
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { validFrom: today },
    onValidate: ({ formData }) => parseForm(formData, { schema: AddRateSchema }),
  })
  const { t } = useTranslation('admin')
  return (
    <>
      <h3>{t('policy.rates.addHeading')}</h3>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-rate" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="row">
          <Field id={fields.currency.id} label={t('policy.rates.currency')} errors={fields.currency.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.currency)} {...aria}>
                <option value="">{t('policy.rates.choose')}</option>
                {currencies
                  .filter((currency) => currency !== 'CHF')
                  .map((currency) => (
                    <option key={currency} value={currency}>
                      {currency}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field id={fields.validFrom.id} label={t('policy.rates.validFrom')} hint={t('policy.rates.validFromHint')} errors={fields.validFrom.errors}>
            {(aria) => <input {...getInputProps(fields.validFrom, { type: 'date' })} {...aria} />}
          </Field>
          <Field id={fields.chfPerUnit.id} label={t('policy.rates.chfPerUnit')} hint={t('policy.rates.chfPerUnitHint')} errors={fields.chfPerUnit.errors}>
            {(aria) => <input {...getInputProps(fields.chfPerUnit, { type: 'text' })} inputMode="decimal" {...aria} />}
          </Field>
        </div>
        <button type="submit">{t('policy.rates.add')}</button>
      </Form>
    </>
  )
}

import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { formatDate } from '~/calendar/format-date'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import { currencies } from './currency.ts'
import { AddRateSchema } from './exchange-rate-form.ts'

export type ExchangeRateRow = { id: string; currency: string; validFrom: string; chfPerUnit: string; inUseToday: boolean; setBy: string | null }

/** The policy page's rate table (which rate each currency uses today) and its "Add a rate" form. */
export function ExchangeRatesSection({ rates, today, lastResult }: { rates: ExchangeRateRow[]; today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  return (
    <section className="card" aria-labelledby="rates-heading">
      <h2 id="rates-heading">Exchange rates to CHF</h2>
      <p className="hint">
        A submission converts its amount with the rate of its currency valid on the submission day (the latest one from that day or before), and stores that rate with
        it.
      </p>
      {rates.length === 0 ? (
        <p className="empty">No exchange rate yet: only justifications in CHF can be submitted.</p>
      ) : (
        <SortableTable caption="Exchange rates, by currency, latest first" columns={rateColumns(today)} rows={rates} rowKey={(rate) => rate.id} />
      )}
      <AddRateForm key={rates.length} today={today} lastResult={lastResult} />
    </section>
  )
}

function rateColumns(today: string): TableColumn<ExchangeRateRow>[] {
  return [
    { header: 'Currency', sorted: 'ascending', cell: (rate) => rate.currency },
    { header: 'Valid from', cell: (rate) => formatDate(rate.validFrom) },
    { header: 'CHF per unit', numeric: true, cell: (rate) => rate.chfPerUnit },
    {
      header: 'Used today',
      cell: (rate) => (rate.inUseToday ? <span className="badge ok">In use</span> : rate.validFrom > today ? <span className="badge warn">From {formatDate(rate.validFrom)}</span> : null),
    },
    { header: 'Set by', cell: (rate) => rate.setBy ?? <span className="hint">seed data</span> },
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
  return (
    <>
      <h3>Add a rate</h3>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-rate" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="row">
          <Field id={fields.currency.id} label="Currency" errors={fields.currency.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.currency)} {...aria}>
                <option value="">Choose…</option>
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
          <Field id={fields.validFrom.id} label="Valid from" hint="A rate set again for the same day replaces it." errors={fields.validFrom.errors}>
            {(aria) => <input {...getInputProps(fields.validFrom, { type: 'date' })} {...aria} />}
          </Field>
          <Field id={fields.chfPerUnit.id} label="CHF per unit" hint="For example 0.9412; at most six decimals." errors={fields.chfPerUnit.errors}>
            {(aria) => <input {...getInputProps(fields.chfPerUnit, { type: 'text' })} inputMode="decimal" {...aria} />}
          </Field>
        </div>
        <button type="submit">Save rate</button>
      </Form>
    </>
  )
}

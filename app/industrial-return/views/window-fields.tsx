import { useTranslation } from 'react-i18next'
import { Field } from '~/ui/field'
import { MAX_YEAR, MIN_YEAR, type AskedWindow, type WindowErrors } from './dashboard-query.ts'

/**
 * The "From year" and "To year" inputs of a window form (the dashboard and the pages of departments
 * and groups); the caller's `.row` holds them beside its other filters. A window that could not be
 * shown comes back as typed (`asked`), each field with its message (a message key, which `Field`
 * translates).
 */
export function YearWindowFields({ fromYear, toYear, errors, asked }: { fromYear: number; toYear: number; errors?: WindowErrors; asked?: AskedWindow | null }) {
  const { t } = useTranslation('industrial-return')
  return (
    <>
      <Field id="from" label={t('window.fromYear')} errors={errors?.from ? [errors.from] : undefined}>
        {(control) => <input {...control} name="from" type="number" min={MIN_YEAR} max={MAX_YEAR} defaultValue={asked ? asked.from : fromYear} />}
      </Field>
      <Field id="to" label={t('window.toYear')} errors={errors?.to ? [errors.to] : undefined}>
        {(control) => <input {...control} name="to" type="number" min={MIN_YEAR} max={MAX_YEAR} defaultValue={asked ? asked.to : toYear} />}
      </Field>
    </>
  )
}

/** A select of a filter form, named as its id; `options` lists value and label in the order shown. */
export function SelectField({ id, label, value, options }: { id: string; label: string; value: string; options: readonly (readonly [value: string, label: string])[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  )
}

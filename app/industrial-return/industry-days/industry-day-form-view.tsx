/**
 * The form that records or edits an Industry Day (client-safe). It validates in the browser with the
 * schema the action uses, and works without JavaScript (the action answers with the same errors).
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { INDUSTRY_DAY_KIND_LABELS, INDUSTRY_DAY_KINDS, industryDaySchema, type IndustryDayKind } from './industry-day-form.ts'

export interface IndustryDayFormDefaults {
  kind: IndustryDayKind | ''
  heldOn: string
  countryCode: string
  theme: string
  companies: string
}

export function IndustryDayForm({
  countries,
  defaults,
  lastResult,
  version,
  submitLabel,
}: {
  countries: readonly { code: string; name: string }[]
  defaults: IndustryDayFormDefaults
  lastResult: SubmissionResult<string[]> | null | undefined
  /** The version the edit page read (hidden), so that an edit made meanwhile is not overwritten. */
  version?: number
  submitLabel: string
}) {
  const schema = useMemo(() => industryDaySchema(countries.map((country) => country.code)), [countries])
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  })
  const busy = useNavigation().state === 'submitting'
  const kindErrorId = `${fields.kind.id}-error`
  return (
    <Form method="post" {...getFormProps(form)}>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset className="field" aria-describedby={fields.kind.errors?.length ? kindErrorId : undefined}>
        <legend>Kind of day</legend>
        {INDUSTRY_DAY_KINDS.map((kind) => (
          <label key={kind}>
            <input {...getInputProps(fields.kind, { type: 'radio', value: kind })} aria-invalid={fields.kind.errors?.length ? true : undefined} />{' '}
            {INDUSTRY_DAY_KIND_LABELS[kind]}
          </label>
        ))}
        {fields.kind.errors?.length ? (
          <p className="error" id={kindErrorId}>
            {fields.kind.errors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Field id={fields.heldOn.id} label="Date" errors={fields.heldOn.errors}>
        {(aria) => <input {...getInputProps(fields.heldOn, { type: 'date' })} {...aria} />}
      </Field>
      <Field id={fields.countryCode.id} label="Country (for a country Industry Day)" errors={fields.countryCode.errors}>
        {(aria) => (
          <select {...getSelectProps(fields.countryCode)} {...aria}>
            <option value="">Choose…</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name} ({country.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={fields.theme.id} label="Theme (for a thematic Industry Day)" hint="E.g. Cryogenics, Vacuum, Civil engineering." errors={fields.theme.errors}>
        {(aria) => <input {...getInputProps(fields.theme, { type: 'text' })} {...aria} />}
      </Field>
      <Field
        id={fields.companies.id}
        label="Invited companies"
        hint={
          <>
            One per line: the company, a semicolon, the code of the country it is counted for, e.g. <code>Acme SA; FR</code>. The companies of thematic days count in the
            share of invited companies.
          </>
        }
        errors={fields.companies.errors}
      >
        {(aria) => <textarea {...getTextareaProps(fields.companies)} {...aria} rows={8} spellCheck={false} />}
      </Field>
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  )
}

/**
 * The form that records or edits an Industry Day (client-safe). It validates in the browser with the
 * schema the action uses, and works without JavaScript (the action answers with the same errors).
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '~/i18n/country-names'
import { translateList } from '../ledger/message-list.ts'
import { useLanguage } from '~/i18n/use-formats'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { INDUSTRY_DAY_KINDS, industryDaySchema, type IndustryDayKind } from './industry-day-form.ts'

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
  const { t } = useTranslation('return-data')
  const language = useLanguage()
  const kindErrorId = `${fields.kind.id}-error`
  return (
    <Form method="post" {...getFormProps(form)}>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset className="field" aria-describedby={fields.kind.errors?.length ? kindErrorId : undefined}>
        <legend>{t('industryDays.form.kind')}</legend>
        {INDUSTRY_DAY_KINDS.map((kind) => (
          <label key={kind}>
            <input {...getInputProps(fields.kind, { type: 'radio', value: kind })} aria-invalid={fields.kind.errors?.length ? true : undefined} />{' '}
            {t(`industryDays.kinds.${kind}`)}
          </label>
        ))}
        {fields.kind.errors?.length ? (
          <p className="error" id={kindErrorId}>
            {fields.kind.errors.map((error) => translateList(t, error)).join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Field id={fields.heldOn.id} label={t('industryDays.form.date')} errors={fields.heldOn.errors}>
        {(aria) => <input {...getInputProps(fields.heldOn, { type: 'date' })} {...aria} />}
      </Field>
      <Field id={fields.countryCode.id} label={t('industryDays.form.country')} errors={fields.countryCode.errors}>
        {(aria) => (
          <select {...getSelectProps(fields.countryCode)} {...aria}>
            <option value="">{t('industryDays.form.choose')}</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {countryName(country.code, country.name, language)} ({country.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={fields.theme.id} label={t('industryDays.form.theme')} hint={t('industryDays.form.themeHint')} errors={fields.theme.errors}>
        {(aria) => <input {...getInputProps(fields.theme, { type: 'text' })} {...aria} />}
      </Field>
      <Field
        id={fields.companies.id}
        label={t('industryDays.form.companies')}
        hint={
          <>
            {t('industryDays.form.companiesHint')} <code>Acme SA; FR</code>
            {t('industryDays.form.companiesHintEnd')}
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

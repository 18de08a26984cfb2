import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useFetcher, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName as localCountryName } from '~/i18n/country-names'
import { translateMessage } from '~/i18n/message'
import { useFormats } from '~/i18n/use-formats'
import { parseAmount } from '~/money/amount'
import { toChfMinor } from '~/money/conversion'
import { Field, FormErrors } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { parseForm } from '~/ui/parse-form'
import { useValuesTypedBeforeHydration } from '~/ui/use-values-typed-before-hydration'
import { FilingTimeReturnPanel } from '~/industrial-return/views/filing-time-panel'
import type { FilingTimeReturn } from '~/industrial-return/views/filing-time'
import { requiredTiers, type SignaturePolicy } from '~/workflow/signature-policy'
import { justificationFormSchema } from './justification-form-schema'
import { suggestAlternativeSuppliers, suggestionBandsOf, type SupplierRegisterForFiling } from '~/industrial-return/suppliers/supplier-suggestions'
import { AlternativeSuppliersNotice } from '~/industrial-return/suppliers/alternative-suppliers'
import { CATEGORIES, MIN_JUSTIFICATION_LENGTH, SINGLE_SOURCE_REASONS } from './labels'

export type JustificationFormOptions = {
  groups: { id: string; code: string; name: string }[]
  countries: { code: string; name: string }[]
  currencies: string[]
  rates: Record<string, string>
  policy: SignaturePolicy | null
  filingTimeReturn: FilingTimeReturn
  supplierRegister: SupplierRegisterForFiling
}

export type JustificationFormDefaults = {
  title?: string
  description?: string
  supplierName?: string
  supplierCountryCode?: string
  originCountryCode?: string
  category?: string
  amount?: string
  currency?: string
  groupId?: string
  reason?: string
  reasonText?: string
  marketSurveyReference?: string
  activityCode?: string
  alternativeSuppliersReason?: string
}

function chfMinorOf(amountText: string, currency: string, rates: Record<string, string>): number | null {
  const parsed = parseAmount(amountText)
  const rate = rates[currency]
  return parsed.ok && rate ? toChfMinor(parsed.minor, rate) : null
}

/** What the amount means, as the person types: its CHF equivalent and the signatures it needs. */
export function describeAmount(
  amountText: string,
  currency: string,
  rates: Record<string, string>,
  policy: SignaturePolicy | null,
  t: TFunction<'justifications'>,
  formatChf: (minor: number) => string,
): string | null {
  if (!amountText.trim()) return null
  const parsed = parseAmount(amountText)
  if (!parsed.ok) return null
  const rate = rates[currency]
  if (!rate) return t('form.noRate', { currency })
  const chf = toChfMinor(parsed.minor, rate)
  const inChf = currency === 'CHF' ? formatChf(chf) : t('form.atRate', { chf: formatChf(chf), rate, currency })
  if (!policy) return inChf
  const tiers = requiredTiers(policy, chf)
  if (tiers.length === 0) return t('form.noSignatureNeeded', { inChf, threshold: formatChf(policy.tiers[0]!.aboveChfMinor) })
  return t('form.needsSignatures', { inChf, tiers: tiers.map((tier) => tier.label.toLowerCase()).join(t('form.then')) })
}

export function JustificationForm({
  options,
  defaults,
  lastResult,
  rowVersion,
  justificationId,
  submitLabel,
  extra,
}: {
  options: JustificationFormOptions
  defaults: JustificationFormDefaults
  lastResult: SubmissionResult<string[]> | undefined
  rowVersion?: number
  justificationId?: string
  submitLabel: string
  extra?: React.ReactNode
}) {
  const navigation = useNavigation()
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  const bands = suggestionBandsOf(options.filingTimeReturn)
  const suggestionsFor = (filing: Parameters<typeof suggestAlternativeSuppliers>[0]) => suggestAlternativeSuppliers(filing, bands, options.supplierRegister.candidates)
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types (see docs/decisions/004-forms.md).
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseForm(formData, { schema: justificationFormSchema(suggestionsFor) }),
  })
  // After a refused submission rendered on the server (no JavaScript), start from what was sent.
  const start = { ...defaults, ...((lastResult?.initialValue ?? {}) as JustificationFormDefaults) }
  const [amount, setAmount] = useState(start.amount ?? '')
  const [currency, setCurrency] = useState(start.currency ?? 'CHF')
  const [category, setCategory] = useState(start.category ?? '')
  const [supplierName, setSupplierName] = useState(start.supplierName ?? '')
  const [supplierCountry, setSupplierCountry] = useState(start.supplierCountryCode ?? '')
  const [originCountry, setOriginCountry] = useState(start.originCountryCode ?? '')
  const [activityCode, setActivityCode] = useState(start.activityCode ?? '')
  const alternatives =
    category === 'SUPPLIES' || category === 'SERVICES' ? suggestionsFor({ supplierName, supplierCountryCode: supplierCountry, category, activityCode: activityCode || undefined }) : []
  const countryName = (code: string) => localCountryName(code, options.countries.find((c) => c.code === code)?.name ?? code, formats.language)
  // The country a contract counts for: origin of the goods for supplies, establishment for services.
  const returnCountry = category === 'SUPPLIES' ? originCountry || supplierCountry : supplierCountry
  const [groupId, setGroupId] = useState(defaults.groupId ?? '')
  useValuesTypedBeforeHydration(form.id, (read) => {
    const keep = (value: string | undefined, set: (value: string) => void) => value !== undefined && set(value)
    keep(read(fields.amount.name), setAmount)
    keep(read(fields.currency.name), setCurrency)
    keep(read(fields.category.name), setCategory)
    keep(read(fields.supplierName.name), setSupplierName)
    keep(read(fields.supplierCountryCode.name), setSupplierCountry)
    keep(read(fields.originCountryCode.name), setOriginCountry)
    keep(read(fields.activityCode.name), setActivityCode)
    keep(read(fields.groupId.name), setGroupId)
  })
  const preview = describeAmount(amount, currency, options.rates, options.policy, t, formats.chf)
  // Split-purchase check as the person types (a warning only; without JavaScript the draft's page shows it).
  const splitCheck = useFetcher<{ warning: string | null }>()
  useEffect(() => {
    if (!supplierName.trim() || !amount.trim() || !groupId) return
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ supplierName, amount, currency, groupId, ...(justificationId ? { justificationId } : {}) })
      splitCheck.load(`/justifications/split-check?${params}`)
    }, 400)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the fetcher is stable; re-check when the inputs change
  }, [supplierName, amount, currency, groupId, justificationId])
  const splitWarning = splitCheck.data?.warning ?? null
  const busy = navigation.state === 'submitting'

  return (
    <Form method="post" {...getFormProps(form)}>
      {rowVersion !== undefined ? <input type="hidden" name="rowVersion" value={rowVersion} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <section className="card" aria-labelledby="what-heading">
        <h2 id="what-heading">{t('form.whatHeading')}</h2>
        <Field id={fields.title.id} label={t('form.title')} errors={fields.title.errors}>
          {(aria) => <input {...getInputProps(fields.title, { type: 'text' })} {...aria} />}
        </Field>
        <Field id={fields.description.id} label={t('form.description')} errors={fields.description.errors}>
          {(aria) => <textarea {...getTextareaProps(fields.description)} {...aria} rows={4} />}
        </Field>
        <fieldset className="field">
          <legend>{t('form.category')}</legend>
          {CATEGORIES.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={fields.category.name}
                value={value}
                defaultChecked={start.category === value}
                onChange={() => setCategory(value)}
                aria-invalid={fields.category.errors?.length ? true : undefined}
                aria-describedby={fields.category.errors?.length ? `${fields.category.id}-error` : undefined}
              />{' '}
              {t(`category.${value}`)}
            </label>
          ))}
          {fields.category.errors?.length ? (
            <p className="error" id={`${fields.category.id}-error`}>
              {fields.category.errors.map((error) => translateMessage(t as unknown as TFunction, error)).join(' ')}
            </p>
          ) : null}
        </fieldset>
        <Field id={fields.groupId.id} label={t('form.group')} hint={t('form.groupHint')} errors={fields.groupId.errors}>
          {(aria) => (
            <select {...getSelectProps(fields.groupId)} {...aria} onChange={(event) => setGroupId(event.currentTarget.value)}>
              <option value="">{t('form.choose')}</option>
              {options.groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.code} · {group.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>

      <section className="card" aria-labelledby="supplier-heading">
        <h2 id="supplier-heading">{t('form.supplierHeading')}</h2>
        <Field id={fields.supplierName.id} label={t('form.supplierName')} errors={fields.supplierName.errors}>
          {(aria) => <input {...getInputProps(fields.supplierName, { type: 'text' })} {...aria} autoComplete="organization" onChange={(event) => setSupplierName(event.currentTarget.value)} />}
        </Field>
        <div className="row">
          <Field id={fields.supplierCountryCode.id} label={t('form.supplierCountry')} errors={fields.supplierCountryCode.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.supplierCountryCode)} {...aria} onChange={(event) => setSupplierCountry(event.currentTarget.value)}>
                <CountryOptions countries={options.countries} />
              </select>
            )}
          </Field>
          <Field
            id={fields.originCountryCode.id}
            label={t('form.originCountry')}
            hint={category === 'SERVICES' ? t('form.originNotForServices') : t('form.originHint')}
            errors={fields.originCountryCode.errors}
          >
            {(aria) => (
              <select {...getSelectProps(fields.originCountryCode)} {...aria} disabled={category === 'SERVICES'} onChange={(event) => setOriginCountry(event.currentTarget.value)}>
                <CountryOptions countries={options.countries} />
              </select>
            )}
          </Field>
        </div>
        <Field
          id={fields.activityCode.id}
          label={t('form.activityCode')}
          hint={t('form.activityCodeHint')}
          errors={fields.activityCode.errors}
        >
          {(aria) => (
            <select {...getSelectProps(fields.activityCode)} {...aria} onChange={(event) => setActivityCode(event.currentTarget.value)}>
              <option value="">{t('form.notGiven')}</option>
              {options.supplierRegister.activityCodes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </Field>
        {alternatives.length > 0 || start.alternativeSuppliersReason || fields.alternativeSuppliersReason.errors?.length ? (
          <div aria-live="polite">
            {alternatives.length > 0 ? <AlternativeSuppliersNotice suppliers={alternatives} countryName={countryName} supplierCountry={countryName(supplierCountry)} /> : null}
            <Field
              id={fields.alternativeSuppliersReason.id}
              label={t('form.alternativesReason')}
              hint={t('form.alternativesReasonHint')}
              errors={fields.alternativeSuppliersReason.errors}
            >
              {(aria) => <textarea {...getTextareaProps(fields.alternativeSuppliersReason)} {...aria} rows={3} />}
            </Field>
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="amount-heading">
        <h2 id="amount-heading">{t('form.amountHeading')}</h2>
        <div className="row">
          <Field id={fields.amount.id} label={t('form.amount')} hint={t('form.amountHint')} errors={fields.amount.errors}>
            {(aria) => <input {...getInputProps(fields.amount, { type: 'text' })} {...aria} inputMode="decimal" onChange={(event) => setAmount(event.currentTarget.value)} />}
          </Field>
          <Field id={fields.currency.id} label={t('form.currency')} errors={fields.currency.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.currency)} {...aria} onChange={(event) => setCurrency(event.currentTarget.value)}>
                {options.currencies.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Notice live="polite" id="amount-preview">
          {preview ?? t('form.amountPreviewEmpty')}
        </Notice>
      </section>

      <section className="card" aria-labelledby="why-heading">
        <h2 id="why-heading">{t('form.whyHeading')}</h2>
        <Field id={fields.reason.id} label={t('form.reason')} errors={fields.reason.errors}>
          {(aria) => (
            <select {...getSelectProps(fields.reason)} {...aria}>
              <option value="">{t('form.choose')}</option>
              {SINGLE_SOURCE_REASONS.map((value) => (
                <option key={value} value={value}>
                  {t(`reason.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fields.reasonText.id}
          label={t('form.reasonText')}
          hint={t('form.reasonTextHint', { count: MIN_JUSTIFICATION_LENGTH })}
          errors={fields.reasonText.errors}
        >
          {(aria) => <textarea {...getTextareaProps(fields.reasonText)} {...aria} rows={6} />}
        </Field>
        <Field id={fields.marketSurveyReference.id} label={t('form.marketSurvey')} errors={fields.marketSurveyReference.errors}>
          {(aria) => <input {...getInputProps(fields.marketSurveyReference, { type: 'text' })} {...aria} />}
        </Field>
      </section>
      {extra}
      {/* The buttons come right after the last field, and every preview that changes on its own (the
          split-purchase check answers from the server, the return panel follows the country and the
          amount) comes after them: nothing above the buttons grows when a field is left, so the first
          click on Submit lands (issue 10 point 7). The review page shows all of it before anything is sent. */}
      <div className="row form-actions" style={{ alignItems: 'center' }}>
        {/* "Save as draft" comes first: it is what Enter in a text field does, and it commits nobody. */}
        <button type="submit" name="intent" value="save" className="secondary" disabled={busy}>
          {t('form.saveDraft')}
        </button>
        <button type="submit" name="intent" value="submit" disabled={busy}>
          {submitLabel}
        </button>
        <span className="hint">{t('form.submitHint')}</span>
      </div>
      <div aria-live="polite">{splitWarning ? <Notice tone="error">{t('form.possibleSplit', { warning: splitWarning })}</Notice> : null}</div>
      <FilingTimeReturnPanel
        data={options.filingTimeReturn}
        countryCode={returnCountry}
        category={category === 'SUPPLIES' || category === 'SERVICES' ? category : null}
        amountChfMinor={chfMinorOf(amount, currency, options.rates)}
      />
    </Form>
  )
}

/** The placeholder and every country, for the supplier's and the origin's select. */
function CountryOptions({ countries }: { countries: JustificationFormOptions['countries'] }) {
  const { t } = useTranslation('justifications')
  const { language } = useFormats()
  return (
    <>
      <option value="">{t('form.choose')}</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {localCountryName(country.code, country.name, language)}
        </option>
      ))}
    </>
  )
}

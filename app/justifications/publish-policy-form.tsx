import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type * as z from 'zod/mini'
import { DEFAULT_QUOTE_EXPECTED_ABOVE_CHF_MINOR } from '~/attachments/quote-expectation'
import { translateMessage } from '~/i18n/message'
import { formatAmount } from '~/money/amount'
import { NumberField } from '~/ui/form-fields'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { signatoryRoles } from '~/workflow/signature-policy'
import { MAX_TIER_ROWS, MAX_WINDOW_DAYS, PublishPolicySchema } from './policy-forms'
import { signatoryRoleName, type PolicyVersionRow } from './policy-versions'

/** The policy page's "Publish a new version" form: its tier rows start from the latest version. */
export function PublishPolicyForm({
  versions,
  today,
  lastResult,
}: {
  versions: PolicyVersionRow[]
  today: string
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const latest = versions[0]
  const start = (latest?.tiers ?? []).map((tier) => ({ threshold: formatAmount(tier.aboveChfMinor), role: tier.role, label: tier.label }))
  const rows = Math.min(MAX_TIER_ROWS, Math.max(start.length + 2, 4))
  // Typed by what the form sends (tier rows of text), not by the parsed policy.
  const [form, fields] = useForm<z.input<typeof PublishPolicySchema>, z.output<typeof PublishPolicySchema>>({
    id: 'publish-policy',
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      effectiveFrom: today,
      splitPurchaseWindowDays: String(latest?.splitPurchaseWindowDays ?? 90),
      quoteExpectedAbove: formatAmount(latest?.quoteExpectedAboveChfMinor ?? DEFAULT_QUOTE_EXPECTED_ABOVE_CHF_MINOR),
      tiers: Array.from({ length: rows }, (_, index) => start[index] ?? { threshold: '', role: '', label: '' }),
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: PublishPolicySchema }),
  })
  const tierRows = fields.tiers.getFieldList()
  const { t } = useTranslation('admin')
  return (
    <section className="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('policy.publish.heading')}</h2>
      <p className="hint">{t('policy.publish.hint')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="publish-policy" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="row">
          <Field id={fields.effectiveFrom.id} label={t('policy.publish.takesEffect')} hint={t('policy.publish.takesEffectHint')} errors={fields.effectiveFrom.errors}>
            {(aria) => <input {...getInputProps(fields.effectiveFrom, { type: 'date' })} {...aria} />}
          </Field>
          <NumberField
            field={fields.splitPurchaseWindowDays}
            label={t('policy.publish.splitWindow')}
            hint={t('policy.publish.splitWindowHint')}
            min={1}
            max={MAX_WINDOW_DAYS}
          />
          <Field
            id={fields.quoteExpectedAbove.id}
            label={t('policy.publish.quoteExpectedAbove')}
            hint={t('policy.publish.quoteExpectedAboveHint')}
            errors={fields.quoteExpectedAbove.errors}
          >
            {(aria) => <input {...getInputProps(fields.quoteExpectedAbove, { type: 'text' })} inputMode="decimal" {...aria} />}
          </Field>
        </div>
        <table>
          <caption>{t('policy.publish.tiers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.publish.aboveChf')}</th>
              <th scope="col">{t('policy.publish.whoSigns')}</th>
              <th scope="col">{t('policy.publish.labelOptional')}</th>
            </tr>
          </thead>
          <tbody>
            {tierRows.map((row, index) => {
              const tier = row.getFieldset()
              return (
                <tr key={row.key}>
                  <td>
                    <Field id={tier.threshold.id} label={t('policy.publish.tierAbove', { tier: index + 1 })} errors={tier.threshold.errors}>
                      {(aria) => <input {...getInputProps(tier.threshold, { type: 'text' })} inputMode="decimal" {...aria} />}
                    </Field>
                  </td>
                  <td>
                    <Field id={tier.role.id} label={t('policy.publish.tierWho', { tier: index + 1 })} errors={tier.role.errors}>
                      {(aria) => (
                        <select {...getSelectProps(tier.role)} {...aria}>
                          <option value="">—</option>
                          {signatoryRoles.map((role) => (
                            <option key={role} value={role}>
                              {signatoryRoleName(t, role)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </td>
                  <td>
                    <Field id={tier.label.id} label={t('policy.publish.tierLabel', { tier: index + 1 })} errors={tier.label.errors}>
                      {(aria) => <input {...getInputProps(tier.label, { type: 'text' })} {...aria} />}
                    </Field>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {fields.tiers.errors?.length ? (
          <p className="error" id={fields.tiers.errorId}>
            {fields.tiers.errors.map((error) => translateMessage(t as unknown as TFunction, error)).join(' ')}
          </p>
        ) : null}
        <p>
          <button type="submit">{t('policy.publish.submit', { version: (versions.reduce((max, v) => Math.max(max, v.version), 0) || 0) + 1 })}</button>
        </p>
      </Form>
    </section>
  )
}

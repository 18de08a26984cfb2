import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type * as z from 'zod/mini'
import { DEFAULT_QUOTE_EXPECTED_ABOVE_CHF_MINOR } from '~/attachments/quote-expectation'
import { formatAmount } from '~/money/amount'
import { NumberField } from '~/ui/form-fields'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { signatoryRoles } from '~/workflow/signature-policy'
import { MAX_TIER_ROWS, MAX_WINDOW_DAYS, PublishPolicySchema, signatoryRoleLabels } from './policy-forms'
import type { PolicyVersionRow } from './policy-versions'

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
  return (
    <section className="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish a new version</h2>
      <p className="hint">
        The rows start from the latest version. Leave a row empty to drop it; the label defaults to the role’s name. For example, add a Finance Committee tier above
        200’000.00 CHF.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="publish-policy" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="row">
          <Field id={fields.effectiveFrom.id} label="Takes effect on" hint="Today or later." errors={fields.effectiveFrom.errors}>
            {(aria) => <input {...getInputProps(fields.effectiveFrom, { type: 'date' })} {...aria} />}
          </Field>
          <NumberField
            field={fields.splitPurchaseWindowDays}
            label="Split-purchase window (days)"
            hint="Orders to one supplier from one group within this many days are added up."
            min={1}
            max={MAX_WINDOW_DAYS}
          />
          <Field
            id={fields.quoteExpectedAbove.id}
            label="Quote expected above (CHF)"
            hint="Above this amount, submitting without a supplier’s quote warns, and procurement’s list flags it."
            errors={fields.quoteExpectedAbove.errors}
          >
            {(aria) => <input {...getInputProps(fields.quoteExpectedAbove, { type: 'text' })} inputMode="decimal" {...aria} />}
          </Field>
        </div>
        <table>
          <caption>Tiers, in signing order</caption>
          <thead>
            <tr>
              <th scope="col">Above (CHF)</th>
              <th scope="col">Who signs</th>
              <th scope="col">Label (optional)</th>
            </tr>
          </thead>
          <tbody>
            {tierRows.map((row, index) => {
              const tier = row.getFieldset()
              return (
                <tr key={row.key}>
                  <td>
                    <Field id={tier.threshold.id} label={`Tier ${index + 1}: above this amount in CHF`} errors={tier.threshold.errors}>
                      {(aria) => <input {...getInputProps(tier.threshold, { type: 'text' })} inputMode="decimal" {...aria} />}
                    </Field>
                  </td>
                  <td>
                    <Field id={tier.role.id} label={`Tier ${index + 1}: who signs`} errors={tier.role.errors}>
                      {(aria) => (
                        <select {...getSelectProps(tier.role)} {...aria}>
                          <option value="">—</option>
                          {signatoryRoles.map((role) => (
                            <option key={role} value={role}>
                              {signatoryRoleLabels[role]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </td>
                  <td>
                    <Field id={tier.label.id} label={`Tier ${index + 1}: label`} errors={tier.label.errors}>
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
            {fields.tiers.errors.join(' ')}
          </p>
        ) : null}
        <p>
          <button type="submit">Publish version {(versions.reduce((max, v) => Math.max(max, v.version), 0) || 0) + 1}</button>
        </p>
      </Form>
    </section>
  )
}

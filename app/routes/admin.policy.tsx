import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { loadPolicyOverview } from '~/justifications/lists.server'
import { PolicyConflictError, publishPolicy } from '~/justifications/signature-policy.server'
import { setExchangeRate } from '~/money/exchange-rates.server'
import { formatAmount, formatChf, parseAmount } from '~/money/amount'
import { parseRate } from '~/money/conversion'
import { currencies, isCurrency, type Currency } from '~/money/currency'
import { formatDate, formatDateTime } from '~/org/describe'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { calendarDateIn, isIsoDate } from '~/workflow/calendar-date'
import { signaturePolicySchema, signatoryRoles, type PolicyTier, type SignatoryRole } from '~/workflow/signature-policy'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction = () => [{ title: 'Signature policy and exchange rates · SoleSource' }]

const roleLabels: Record<SignatoryRole, string> = {
  GROUP_LEADER: 'Group leader',
  DEPARTMENT_HEAD: 'Department head',
  DIRECTOR: 'Director',
  FINANCE_COMMITTEE: 'Finance Committee',
}

const MAX_TIER_ROWS = 8
const MAX_WINDOW_DAYS = 3650

const isoDate = z.string({ error: 'Enter a date like 2026-03-01.' }).refine(isIsoDate, 'Enter a date like 2026-03-01 that exists.')

const TierRowSchema = z.object({
  threshold: z.string().optional(),
  role: z.string().optional(),
  label: z.string().trim().max(100, 'At most 100 characters.').optional(),
})

/**
 * A new policy version as the form sends it: tier rows (blank rows ignored), each with a threshold in
 * CHF, a role and an optional label (the role's name by default). The ordering rules are the
 * workflow's own (signaturePolicySchema), reported on the row that breaks them.
 */
const PublishPolicySchema = z
  .object({
    intent: z.literal('publish-policy'),
    effectiveFrom: isoDate,
    splitPurchaseWindowDays: z.coerce
      .number({ error: 'Enter a number of days.' })
      .int('Enter a whole number of days.')
      .min(1, 'At least 1 day.')
      .max(MAX_WINDOW_DAYS, `At most ${MAX_WINDOW_DAYS} days.`),
    tiers: z.array(TierRowSchema.optional()).max(MAX_TIER_ROWS, `At most ${MAX_TIER_ROWS} tiers.`).optional(),
  })
  .transform((value, ctx) => {
    const tiers: PolicyTier[] = []
    const rowOf: number[] = []
    ;(value.tiers ?? []).forEach((row, index) => {
      if (!row || (!row.threshold && !row.role && !row.label)) return
      let aboveChfMinor: number | null = null
      if (!row.threshold) ctx.addIssue({ code: 'custom', path: ['tiers', index, 'threshold'], message: 'Enter the amount in CHF above which this role signs.' })
      else if (/^0+(\.0{1,2})?$/.test(row.threshold.trim())) aboveChfMinor = 0 // "every amount": parseAmount refuses zero as an amount to buy
      else {
        const parsed = parseAmount(row.threshold)
        if (parsed.ok) aboveChfMinor = parsed.minor
        else ctx.addIssue({ code: 'custom', path: ['tiers', index, 'threshold'], message: parsed.message })
      }
      const role = (signatoryRoles as readonly string[]).includes(row.role ?? '') ? (row.role as SignatoryRole) : null
      if (!role) ctx.addIssue({ code: 'custom', path: ['tiers', index, 'role'], message: 'Choose who signs above this amount.' })
      if (aboveChfMinor !== null && role) {
        tiers.push({ aboveChfMinor, role, label: row.label || roleLabels[role] })
        rowOf.push(index)
      }
    })
    if (tiers.length === 0 && !ctx.issues?.length) {
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'Enter at least one tier: the amount above which someone must sign.' })
    }
    const checked = signaturePolicySchema.safeParse({ version: 1, effectiveFrom: value.effectiveFrom, tiers })
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const [list, position, field] = issue.path
        if (list !== 'tiers' || typeof position !== 'number') continue
        ctx.addIssue({ code: 'custom', path: ['tiers', rowOf[position] ?? position, field === 'aboveChfMinor' ? 'threshold' : 'role'], message: issue.message })
      }
    }
    return { effectiveFrom: value.effectiveFrom, splitPurchaseWindowDays: value.splitPurchaseWindowDays, tiers }
  })

const AddRateSchema = z.object({
  intent: z.literal('add-rate'),
  currency: z
    .string({ error: 'Choose the currency.' })
    .refine((value) => isCurrency(value) && value !== 'CHF', 'Choose a currency from the list.')
    .transform((value) => value as Currency),
  validFrom: isoDate,
  chfPerUnit: z.string({ error: 'Enter how many CHF one unit is worth, for example 0.9412.' }).transform((value, ctx) => {
    const parsed = parseRate(value)
    if (parsed.ok) return parsed.rate.text
    ctx.addIssue({ code: 'custom', message: parsed.message })
    return z.NEVER
  }),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const url = new URL(request.url)
  const overview = await loadPolicyOverview(getDatabase(), new Date())
  const published = Number(url.searchParams.get('published'))
  const rateSet = url.searchParams.get('rate')
  return {
    ...overview,
    notice:
      Number.isSafeInteger(published) && published > 0 && overview.versions.some((v) => v.version === published)
        ? `Version ${published} published.`
        : rateSet && isCurrency(rateSet)
          ? `Exchange rate for ${rateSet} saved.`
          : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireProcurementOfficer(request)
  const db = getDatabase()
  const actor = { id: person.id, origin: requestOrigin(request) }
  const formData = await readForm(request)
  // The page sends tier rows as tiers[0].threshold, ...: a bare "tiers" value comes from no form of
  // ours, and echoed back to the page it would break the rows' rendering.
  formData.delete('tiers')
  const today = calendarDateIn(new Date())

  if (formData.get('intent') === 'add-rate') {
    const submission = parseForm(formData, { schema: AddRateSchema })
    if (submission.status !== 'success') return { form: 'rate' as const, result: submission.reply() }
    await setExchangeRate(db, submission.value, actor)
    return redirect(`/admin/policy?rate=${submission.value.currency}`)
  }

  const submission = parseForm(formData, { schema: PublishPolicySchema })
  if (submission.status !== 'success') return { form: 'policy' as const, result: submission.reply() }
  if (submission.value.effectiveFrom < today) {
    return {
      form: 'policy' as const,
      result: submission.reply({ fieldErrors: { effectiveFrom: [`A new version takes effect today (${today}) or later: justifications already submitted keep the version they were judged by.`] } }),
    }
  }
  try {
    const policy = await publishPolicy(db, submission.value, actor)
    return redirect(`/admin/policy?published=${policy.version}`)
  } catch (error) {
    if (error instanceof PolicyConflictError) return { form: 'policy' as const, result: submission.reply({ fieldErrors: { effectiveFrom: [`${error.message} Choose another day.`] } }) }
    throw error
  }
}

export default function PolicyPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>Signature policy and exchange rates</h1>
      {data.notice && !actionData ? (
        <p className="notice ok" role="status">
          {data.notice}
        </p>
      ) : null}

      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Policy versions</h2>
        <p className="hint">
          A justification follows the version in force on the day it is submitted, and keeps it: publishing a new version never reroutes one already in flight.
          Signatures are needed for amounts strictly above each threshold, in the order listed.
        </p>
        {data.versions.length === 0 ? (
          <p className="empty">No policy has been published: nobody can submit a justification until one is.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Signature policy versions, latest effective date first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col" aria-sort="descending">
                  Effective from
                </th>
                <th scope="col">Who signs</th>
                <th scope="col" className="number">
                  Split-purchase window
                </th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {data.versions.map((version) => (
                <tr key={version.version}>
                  <td>
                    Version {version.version}{' '}
                    {version.state === 'in-force' ? (
                      <span className="badge ok">In force</span>
                    ) : version.state === 'scheduled' ? (
                      <span className="badge warn">Scheduled</span>
                    ) : (
                      <span className="badge">Past</span>
                    )}
                  </td>
                  <td>{formatDate(version.effectiveFrom)}</td>
                  <td>
                    <ol style={{ margin: 0, paddingLeft: '1.2rem' }}>
                      {version.tiers.map((tier) => (
                        <li key={`${tier.role}-${tier.aboveChfMinor}`}>
                          above {formatChf(tier.aboveChfMinor)}: {tier.label}
                          {tier.label !== roleLabels[tier.role] ? <span className="hint"> ({roleLabels[tier.role]})</span> : null}
                        </li>
                      ))}
                    </ol>
                  </td>
                  <td className="number">{version.splitPurchaseWindowDays} days</td>
                  <td>
                    {formatDateTime(version.publishedAt)}
                    {version.publishedBy ? <span className="hint"> by {version.publishedBy}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <PublishPolicyForm key={data.versions.length} />

      <section className="card" aria-labelledby="rates-heading">
        <h2 id="rates-heading">Exchange rates to CHF</h2>
        <p className="hint">
          A submission converts its amount with the rate of its currency valid on the submission day (the latest one from that day or before), and stores that rate with
          it.
        </p>
        {data.rates.length === 0 ? (
          <p className="empty">No exchange rate yet: only justifications in CHF can be submitted.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Exchange rates, by currency, latest first</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort="ascending">
                  Currency
                </th>
                <th scope="col">Valid from</th>
                <th scope="col" className="number">
                  CHF per unit
                </th>
                <th scope="col">Used today</th>
                <th scope="col">Set by</th>
              </tr>
            </thead>
            <tbody>
              {data.rates.map((rate) => (
                <tr key={rate.id}>
                  <td>{rate.currency}</td>
                  <td>{formatDate(rate.validFrom)}</td>
                  <td className="number">{rate.chfPerUnit}</td>
                  <td>{rate.inUseToday ? <span className="badge ok">In use</span> : rate.validFrom > data.today ? <span className="badge warn">From {formatDate(rate.validFrom)}</span> : null}</td>
                  <td>{rate.setBy ?? <span className="hint">seed data</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <AddRateForm key={data.rates.length} />
      </section>
    </>
  )
}

function PublishPolicyForm() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const latest = data.versions[0]
  const start = (latest?.tiers ?? []).map((tier) => ({ threshold: formatAmount(tier.aboveChfMinor), role: tier.role, label: tier.label }))
  const rows = Math.min(MAX_TIER_ROWS, Math.max(start.length + 2, 4))
  // Typed by what the form sends (tier rows of text), not by the parsed policy.
  const [form, fields] = useForm<z.input<typeof PublishPolicySchema>, z.output<typeof PublishPolicySchema>>({
    id: 'publish-policy',
    lastResult: actionData?.form === 'policy' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      effectiveFrom: data.today,
      splitPurchaseWindowDays: String(latest?.splitPurchaseWindowDays ?? 90),
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
          <Field
            id={fields.splitPurchaseWindowDays.id}
            label="Split-purchase window (days)"
            hint="Orders to one supplier from one group within this many days are added up."
            errors={fields.splitPurchaseWindowDays.errors}
          >
            {(aria) => <input {...getInputProps(fields.splitPurchaseWindowDays, { type: 'number' })} min={1} max={MAX_WINDOW_DAYS} {...aria} />}
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
                              {roleLabels[role]}
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
          <button type="submit">Publish version {(data.versions.reduce((max, v) => Math.max(max, v.version), 0) || 0) + 1}</button>
        </p>
      </Form>
    </section>
  )
}

function AddRateForm() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'add-rate',
    lastResult: actionData?.form === 'rate' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { validFrom: data.today },
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

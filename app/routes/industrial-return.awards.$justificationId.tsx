import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { formatChf } from '~/money/amount'
import { AwardSchema } from '~/industrial-return/ledger/award-form'
import { awardJustification } from '~/industrial-return/ledger/award-justification.server'
import { loadAwardableJustification } from '~/industrial-return/ledger/load-awardable-justification.server'
import { CATEGORY_LABELS } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { DefinitionList } from '~/ui/definition-list'
import { Field, FormErrors } from '~/ui/field'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Award ${data?.justification.reference ?? ''} · SoleSource` }]


async function justificationOr404(id: string | undefined) {
  const justification = id && UUID.test(id) ? await loadAwardableJustification(getDatabase(), id) : null
  if (!justification) throw new Response('This justification does not exist.', { status: 404, statusText: 'Not Found' })
  return justification
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { justification: await justificationOr404(params.justificationId), today: calendarDateIn(new Date()) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const justification = await justificationOr404(params.justificationId)
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
  const awardable = j.status === 'APPROVED' && !j.existingOrderNumber
  return (
    <>
      <PageHeader title={`Record the contract of ${j.reference}`} />
      <ReturnNav />
      <div className="card narrow">
        <DefinitionList
          facts={[
            { term: 'Title', details: j.title },
            {
              term: 'Supplier',
              details: (
                <>
                  {j.supplierName}, established in {j.supplierCountryCode}
                  {j.originCountryCode ? `; goods from ${j.originCountryCode}` : ''}
                </>
              ),
            },
            { term: 'Category', details: CATEGORY_LABELS[j.category] },
            { term: 'Group', details: j.group },
            {
              term: 'Approved amount',
              details: (
                <>
                  {j.currency} {j.amountText}
                  {j.amountChfMinor !== null && j.currency !== 'CHF' ? ` (${formatChf(j.amountChfMinor)} at ${j.exchangeRate} of ${j.exchangeRateDate})` : ''}
                </>
              ),
            },
          ]}
        />
      </div>
      {!awardable ? (
        <Notice role="status">{j.existingOrderNumber ? `Its contract is recorded already (order ${j.existingOrderNumber}).` : 'Only an approved justification can be awarded.'}</Notice>
      ) : (
        <div className="card narrow">
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field id={fields.orderNumber.id} label="Order number" hint="Unique in the ledger, e.g. PO-2026-001234." errors={fields.orderNumber.errors}>
              {(aria) => <input {...getInputProps(fields.orderNumber, { type: 'text' })} {...aria} />}
            </Field>
            <Field id={fields.awardedOn.id} label="Award date" errors={fields.awardedOn.errors}>
              {(aria) => <input {...getInputProps(fields.awardedOn, { type: 'date' })} max={today} {...aria} />}
            </Field>
            <Field
              id={fields.amount.id}
              label={`Final amount in ${j.currency}`}
              hint={j.currency === 'CHF' ? 'Defaults to the approved amount.' : `Defaults to the approved amount; converted to CHF at the justification's rate (${j.exchangeRate ?? 'rate table'}).`}
              errors={fields.amount.errors}
            >
              {(aria) => <input {...getInputProps(fields.amount, { type: 'text' })} inputMode="decimal" {...aria} />}
            </Field>
            <button type="submit">Record the contract</button>
          </Form>
        </div>
      )}
    </>
  )
}

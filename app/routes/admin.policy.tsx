import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { loadPolicyOverview } from '~/justifications/policy-overview.server'
import { PublishPolicySchema } from '~/justifications/policy-forms'
import { PolicyVersions } from '~/justifications/policy-versions'
import { PublishPolicyForm } from '~/justifications/publish-policy-form'
import { PolicyConflictError, PolicyInThePastError, publishPolicy } from '~/justifications/signature-policy.server'
import { isCurrency } from '~/money/currency'
import { AddRateSchema } from '~/money/exchange-rate-form'
import { setExchangeRate } from '~/money/exchange-rates.server'
import { ExchangeRatesSection } from '~/money/exchange-rates-section'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'

export const handle: RouteHandle = { i18n: 'admin', title: (t) => t('admin:policy.title') }

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
        ? message('admin:policy.published', { version: published })
        : rateSet && isCurrency(rateSet)
          ? message('admin:policy.rateSaved', { currency: rateSet })
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

  if (formData.get('intent') === 'add-rate') {
    const submission = parseForm(formData, { schema: AddRateSchema })
    if (submission.status !== 'success') return { form: 'rate' as const, result: submission.reply() }
    await setExchangeRate(db, submission.value, actor)
    return redirect(`/admin/policy?rate=${submission.value.currency}`)
  }

  const submission = parseForm(formData, { schema: PublishPolicySchema })
  if (submission.status !== 'success') return { form: 'policy' as const, result: submission.reply() }
  try {
    const policy = await publishPolicy(db, submission.value, actor, new Date())
    return redirect(`/admin/policy?published=${policy.version}`)
  } catch (error) {
    if (error instanceof PolicyInThePastError) return { form: 'policy' as const, result: submission.reply({ fieldErrors: { effectiveFrom: [error.message] } }) }
    if (error instanceof PolicyConflictError) return { form: 'policy' as const, result: submission.reply({ fieldErrors: { effectiveFrom: [error.message] } }) }
    throw error
  }
}

export default function PolicyPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  return (
    <>
      <PageHeader title={t('policy.heading')} />
      {data.notice && !actionData ? (
        <Notice tone="success" role="status">
          {translateMessage(t as unknown as TFunction, data.notice)}
        </Notice>
      ) : null}
      <PolicyVersions versions={data.versions} />
      <PublishPolicyForm key={data.versions.length} versions={data.versions} today={data.today} lastResult={actionData?.form === 'policy' ? actionData.result : undefined} />
      <ExchangeRatesSection rates={data.rates} today={data.today} lastResult={actionData?.form === 'rate' ? actionData.result : undefined} />
    </>
  )
}

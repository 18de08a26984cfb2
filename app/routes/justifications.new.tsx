import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { saveJustificationForm } from '~/justifications/save-justification-form.server'
import { loadFormOptions } from '~/justifications/form-options.server'
import { JustificationForm } from '~/justifications/justification-form'
import { PageHeader } from '~/ui/page-header'
import type { RouteHandle } from '~/i18n/route-handle'

// The filing-time panel speaks in the industrial-return messages: the browser loads them before
// hydrating, or it would render their keys where the server wrote sentences.
export const handle: RouteHandle = { i18n: ['justifications', 'industrial-return'], title: (t) => t('justifications:new.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const options = await loadFormOptions(getDatabase(), new Date())
  return { options, defaultGroupId: person.groupId ?? '' }
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requirePerson(request)
  return saveJustificationForm(request, person, null)
}

export default function NewJustificationPage() {
  const { options, defaultGroupId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('justifications')
  return (
    <>
      <PageHeader title={t('new.heading')} lead={t('new.lead')} />
      <JustificationForm options={options} defaults={{ groupId: defaultGroupId, currency: 'CHF' }} lastResult={actionData?.result} submitLabel={t('form.submit')} />
    </>
  )
}

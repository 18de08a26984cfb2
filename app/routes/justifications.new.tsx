import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { saveJustificationForm } from '~/justifications/save-justification-form.server'
import { loadFormOptions } from '~/justifications/form-options.server'
import { JustificationForm } from '~/justifications/justification-form'
import { PageHeader } from '~/ui/page-header'
import type { RouteHandle } from '~/i18n/route-handle'

// The filing-time panel speaks in the industrial-return messages: the browser loads them before
// hydrating, or it would render their keys where the server wrote sentences.
export const handle: RouteHandle = { i18n: 'industrial-return' }

export const meta: MetaFunction = () => [{ title: 'File a justification · SoleSource' }]

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
  return (
    <>
      <PageHeader
        title="File a single-source justification"
        lead="A contract given to one supplier without competition needs a written reason. Save a draft at any time; Submit shows what will happen, and the signatures start only when you confirm."
      />
      <JustificationForm options={options} defaults={{ groupId: defaultGroupId, currency: 'CHF' }} lastResult={actionData?.result} submitLabel="Submit for signature" />
    </>
  )
}

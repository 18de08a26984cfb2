import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { saveJustificationForm } from '~/justifications/save-justification-form.server'
import { loadFormOptions } from '~/justifications/form-options.server'
import { editFormDefaults, loadJustificationForEdit } from '~/justifications/load-justification-for-edit.server'
import { JustificationForm } from '~/justifications/justification-form'
import { loadChangeRequest } from '~/justifications/load-change-request.server'
import { ChangeRequestNotice } from '~/justifications/change-request-notice'
import { refuseJustification } from '~/justifications/refuse-justification.server'
import { justificationNoLongerEditable, notAllowedToEditJustification } from '~/justifications/justification-refusals'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import type { RouteHandle } from '~/i18n/route-handle'

// The filing-time panel speaks in the industrial-return messages: the browser loads them before
// hydrating, or it would render their keys where the server wrote sentences.
export const handle: RouteHandle = {
  i18n: ['justifications', 'industrial-return'],
  title: (t, data: { reference?: string } | undefined) => t('justifications:edit.title', { reference: data?.reference ?? t('justifications:page.title') }),
}

async function loadEditable(request: Request, id: string | undefined) {
  const person = await requirePerson(request)
  const loaded = await loadJustificationForEdit(getDatabase(), person.id, id)
  if (loaded.outcome === 'NOT_FOUND') throw await refuseJustification(getDatabase(), request, id, notAllowedToEditJustification)
  if (loaded.outcome === 'NOT_EDITABLE') throw justificationNoLongerEditable(id!, loaded.status)
  return { person, justification: loaded.justification }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { justification: j } = await loadEditable(request, params.id)
  const db = getDatabase()
  const [options, changeRequest] = await Promise.all([loadFormOptions(db, new Date()), j.status === 'CHANGES_REQUESTED' ? loadChangeRequest(db, j.id) : null])
  return { options, id: j.id, reference: j.reference, status: j.status, rowVersion: j.rowVersion, defaults: editFormDefaults(j), changeRequest }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, justification } = await loadEditable(request, params.id)
  return saveJustificationForm(request, person, justification.id)
}

export default function EditJustificationPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('justifications')
  return (
    <>
      <PageHeader back={<a href={`/justifications/${data.id}`}>← {data.reference}</a>} title={t('edit.title', { reference: data.reference })} />
      {data.status === 'CHANGES_REQUESTED' ? (
        data.changeRequest ? (
          <ChangeRequestNotice request={data.changeRequest} />
        ) : (
          <Notice>{t('edit.changesRequested')}</Notice>
        )
      ) : null}
      <JustificationForm
        options={data.options}
        defaults={data.defaults}
        lastResult={actionData?.result}
        rowVersion={data.rowVersion}
        justificationId={data.id}
        submitLabel={data.status === 'CHANGES_REQUESTED' ? t('form.resubmit') : t('form.submit')}
      />
    </>
  )
}

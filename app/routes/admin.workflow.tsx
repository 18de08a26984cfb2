import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { changeWorkflowSettings } from '~/justifications/change-workflow-settings.server'
import { loadWorkflowSettings } from '~/justifications/settings.server'
import { WorkflowSettingsSchema } from '~/justifications/workflow-settings-form'
import { NumberField } from '~/ui/form-fields'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'

export const handle: RouteHandle = { i18n: 'admin', title: (t) => t('admin:workflow.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  return { settings: await loadWorkflowSettings(getDatabase()) }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdministrator(request)
  const submission = parseForm(await readForm(request), { schema: WorkflowSettingsSchema })
  if (submission.status !== 'success') return { result: submission.reply() }
  const { linkTtlDays, ...rest } = submission.value
  const settings = { ...rest, linkTtlHours: linkTtlDays * 24 }
  await changeWorkflowSettings(getDatabase(), settings, { actorId: admin.id, origin: requestOrigin(request) })
  return { result: submission.reply(), saved: true }
}

export default function WorkflowSettingsPage() {
  const { settings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      linkTtlDays: String(Math.round(settings.linkTtlHours / 24)),
      reminderAfterWorkingDays: String(settings.reminderAfterWorkingDays),
      escalateAfterWorkingDays: String(settings.escalateAfterWorkingDays),
      linkRequiresSignIn: settings.linkRequiresSignIn ? 'on' : '',
    },
    onValidate: ({ formData }) => parseForm(formData, { schema: WorkflowSettingsSchema }),
  })
  const { t } = useTranslation('admin')
  return (
    <>
      <PageHeader title={t('workflow.heading')} />
      {actionData && 'saved' in actionData ? (
        <Notice tone="success" role="status">
          {t('workflow.saved')}
        </Notice>
      ) : null}
      <div className="card narrow">
        <Form method="post" {...getFormProps(form)}>
          <NumberField field={fields.linkTtlDays} label={t('workflow.linkTtlDays')} min={1} max={30} />
          <NumberField field={fields.reminderAfterWorkingDays} label={t('workflow.remindAfter')} min={1} />
          <NumberField
            field={fields.escalateAfterWorkingDays}
            label={t('workflow.escalateAfter')}
            hint={t('workflow.escalateHint')}
            min={2}
          />
          <div className="field">
            <label>
              <input {...getInputProps(fields.linkRequiresSignIn, { type: 'checkbox' })} /> {t('workflow.requiresSignIn')}
            </label>
            <p className="hint">{t('workflow.requiresSignInHint')}</p>
          </div>
          <button type="submit">{t('workflow.save')}</button>
        </Form>
      </div>
    </>
  )
}

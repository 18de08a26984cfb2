import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { changeWorkflowSettings } from '~/justifications/change-workflow-settings.server'
import { loadWorkflowSettings } from '~/justifications/settings.server'
import { WorkflowSettingsSchema } from '~/justifications/workflow-settings-form'
import { NumberField } from '~/ui/form-fields'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction = () => [{ title: 'Sign-off settings · SoleSource' }]

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
  return (
    <>
      <PageHeader title="Sign-off by email: settings" />
      {actionData && 'saved' in actionData ? (
        <Notice tone="success" role="status">
          Saved. Links already sent keep the lifetime they were given.
        </Notice>
      ) : null}
      <div className="card narrow">
        <Form method="post" {...getFormProps(form)}>
          <NumberField field={fields.linkTtlDays} label="A sign-off link works for (days)" min={1} max={30} />
          <NumberField field={fields.reminderAfterWorkingDays} label="Remind after (working days without decision)" min={1} />
          <NumberField
            field={fields.escalateAfterWorkingDays}
            label="Escalate after (working days without decision)"
            hint="The step goes to the signatory’s deputy, else one level up."
            min={2}
          />
          <div className="field">
            <label>
              <input {...getInputProps(fields.linkRequiresSignIn, { type: 'checkbox' })} /> Deciding from an email link also requires being signed in as its addressee
            </label>
            <p className="hint">Stops someone who received a forwarded email from deciding. Approvers then sign in once on the link’s page.</p>
          </div>
          <button type="submit">Save settings</button>
        </Form>
      </div>
    </>
  )
}

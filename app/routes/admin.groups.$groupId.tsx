import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { loadGroupForm, saveGroup } from '~/org/save-group.server'
import { SelectField } from '~/ui/form-fields'
import { GroupSchema } from '~/org/organisation-forms'
import { Field } from '~/ui/field'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.group?.code ?? 'New group'} · Organisation · SoleSource` }]


function groupIdFrom(param: string | undefined): string | null {
  if (param === 'new') return null
  if (!param || !UUID.test(param)) throw new Response('This group does not exist.', { status: 404, statusText: 'Not Found' })
  return param
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  const groupId = groupIdFrom(params.groupId)
  const { group, departments } = await loadGroupForm(getDatabase(), groupId)
  if (groupId && !group) throw new Response('This group does not exist.', { status: 404, statusText: 'Not Found' })
  return { group, departments }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdministrator(request)
  const groupId = groupIdFrom(params.groupId)
  const submission = parseForm(await readForm(request), { schema: GroupSchema })
  if (submission.status !== 'success') return submission.reply()
  const outcome = await saveGroup(getDatabase(), groupId, submission.value, { id: admin.id, origin: requestOrigin(request) })
  if (!outcome.ok) return submission.reply({ fieldErrors: outcome.fieldErrors })
  return redirect('/admin')
}

export default function GroupPage() {
  const { group, departments } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: group ?? undefined,
    onValidate: ({ formData }) => parseForm(formData, { schema: GroupSchema }),
  })
  return (
    <>
      <PageHeader back={<a href="/admin">← Organisation</a>} title={group ? `Group ${group.code}` : 'Add a group'} />
      <div className="card narrow">
        <Form method="post" {...getFormProps(form)}>
          <Field id={fields.code.id} label="Code" hint="As used across the organisation, e.g. EN-MME." errors={fields.code.errors}>
            {(aria) => <input {...getInputProps(fields.code, { type: 'text' })} {...aria} />}
          </Field>
          <Field id={fields.name.id} label="Name" errors={fields.name.errors}>
            {(aria) => <input {...getInputProps(fields.name, { type: 'text' })} {...aria} />}
          </Field>
          <SelectField
            field={fields.departmentId}
            label="Department"
            blank="Choose…"
            options={departments.map((department) => ({ value: department.id, label: `${department.code} · ${department.name}` }))}
          />
          <button type="submit">{group ? 'Save group' : 'Add group'}</button>
        </Form>
        <p className="hint">The group’s leader is a position: give it on the leader’s page.</p>
      </div>
    </>
  )
}

import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { loadGroupForm, saveGroup } from '~/org/save-group.server'
import { SelectField } from '~/ui/form-fields'
import { GroupSchema } from '~/org/organisation-forms'
import { Field } from '~/ui/field'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'

export const handle: RouteHandle = {
  i18n: 'admin',
  title: (t, data: { group: { code: string } | null } | undefined) => t('admin:organisation.pageTitle', { name: data?.group?.code ?? t('admin:group.newTitle') }),
}


function groupIdFrom(param: string | undefined): string | null {
  if (param === 'new') return null
  if (!param || !UUID.test(param)) throw new Response(message('admin:notFound.group'), { status: 404, statusText: 'Not Found' })
  return param
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  const groupId = groupIdFrom(params.groupId)
  const { group, departments } = await loadGroupForm(getDatabase(), groupId)
  if (groupId && !group) throw new Response(message('admin:notFound.group'), { status: 404, statusText: 'Not Found' })
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
  const { t } = useTranslation('admin')
  return (
    <>
      <PageHeader back={<a href="/admin">{t('organisation.back')}</a>} title={group ? t('group.heading', { code: group.code }) : t('group.addHeading')} />
      <div className="card narrow">
        <Form method="post" {...getFormProps(form)}>
          <Field id={fields.code.id} label={t('group.code')} hint={t('group.codeHint')} errors={fields.code.errors}>
            {(aria) => <input {...getInputProps(fields.code, { type: 'text' })} {...aria} />}
          </Field>
          <Field id={fields.name.id} label={t('group.name')} errors={fields.name.errors}>
            {(aria) => <input {...getInputProps(fields.name, { type: 'text' })} {...aria} />}
          </Field>
          <SelectField
            field={fields.departmentId}
            label={t('group.department')}
            blank={t('group.choose')}
            options={departments.map((department) => ({ value: department.id, label: `${department.code} · ${department.name}` }))}
          />
          <button type="submit">{group ? t('group.save') : t('group.add')}</button>
        </Form>
        <p className="hint">{t('group.leaderHint')}</p>
      </div>
    </>
  )
}

import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { Field, FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { PersonSchema } from './organisation-forms'

type PersonDetails = { name: string; email: string; groupId: string | null; isProcurementOfficer: boolean; isAdministrator: boolean; isActive: boolean }

/** Name, address, group, roles and status of a person (null: a new one), on their admin page. */
export function PersonDetailsForm({
  person,
  groups,
  lastResult,
}: {
  person: PersonDetails | null
  groups: { id: string; code: string; name: string }[]
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const [form, fields] = useForm({
    id: 'person',
    lastResult,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types, so the message goes away before
    // they reach the button (re-checking on blur shifts the page under their click).
    shouldRevalidate: 'onInput',
    defaultValue: person
      ? { name: person.name, email: person.email, groupId: person.groupId ?? '', isProcurementOfficer: person.isProcurementOfficer ? 'on' : '', isAdministrator: person.isAdministrator ? 'on' : '', isActive: person.isActive ? 'on' : '' }
      : { isActive: 'on' },
    onValidate: ({ formData }) => parseForm(formData, { schema: PersonSchema }),
  })
  return (
    <section className="card narrow" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field id={fields.name.id} label="Name" errors={fields.name.errors}>
          {(aria) => <input {...getInputProps(fields.name, { type: 'text' })} {...aria} />}
        </Field>
        <Field id={fields.email.id} label="Email address" errors={fields.email.errors}>
          {(aria) => <input {...getInputProps(fields.email, { type: 'email' })} {...aria} />}
        </Field>
        <Field id={fields.groupId.id} label="Group" errors={fields.groupId.errors}>
          {(aria) => (
            <select {...getSelectProps(fields.groupId)} {...aria}>
              <option value="">No group</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.code} · {group.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field">
          <legend>Roles and status</legend>
          <label>
            <input {...getInputProps(fields.isProcurementOfficer, { type: 'checkbox' })} /> Procurement officer
          </label>
          <label>
            <input {...getInputProps(fields.isAdministrator, { type: 'checkbox' })} /> Administrator
          </label>
          <label>
            <input {...getInputProps(fields.isActive, { type: 'checkbox' })} /> Active (may sign in)
          </label>
        </fieldset>
        <button type="submit">{person ? 'Save changes' : 'Add person'}</button>
      </Form>
    </section>
  )
}

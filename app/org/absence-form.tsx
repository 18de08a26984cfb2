import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { parseForm } from '~/ui/parse-form'
import { DateField, SelectField } from '../ui/form-fields'
import { AddAbsenceSchema } from './organisation-forms'

/** First and last day away, and who deputises meanwhile: on a person's admin page and on one's own profile. */
export function AbsenceForm({
  people,
  lastResult,
  noDeputyLabel,
  submitLabel,
}: {
  people: { id: string; name: string }[]
  lastResult: SubmissionResult<string[]> | undefined
  noDeputyLabel: string
  submitLabel: string
}) {
  const [form, fields] = useForm({
    id: 'absence',
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseForm(formData, { schema: AddAbsenceSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-absence" />
      <div className="row">
        <DateField field={fields.startsOn} label="First day away" />
        <DateField field={fields.endsOn} label="Last day away" />
        <SelectField field={fields.deputyId} label="Deputy while away (optional)" blank={noDeputyLabel} options={people.map((p) => ({ value: p.id, label: p.name }))} />
      </div>
      <button type="submit">{submitLabel}</button>
    </Form>
  )
}

import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { Field } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { AddAbsenceSchema } from './forms'

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
        <Field id={fields.startsOn.id} label="First day away" errors={fields.startsOn.errors}>
          {(aria) => <input {...getInputProps(fields.startsOn, { type: 'date' })} {...aria} />}
        </Field>
        <Field id={fields.endsOn.id} label="Last day away" errors={fields.endsOn.errors}>
          {(aria) => <input {...getInputProps(fields.endsOn, { type: 'date' })} {...aria} />}
        </Field>
        <Field id={fields.deputyId.id} label="Deputy while away (optional)" errors={fields.deputyId.errors}>
          {(aria) => (
            <select {...getSelectProps(fields.deputyId)} {...aria}>
              <option value="">{noDeputyLabel}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit">{submitLabel}</button>
    </Form>
  )
}

import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { parseForm } from '~/ui/parse-form'
import { DateField, SelectField } from '~/ui/form-fields'
import { AddAbsenceSchema } from './organisation-forms'

export type ListedAbsence = { id: string; period: string; deputy: string | null }

/** The absences recorded for a person, each with its deputy; `withoutDeputy` is said of one that names none. */
export function AbsenceList({ absences, empty, withoutDeputy = '' }: { absences: readonly ListedAbsence[]; empty: string; withoutDeputy?: string }) {
  if (absences.length === 0) return <p className="empty">{empty}</p>
  return (
    <ul>
      {absences.map((absence) => (
        <li key={absence.id}>
          {absence.period}
          {absence.deputy ? `, deputy ${absence.deputy}` : withoutDeputy}
        </li>
      ))}
    </ul>
  )
}

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

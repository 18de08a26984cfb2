import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { parseForm } from '~/ui/parse-form'
import { DateField, SelectField } from '~/ui/form-fields'
import { AddAbsenceSchema } from './organisation-forms'

export type ListedAbsence = { id: string; period: string; deputy: string | null }

/**
 * The absences recorded for a person, each with its deputy; `withoutDeputy` is said of one that names none,
 * `withDeputy` words one that names one (", deputy Erik Nilsen" unless the page says it in its language).
 */
export function AbsenceList({
  absences,
  empty,
  withoutDeputy = '',
  withDeputy = (name) => `, deputy ${name}`,
}: {
  absences: readonly ListedAbsence[]
  empty: string
  withoutDeputy?: string
  withDeputy?: (name: string) => string
}) {
  if (absences.length === 0) return <p className="empty">{empty}</p>
  return (
    <ul>
      {absences.map((absence) => (
        <li key={absence.id}>
          {absence.period}
          {absence.deputy ? withDeputy(absence.deputy) : withoutDeputy}
        </li>
      ))}
    </ul>
  )
}

export type AbsenceFormLabels = { firstDay: string; lastDay: string; deputy: string }
const ENGLISH_LABELS: AbsenceFormLabels = { firstDay: 'First day away', lastDay: 'Last day away', deputy: 'Deputy while away (optional)' }

/** First and last day away, and who deputises meanwhile: on a person's admin page and on one's own profile. */
export function AbsenceForm({
  people,
  lastResult,
  noDeputyLabel,
  submitLabel,
  labels = ENGLISH_LABELS,
}: {
  people: { id: string; name: string }[]
  lastResult: SubmissionResult<string[]> | undefined
  noDeputyLabel: string
  submitLabel: string
  /** The fields' labels in the page's language (English unless given). */
  labels?: AbsenceFormLabels
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
        <DateField field={fields.startsOn} label={labels.firstDay} />
        <DateField field={fields.endsOn} label={labels.lastDay} />
        <SelectField field={fields.deputyId} label={labels.deputy} blank={noDeputyLabel} options={people.map((p) => ({ value: p.id, label: p.name }))} />
      </div>
      <button type="submit">{submitLabel}</button>
    </Form>
  )
}

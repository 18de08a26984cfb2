import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import { DateField, SelectField } from '../ui/form-fields'
import { AddPositionSchema } from './organisation-forms'

type PositionRow = { id: string; label: string; period: string; ended: boolean }
type Choice = { id: string; code: string }

const positionKinds = [
  { value: 'GROUP_LEADER', label: 'Group leader' },
  { value: 'DEPARTMENT_HEAD', label: 'Department head' },
  { value: 'DEPUTY', label: 'Deputy for someone' },
  { value: 'DIRECTOR', label: 'Director (organisation-wide)' },
  { value: 'FINANCE_COMMITTEE', label: 'Finance Committee signatory' },
]

/** A person's positions on their admin page: each one open can be ended on a day; a new one added. */
export function PositionsSection({
  person,
  groups,
  departments,
  people,
  today,
  addResult,
  endErrors,
}: {
  person: { name: string; positions: PositionRow[] }
  groups: Choice[]
  departments: Choice[]
  people: { id: string; name: string }[]
  today: string
  addResult: SubmissionResult<string[]> | undefined
  endErrors: string[] | undefined
}) {
  const [form, fields] = useForm({
    id: 'add-position',
    lastResult: addResult,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types, so the message goes away before
    // they reach the button (re-checking on blur shifts the page under their click).
    shouldRevalidate: 'onInput',
    defaultValue: { startsOn: today },
    onValidate: ({ formData }) => parseForm(formData, { schema: AddPositionSchema }),
  })
  const byCode = (choices: Choice[]) => choices.map((choice) => ({ value: choice.id, label: choice.code }))
  const columns: TableColumn<PositionRow>[] = [
    { header: 'Position', cell: (position) => position.label },
    { header: 'Period', cell: (position) => position.period },
    { header: 'End it', cell: (position) => (position.ended ? null : <EndPositionForm position={position} today={today} />) },
  ]
  return (
    <section className="card" aria-labelledby="positions-heading">
      <h2 id="positions-heading">Positions</h2>
      {endErrors ? <FormErrors id="end-position-error" errors={endErrors} /> : null}
      {person.positions.length === 0 ? (
        <p className="empty">{person.name} holds no position: they file justifications but sign none.</p>
      ) : (
        <SortableTable caption={`Positions of ${person.name}`} columns={columns} rows={person.positions} rowKey={(position) => position.id} />
      )}
      <h3>Add a position</h3>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-position" />
        <div className="row">
          <SelectField field={fields.kind} label="Position" blank="Choose…" options={positionKinds} />
          <SelectField field={fields.groupId} label="Group (for a group leader)" blank="—" options={byCode(groups)} />
          <SelectField field={fields.departmentId} label="Department (for a head)" blank="—" options={byCode(departments)} />
          <SelectField field={fields.deputyForPersonId} label="Acts for (for a deputy)" blank="—" options={people.map((p) => ({ value: p.id, label: p.name }))} />
        </div>
        <div className="row">
          <DateField field={fields.startsOn} label="From" />
          <DateField field={fields.endsOn} label="Until (inclusive, optional)" />
        </div>
        <button type="submit">Add position</button>
      </Form>
    </section>
  )
}

function EndPositionForm({ position, today }: { position: PositionRow; today: string }) {
  return (
    <Form method="post" className="row">
      <input type="hidden" name="intent" value="end-position" />
      <input type="hidden" name="positionId" value={position.id} />
      <label className="visually-hidden" htmlFor={`ends-${position.id}`}>
        Last day of {position.label}
      </label>
      <input id={`ends-${position.id}`} name="endsOn" type="date" defaultValue={today} required />
      <button type="submit" className="secondary">
        End on this day
      </button>
    </Form>
  )
}

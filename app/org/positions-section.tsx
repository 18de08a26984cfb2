import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { translateMessage } from '~/i18n/message'
import { useFormats } from '~/i18n/use-formats'
import { FormErrors } from '~/ui/field'
import { parseForm } from '~/ui/parse-form'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import { DateField, SelectField } from '../ui/form-fields'
import { describePosition, type PositionKind } from './describe'
import { AddPositionSchema } from './organisation-forms'

type HeldPosition = {
  id: string
  kind: PositionKind
  groupCode: string | null
  departmentCode: string | null
  deputyForName: string | null
  startsOn: string
  endsOn: string | null
  ended: boolean
}
type PositionRow = { id: string; label: string; period: string; ended: boolean }
type Choice = { id: string; code: string }

const POSITION_KINDS = ['GROUP_LEADER', 'DEPARTMENT_HEAD', 'DEPUTY', 'DIRECTOR', 'FINANCE_COMMITTEE'] as const satisfies readonly PositionKind[]

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
  person: { name: string; positions: HeldPosition[] }
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
  const { t } = useTranslation('admin')
  const { period } = useFormats()
  const byCode = (choices: Choice[]) => choices.map((choice) => ({ value: choice.id, label: choice.code }))
  const positionKinds = POSITION_KINDS.map((kind) => ({ value: kind, label: t(`person.positions.kinds.${kind}`) }))
  const rows: PositionRow[] = person.positions.map((position) => ({
    id: position.id,
    label: translateMessage(t, describePosition(flattenedPosition(position))),
    period: period(position.startsOn, position.endsOn),
    ended: position.ended,
  }))
  const columns: TableColumn<PositionRow>[] = [
    { header: t('person.positions.position'), cell: (position) => position.label },
    { header: t('person.positions.period'), cell: (position) => position.period },
    { header: t('person.positions.endIt'), cell: (position) => (position.ended ? null : <EndPositionForm position={position} today={today} />) },
  ]
  return (
    <section className="card" aria-labelledby="positions-heading">
      <h2 id="positions-heading">{t('person.positions.heading')}</h2>
      {endErrors ? <FormErrors id="end-position-error" errors={endErrors} /> : null}
      {rows.length === 0 ? (
        <p className="empty">{t('person.positions.none', { name: person.name })}</p>
      ) : (
        <SortableTable caption={t('person.positions.caption', { name: person.name })} columns={columns} rows={rows} rowKey={(position) => position.id} />
      )}
      <h3>{t('person.positions.addHeading')}</h3>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-position" />
        <div className="row">
          <SelectField field={fields.kind} label={t('person.positions.position')} blank={t('person.positions.choose')} options={positionKinds} />
          <SelectField field={fields.groupId} label={t('person.positions.group')} blank="—" options={byCode(groups)} />
          <SelectField field={fields.departmentId} label={t('person.positions.department')} blank="—" options={byCode(departments)} />
          <SelectField field={fields.deputyForPersonId} label={t('person.positions.actsFor')} blank="—" options={people.map((p) => ({ value: p.id, label: p.name }))} />
        </div>
        <div className="row">
          <DateField field={fields.startsOn} label={t('person.positions.from')} />
          <DateField field={fields.endsOn} label={t('person.positions.until')} />
        </div>
        <button type="submit">{t('person.positions.add')}</button>
      </Form>
    </section>
  )
}

function EndPositionForm({ position, today }: { position: PositionRow; today: string }) {
  const { t } = useTranslation('admin')
  return (
    <Form method="post" className="row">
      <input type="hidden" name="intent" value="end-position" />
      <input type="hidden" name="positionId" value={position.id} />
      <label className="visually-hidden" htmlFor={`ends-${position.id}`}>
        {t('person.positions.lastDayOf', { position: position.label })}
      </label>
      <input id={`ends-${position.id}`} name="endsOn" type="date" defaultValue={today} required />
      <button type="submit" className="secondary">
        {t('person.positions.endOnThisDay')}
      </button>
    </Form>
  )
}

/** The page's flattened position, as describePosition reads positions. */
function flattenedPosition(position: HeldPosition) {
  return {
    kind: position.kind,
    group: position.groupCode ? { code: position.groupCode } : null,
    department: position.departmentCode ? { code: position.departmentCode } : null,
    deputyFor: position.deputyForName ? { name: position.deputyForName } : null,
  }
}

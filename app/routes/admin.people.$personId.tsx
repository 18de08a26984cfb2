import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseForm } from '~/ui/parse-form'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { auditEventLabel } from '~/audit/events'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { AbsenceForm } from '~/org/absence-form'
import { addAbsence, addPosition, createPerson, endPosition, updatePerson } from '~/org/admin.server'
import { describePosition, formatDateTime, formatPeriod } from '~/org/describe'
import { AddAbsenceSchema, AddPositionSchema, EndPositionSchema, PersonSchema, toIsoDate } from '~/org/forms'
import { Field, FormErrors } from '~/ui/field'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person?.name ?? 'New person'} · Organisation · SoleSource` }]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  const db = getDatabase()
  const personId = params.personId ?? ''
  const isNew = personId === 'new'
  if (!isNew && !UUID.test(personId)) throw new Response('This person does not exist.', { status: 404, statusText: 'Not Found' })
  const [person, groups, departments, people, history] = await Promise.all([
    isNew
      ? null
      : db.person.findUnique({
          where: { id: personId },
          include: {
            positions: { include: { group: true, department: true, deputyFor: true }, orderBy: [{ startsOn: 'desc' }] },
            absences: { include: { deputy: true }, orderBy: { startsOn: 'desc' } },
          },
        }),
    db.group.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
    db.department.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
    db.person.findMany({ where: { isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    isNew ? [] : db.auditEvent.findMany({ where: { subject: `person:${personId}` }, orderBy: { id: 'desc' }, take: 50 }),
  ])
  if (!isNew && !person) throw new Response('This person does not exist.', { status: 404, statusText: 'Not Found' })
  return {
    person: person && {
      id: person.id,
      name: person.name,
      email: person.email,
      groupId: person.groupId,
      isProcurementOfficer: person.isProcurementOfficer,
      isAdministrator: person.isAdministrator,
      isActive: person.isActive,
      positions: person.positions.map((p) => ({ id: p.id, label: describePosition(p), period: formatPeriod(p.startsOn, p.endsOn), ended: p.endsOn !== null })),
      absences: person.absences.map((a) => ({ id: a.id, period: formatPeriod(a.startsOn, a.endsOn), deputy: a.deputy?.name ?? null })),
    },
    groups,
    departments,
    people: people.filter((p) => p.id !== person?.id),
    today: toIsoDate(new Date()),
    history: history.map((event) => ({ id: String(event.id), label: auditEventLabel(event.type), at: formatDateTime(event.createdAt), payload: JSON.stringify(event.payload) })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdministrator(request)
  const db = getDatabase()
  const actor = { id: admin.id, origin: requestOrigin(request) }
  const formData = await readForm(request)
  const intent = formData.get('intent')
  const personId = params.personId ?? ''

  if (intent === 'add-absence') {
    if (!UUID.test(personId)) throw new Response('This person does not exist.', { status: 404 })
    const submission = parseForm(formData, { schema: AddAbsenceSchema })
    if (submission.status !== 'success') return { form: 'add-absence' as const, result: submission.reply() }
    const outcome = await addAbsence(db, personId, submission.value, actor)
    return { form: 'add-absence' as const, result: outcome.ok ? submission.reply({ resetForm: true }) : submission.reply({ fieldErrors: outcome.fieldErrors }) }
  }

  if (intent === 'add-position' || intent === 'end-position') {
    if (!UUID.test(personId)) throw new Response('This person does not exist.', { status: 404 })
    if (intent === 'add-position') {
      const submission = parseForm(formData, { schema: AddPositionSchema })
      if (submission.status !== 'success') return { form: 'add-position' as const, result: submission.reply() }
      const outcome = await addPosition(db, personId, submission.value, actor)
      if (!outcome.ok) return { form: 'add-position' as const, result: submission.reply({ fieldErrors: outcome.fieldErrors }) }
      return { form: 'add-position' as const, result: submission.reply({ resetForm: true }) }
    }
    const submission = parseForm(formData, { schema: EndPositionSchema })
    if (submission.status !== 'success') return { form: 'end-position' as const, result: submission.reply() }
    const outcome = await endPosition(db, personId, submission.value.positionId, submission.value.endsOn, actor)
    return { form: 'end-position' as const, result: outcome.ok ? submission.reply() : submission.reply({ fieldErrors: outcome.fieldErrors }) }
  }

  const submission = parseForm(formData, { schema: PersonSchema })
  if (submission.status !== 'success') return { form: 'person' as const, result: submission.reply() }
  if (personId === 'new') {
    const outcome = await createPerson(db, submission.value, actor)
    if (!outcome.ok) return { form: 'person' as const, result: submission.reply({ fieldErrors: outcome.fieldErrors }) }
    return redirect(`/admin/people/${outcome.value.id}`)
  }
  if (!UUID.test(personId)) throw new Response('This person does not exist.', { status: 404 })
  const outcome = await updatePerson(db, personId, submission.value, actor)
  if (!outcome.ok) return { form: 'person' as const, result: submission.reply({ fieldErrors: outcome.fieldErrors }) }
  return { form: 'person' as const, result: submission.reply(), saved: outcome.value.changed }
}

export default function PersonPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { person } = data
  const [form, fields] = useForm({
    id: 'person',
    lastResult: actionData?.form === 'person' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types, so the message goes away before
    // they reach the button (re-checking on blur shifts the page under their click).
    shouldRevalidate: 'onInput',
    defaultValue: person
      ? { name: person.name, email: person.email, groupId: person.groupId ?? '', isProcurementOfficer: person.isProcurementOfficer ? 'on' : '', isAdministrator: person.isAdministrator ? 'on' : '', isActive: person.isActive ? 'on' : '' }
      : { isActive: 'on' },
    onValidate: ({ formData }) => parseForm(formData, { schema: PersonSchema }),
  })
  const saved = actionData && 'saved' in actionData ? actionData.saved : null
  return (
    <>
      <p>
        <a href="/admin">← Organisation</a>
      </p>
      <h1>{person ? person.name : 'Add a person'}</h1>
      {saved ? (
        <p className="notice ok" role="status">
          {saved.length ? `Saved (${saved.join(', ')} changed).` : 'Nothing to save: no field changed.'}
        </p>
      ) : null}
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
                {data.groups.map((group) => (
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
      {person ? <Positions /> : null}
      {person ? <Absences /> : null}
      {person ? (
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          {data.history.length === 0 ? (
            <p className="empty">No recorded changes yet.</p>
          ) : (
            <ol>
              {data.history.map((event) => (
                <li key={event.id}>
                  <strong>{event.label}</strong>, {event.at} <code className="hint">{event.payload}</code>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </>
  )
}

function Positions() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const person = data.person!
  const [form, fields] = useForm({
    id: 'add-position',
    lastResult: actionData?.form === 'add-position' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    // Once a field shows an error, re-check it as the person types, so the message goes away before
    // they reach the button (re-checking on blur shifts the page under their click).
    shouldRevalidate: 'onInput',
    defaultValue: { startsOn: data.today },
    onValidate: ({ formData }) => parseForm(formData, { schema: AddPositionSchema }),
  })
  const endErrors = actionData?.form === 'end-position' ? actionData.result.error?.endsOn : undefined
  return (
    <section className="card" aria-labelledby="positions-heading">
      <h2 id="positions-heading">Positions</h2>
      {endErrors ? <FormErrors id="end-position-error" errors={endErrors} /> : null}
      {person.positions.length === 0 ? (
        <p className="empty">{person.name} holds no position: they file justifications but sign none.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Positions of {person.name}</caption>
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col">Period</th>
              <th scope="col">End it</th>
            </tr>
          </thead>
          <tbody>
            {person.positions.map((position) => (
              <tr key={position.id}>
                <td>{position.label}</td>
                <td>{position.period}</td>
                <td>
                  {position.ended ? null : (
                    <Form method="post" className="row">
                      <input type="hidden" name="intent" value="end-position" />
                      <input type="hidden" name="positionId" value={position.id} />
                      <label className="visually-hidden" htmlFor={`ends-${position.id}`}>
                        Last day of {position.label}
                      </label>
                      <input id={`ends-${position.id}`} name="endsOn" type="date" defaultValue={data.today} required />
                      <button type="submit" className="secondary">
                        End on this day
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Add a position</h3>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-position" />
        <div className="row">
          <Field id={fields.kind.id} label="Position" errors={fields.kind.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.kind)} {...aria}>
                <option value="">Choose…</option>
                <option value="GROUP_LEADER">Group leader</option>
                <option value="DEPARTMENT_HEAD">Department head</option>
                <option value="DEPUTY">Deputy for someone</option>
                <option value="DIRECTOR">Director (organisation-wide)</option>
                <option value="FINANCE_COMMITTEE">Finance Committee signatory</option>
              </select>
            )}
          </Field>
          <Field id={fields.groupId.id} label="Group (for a group leader)" errors={fields.groupId.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.groupId)} {...aria}>
                <option value="">—</option>
                {data.groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.code}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fields.departmentId.id} label="Department (for a head)" errors={fields.departmentId.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.departmentId)} {...aria}>
                <option value="">—</option>
                {data.departments.map((department) => (
                  <option key={department.id} value={department.id}>
                    {department.code}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fields.deputyForPersonId.id} label="Acts for (for a deputy)" errors={fields.deputyForPersonId.errors}>
            {(aria) => (
              <select {...getSelectProps(fields.deputyForPersonId)} {...aria}>
                <option value="">—</option>
                {data.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <Field id={fields.startsOn.id} label="From" errors={fields.startsOn.errors}>
            {(aria) => <input {...getInputProps(fields.startsOn, { type: 'date' })} {...aria} />}
          </Field>
          <Field id={fields.endsOn.id} label="Until (inclusive, optional)" errors={fields.endsOn.errors}>
            {(aria) => <input {...getInputProps(fields.endsOn, { type: 'date' })} {...aria} />}
          </Field>
        </div>
        <button type="submit">Add position</button>
      </Form>
    </section>
  )
}

function Absences() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const person = data.person!
  return (
    <section className="card" aria-labelledby="absences-heading">
      <h2 id="absences-heading">Absences</h2>
      <p className="hint">While {person.name} is away, signatures asked of them go to the deputy named here, else to their standing deputy, else one level up.</p>
      {person.absences.length === 0 ? (
        <p className="empty">No absence recorded.</p>
      ) : (
        <ul>
          {person.absences.map((absence) => (
            <li key={absence.id}>
              {absence.period}
              {absence.deputy ? `, deputy ${absence.deputy}` : ', no named deputy'}
            </li>
          ))}
        </ul>
      )}
      <h3>Record an absence</h3>
      <AbsenceForm
        people={data.people}
        lastResult={actionData?.form === 'add-absence' ? actionData.result : undefined}
        noDeputyLabel="—"
        submitLabel="Record absence"
      />
    </section>
  )
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { AbsencesSection } from '~/org/absences-section'
import { addAbsence } from '~/org/add-absence.server'
import { addPosition } from '~/org/add-position.server'
import { createPerson } from '~/org/create-person.server'
import { endPosition } from '~/org/end-position.server'
import { AddAbsenceSchema, AddPositionSchema, EndPositionSchema, PersonSchema } from '~/org/organisation-forms'
import { loadPersonPage } from '~/org/load-person-page.server'
import { PersonDetailsForm } from '~/org/person-details-form'
import { PositionsSection } from '~/org/positions-section'
import { updatePerson } from '~/org/update-person.server'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person?.name ?? 'New person'} · Organisation · SoleSource` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  const personId = params.personId ?? ''
  const isNew = personId === 'new'
  if (!isNew && !UUID.test(personId)) throw new Response('This person does not exist.', { status: 404, statusText: 'Not Found' })
  const page = await loadPersonPage(getDatabase(), isNew ? null : personId, new Date())
  if (!page) throw new Response('This person does not exist.', { status: 404, statusText: 'Not Found' })
  return page
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
  const resultOf = (form: NonNullable<typeof actionData>['form']) => (actionData?.form === form ? actionData.result : undefined)
  const saved = actionData && 'saved' in actionData ? actionData.saved : null
  return (
    <>
      <PageHeader back={<a href="/admin">← Organisation</a>} title={person ? person.name : 'Add a person'} />
      {saved ? (
        <Notice tone="success" role="status">
          {saved.length ? `Saved (${saved.join(', ')} changed).` : 'Nothing to save: no field changed.'}
        </Notice>
      ) : null}
      <PersonDetailsForm person={person} groups={data.groups} lastResult={resultOf('person')} />
      {person ? (
        <PositionsSection
          person={person}
          groups={data.groups}
          departments={data.departments}
          people={data.people}
          today={data.today}
          addResult={resultOf('add-position')}
          endErrors={resultOf('end-position')?.error?.endsOn ?? undefined}
        />
      ) : null}
      {person ? <AbsencesSection person={person} people={data.people} lastResult={resultOf('add-absence')} /> : null}
      {person ? <PersonHistory history={data.history} /> : null}
    </>
  )
}

function PersonHistory({ history }: { history: { id: string; label: string; at: string; payload: string }[] }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {history.length === 0 ? (
        <p className="empty">No recorded changes yet.</p>
      ) : (
        <ol>
          {history.map((event) => (
            <li key={event.id}>
              <strong>{event.label}</strong>, {event.at} <code className="hint">{event.payload}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

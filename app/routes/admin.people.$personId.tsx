import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { isLanguage } from '~/i18n/languages'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
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

export const handle: RouteHandle = {
  i18n: 'admin',
  title: (t, data: { person: { name: string } | null } | undefined) => t('admin:organisation.pageTitle', { name: data?.person?.name ?? t('admin:person.newTitle') }),
}

/** The preferred language the form chose: a language, or null for none (the reader's browser decides). */
function preferredLanguageFrom(formData: FormData) {
  const value = formData.get('preferredLanguage')
  return isLanguage(value) ? value : null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  const personId = params.personId ?? ''
  const isNew = personId === 'new'
  if (!isNew && !UUID.test(personId)) throw new Response(message('admin:notFound.person'), { status: 404, statusText: 'Not Found' })
  const page = await loadPersonPage(getDatabase(), isNew ? null : personId, new Date())
  if (!page) throw new Response(message('admin:notFound.person'), { status: 404, statusText: 'Not Found' })
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
    if (!UUID.test(personId)) throw new Response(message('admin:notFound.person'), { status: 404 })
    const submission = parseForm(formData, { schema: AddAbsenceSchema })
    if (submission.status !== 'success') return { form: 'add-absence' as const, result: submission.reply() }
    const outcome = await addAbsence(db, personId, submission.value, actor)
    return { form: 'add-absence' as const, result: outcome.ok ? submission.reply({ resetForm: true }) : submission.reply({ fieldErrors: outcome.fieldErrors }) }
  }

  if (intent === 'add-position' || intent === 'end-position') {
    if (!UUID.test(personId)) throw new Response(message('admin:notFound.person'), { status: 404 })
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
  const person = { ...submission.value, preferredLanguage: preferredLanguageFrom(formData) }
  if (personId === 'new') {
    const outcome = await createPerson(db, person, actor)
    if (!outcome.ok) return { form: 'person' as const, result: submission.reply({ fieldErrors: outcome.fieldErrors }) }
    return redirect(`/admin/people/${outcome.value.id}`)
  }
  if (!UUID.test(personId)) throw new Response(message('admin:notFound.person'), { status: 404 })
  const outcome = await updatePerson(db, personId, person, actor)
  if (!outcome.ok) return { form: 'person' as const, result: submission.reply({ fieldErrors: outcome.fieldErrors }) }
  return { form: 'person' as const, result: submission.reply(), saved: outcome.value.changed }
}

export default function PersonPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { person } = data
  const resultOf = (form: NonNullable<typeof actionData>['form']) => (actionData?.form === form ? actionData.result : undefined)
  const saved = actionData && 'saved' in actionData ? actionData.saved : null
  const { t } = useTranslation('admin')
  return (
    <>
      <PageHeader back={<a href="/admin">{t('organisation.back')}</a>} title={person ? person.name : t('person.addHeading')} />
      {saved ? (
        <Notice tone="success" role="status">
          {saved.length
            ? t('person.saved', { fields: saved.map((field) => (isPersonField(field) ? t(`person.fields.${field}`) : field)).join(t('person.fieldList')) })
            : t('person.nothingToSave')}
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

const PERSON_FIELDS = ['name', 'email', 'groupId', 'isProcurementOfficer', 'isAdministrator', 'isActive', 'preferredLanguage'] as const
const isPersonField = (field: string): field is (typeof PERSON_FIELDS)[number] => (PERSON_FIELDS as readonly string[]).includes(field)

function PersonHistory({ history }: { history: { id: string; label: string; at: string; payload: string }[] }) {
  const { t } = useTranslation('admin')
  const { dateTime } = useFormats()
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('person.history.heading')}</h2>
      {history.length === 0 ? (
        <p className="empty">{t('person.history.none')}</p>
      ) : (
        <ol>
          {history.map((event) => (
            <li key={event.id}>
              {/* The audit trail's event names are English (app/audit/events.ts). */}
              <strong lang="en">{event.label}</strong>, {dateTime(event.at)} <code className="hint">{event.payload}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

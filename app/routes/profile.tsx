import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { handOverOpenSteps } from '~/justifications/reminders.server'
import { AbsenceForm, AbsenceList } from '~/org/absence-form'
import { addAbsence } from '~/org/add-absence.server'
import { AddAbsenceSchema } from '~/org/organisation-forms'
import { parseForm } from '~/ui/parse-form'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { DateTime } from '~/calendar/date-time'
import { formatPeriod } from '~/calendar/format-date'
import { describePosition } from '~/org/describe'
import { loadProfilePage } from '~/org/people.server'
import { readForm } from '~/http/request-body.server'
import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'

export const meta: MetaFunction = () => [{ title: 'Your profile · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requirePerson(request)
  const { profile, absences, people } = await loadProfilePage(getDatabase(), signedIn.id, new Date())
  return {
    absences: absences.map((a) => ({ id: a.id, period: formatPeriod(a.startsOn, a.endsOn), deputy: a.deputy?.name ?? null })),
    people,
    name: profile.name,
    email: profile.email,
    positions: profile.positions.map((p) => ({ id: p.id, label: describePosition(p), period: formatPeriod(p.startsOn, p.endsOn) })),
    sessions: profile.sessions.map((s) => ({
      id: s.id.slice(0, 8),
      current: s.id === signedIn.sessionId,
      since: s.createdAt.toISOString(),
      expires: s.expiresAt.toISOString(),
      userAgent: s.userAgent ?? 'Unknown browser',
      ipAddress: s.ipAddress ?? '',
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requirePerson(request)
  const submission = parseForm(await readForm(request), { schema: AddAbsenceSchema })
  if (submission.status !== 'success') return { result: submission.reply() }
  const db = getDatabase()
  const outcome = await addAbsence(db, person.id, submission.value, { id: person.id, origin: requestOrigin(request) })
  if (!outcome.ok) return { result: submission.reply({ fieldErrors: outcome.fieldErrors }) }
  const handedOver = await handOverOpenSteps(db, person.id, new Date())
  return {
    result: submission.reply({ resetForm: true }),
    notice: handedOver
      ? `Absence recorded. ${handedOver} signature${handedOver === 1 ? '' : 's'} waiting for you went to your deputy; your links for them no longer work.`
      : 'Absence recorded. While you are away, signatures asked of you go to your deputy.',
  }
}

type SessionRow = { id: string; current: boolean; since: string; expires: string; userAgent: string; ipAddress: string }

const sessionColumns: TableColumn<SessionRow>[] = [
  {
    header: 'Browser',
    cell: (s) => (
      <>
        {s.userAgent} {s.current ? <span className="badge ok">this browser</span> : null}
      </>
    ),
  },
  { header: 'Address', cell: (s) => s.ipAddress },
  { header: 'Signed in', cell: (s) => <DateTime at={s.since} /> },
  { header: 'Expires', cell: (s) => <DateTime at={s.expires} /> },
]

export default function ProfilePage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <PageHeader title={data.name} />
      <div className="card">
        <DefinitionList
          facts={[
            { term: 'Email', details: data.email },
            {
              term: 'Positions',
              details: data.positions.length ? (
                <ul>
                  {data.positions.map((p) => (
                    <li key={p.id}>
                      {p.label} ({p.period})
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="empty">None today</span>
              ),
            },
          ]}
        />
      </div>
      <section className="card" aria-labelledby="absence-heading">
        <h2 id="absence-heading">Away?</h2>
        <p className="hint">Declare an absence: while you are away, signatures asked of you go to your deputy (the one you name here, else your standing deputy).</p>
        {actionData && 'notice' in actionData ? (
          <Notice tone="success" role="status">
            {actionData.notice}
          </Notice>
        ) : null}
        <AbsenceList absences={data.absences} empty="No absence declared." />
        <AbsenceForm people={data.people} lastResult={actionData?.result} noDeputyLabel="My standing deputy" submitLabel="Declare absence" />
      </section>
      <div className="card">
        <h2>Where you are signed in</h2>
        <SortableTable caption="Your active sessions" columns={sessionColumns} rows={data.sessions} rowKey={(s) => s.id} />
        <Form method="post" action="/sign-out">
          <input type="hidden" name="everywhere" value="true" />
          <p>
            <button type="submit" className="danger">
              Sign out everywhere
            </button>
          </p>
        </Form>
      </div>
    </>
  )
}

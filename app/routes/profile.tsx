import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isLanguage } from '~/i18n/languages'
import { LanguageOptions } from '~/ui/language-options'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { requestOrigin } from '~/audit/audit.server'
import { handOverOpenSteps } from '~/justifications/reminders.server'
import { AbsenceForm, AbsenceList } from '~/org/absence-form'
import { addAbsence } from '~/org/add-absence.server'
import { AddAbsenceSchema } from '~/org/organisation-forms'
import { parseForm } from '~/ui/parse-form'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { DateTime } from '~/calendar/date-time'
import { describePosition } from '~/org/describe'
import { loadProfilePage } from '~/org/people.server'
import { readForm } from '~/http/request-body.server'
import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'

// The absence form and list are the organisation pages' components (their messages are `admin`'s).
export const handle: RouteHandle = { i18n: ['auth', 'admin', 'forms'], title: (t) => t('auth:profile.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requirePerson(request)
  const { profile, absences, people } = await loadProfilePage(getDatabase(), signedIn.id, new Date())
  return {
    // Periods as dates: the page writes them in its reader's language.
    absences: absences.map((a) => ({ id: a.id, startsOn: a.startsOn, endsOn: a.endsOn, deputy: a.deputy?.name ?? null })),
    people,
    name: profile.name,
    email: profile.email,
    preferredLanguage: isLanguage(signedIn.preferredLanguage) ? signedIn.preferredLanguage : null,
    positions: profile.positions.map((p) => ({ id: p.id, label: describePosition(p), startsOn: p.startsOn, endsOn: p.endsOn })),
    sessions: profile.sessions.map((s) => ({
      id: s.id.slice(0, 8),
      current: s.id === signedIn.sessionId,
      since: s.createdAt.toISOString(),
      expires: s.expiresAt.toISOString(),
      userAgent: s.userAgent,
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
    notice: handedOver ? message('auth:profile.handedOver', { count: handedOver }) : message('auth:profile.absenceRecorded'),
  }
}

type SessionRow = { id: string; current: boolean; since: string; expires: string; userAgent: string | null; ipAddress: string }

const sessionColumnsIn = (t: TFunction<'auth'>): TableColumn<SessionRow>[] => [
  {
    header: t('profile.browser'),
    cell: (s) => (
      <>
        {s.userAgent ?? t('profile.unknownBrowser')} {s.current ? <span className="badge ok">{t('profile.thisBrowser')}</span> : null}
      </>
    ),
  },
  { header: t('profile.address'), cell: (s) => s.ipAddress },
  { header: t('profile.signedIn'), cell: (s) => <DateTime at={s.since} /> },
  { header: t('profile.expires'), cell: (s) => <DateTime at={s.expires} /> },
]

/** The language of the person's pages and emails, saved by the language switch's own action (routes/language.ts). */
function PreferredLanguage({ saved }: { saved: string | null }) {
  const { t } = useTranslation('auth')
  const { language } = useFormats()
  const location = useLocation()
  return (
    <section className="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('profile.language')}</h2>
      <Form method="post" action="/language">
        <input type="hidden" name="redirectTo" value={location.pathname} />
        <div className="field">
          <label htmlFor="preferred-language">{t('profile.preferredLanguage')}</label>
          <p className="hint" id="preferred-language-hint">
            {t('profile.languageHint')}
          </p>
          <select id="preferred-language" name="language" defaultValue={saved ?? language} aria-describedby="preferred-language-hint">
            <LanguageOptions />
          </select>
        </div>
        <button type="submit" className="secondary">
          {t('profile.saveLanguage')}
        </button>
      </Form>
    </section>
  )
}

export default function ProfilePage() {
  const { t } = useTranslation(['auth', 'admin'])
  const { period } = useFormats()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const absences = data.absences.map((a) => ({ id: a.id, period: period(a.startsOn, a.endsOn), deputy: a.deputy }))
  return (
    <>
      <PageHeader title={data.name} />
      <div className="card">
        <DefinitionList
          facts={[
            { term: t('profile.email'), details: data.email },
            {
              term: t('profile.positions'),
              details: data.positions.length ? (
                <ul>
                  {data.positions.map((p) => (
                    <li key={p.id}>
                      {translateMessage(t, p.label)} ({period(p.startsOn, p.endsOn)})
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="empty">{t('profile.noneToday')}</span>
              ),
            },
          ]}
        />
      </div>
      <section className="card" aria-labelledby="absence-heading">
        <h2 id="absence-heading">{t('profile.away')}</h2>
        <p className="hint">{t('profile.awayHint')}</p>
        {actionData && 'notice' in actionData ? (
          <Notice tone="success" role="status">
            {translateMessage(t as unknown as TFunction, actionData.notice ?? '')}
          </Notice>
        ) : null}
        <AbsenceList absences={absences} empty={t('profile.noAbsence')} />
        <AbsenceForm
          people={data.people}
          lastResult={actionData?.result}
          noDeputyLabel={t('profile.standingDeputy')}
          submitLabel={t('profile.declareAbsence')}
          labels={{ firstDay: t('admin:person.absences.firstDay'), lastDay: t('admin:person.absences.lastDay'), deputy: t('admin:person.absences.deputy') }}
        />
      </section>
      <PreferredLanguage saved={data.preferredLanguage} />
      <div className="card">
        <h2>{t('profile.signedInWhere')}</h2>
        <SortableTable caption={t('profile.sessions')} columns={sessionColumnsIn(t)} rows={data.sessions} rowKey={(s) => s.id} />
        <Form method="post" action="/sign-out">
          <input type="hidden" name="everywhere" value="true" />
          <p>
            <button type="submit" className="danger">
              {t('profile.signOutEverywhere')}
            </button>
          </p>
        </Form>
      </div>
    </>
  )
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { readApiKeyForm } from '~/api/api-key-form.server'
import { createApiKey } from '~/api/create-api-key.server'
import { listApiKeys } from '~/api/list-api-keys.server'
import { revokeApiKey } from '~/api/revoke-api-key.server'
import { API_SCOPES, DEFAULT_KEY_DAYS, DEFAULT_REQUESTS_PER_MINUTE, type ApiScope } from '~/api/scopes'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'
import { translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

// API keys (issue 15, ADR 049): an administrator makes them (the key is shown once, in the answer to
// the POST that made it, never stored), sees every key and revokes one.

// i18next reads a colon as a namespace separator: the scopes' labels are keyed without it.
const SCOPE_LABELS = {
  'read:justifications': 'scopes.read_justifications',
  'write:justifications': 'scopes.write_justifications',
  'write:contracts': 'scopes.write_contracts',
  'read:statistics': 'scopes.read_statistics',
} as const satisfies Record<ApiScope, string>

export const handle: RouteHandle = { i18n: ['api-keys', 'admin'], title: (t) => t('api-keys:title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  const db = getDatabase()
  const now = new Date()
  const [keys, people] = await Promise.all([listApiKeys(db, now), db.person.findMany({ where: { isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true, email: true } })])
  const defaultExpiry = new Date(now.getTime() + DEFAULT_KEY_DAYS * 86_400_000)
  const revoked = new URL(request.url).searchParams.get('revoked')
  return { keys, people, defaultExpiresOn: calendarDateIn(defaultExpiry), revoked: keys.some((key) => key.prefix === revoked) ? revoked : null }
}

type ActionData = { created: { key: string; prefix: string } } | { fieldErrors: Record<string, string[]> }

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireAdministrator(request)
  const db = getDatabase()
  const form = await readForm(request)
  const now = new Date()
  const actor = { actorId: person.id, origin: requestOrigin(request), now }
  if (form.get('intent') === 'revoke') {
    const id = String(form.get('id') ?? '')
    const key = await db.apiKey.findFirst({ where: { id: /^[0-9a-f-]{36}$/i.test(id) ? id : undefined }, select: { id: true, prefix: true } })
    if (key) await revokeApiKey(db, key.id, actor)
    return redirect(key ? `/admin/api-keys?revoked=${encodeURIComponent(key.prefix)}` : '/admin/api-keys')
  }
  const read = readApiKeyForm(form, calendarDateIn(now))
  if (!read.ok) return data<ActionData>({ fieldErrors: read.fieldErrors }, { status: 400 })
  const { expiresOn, ...fields } = read.value
  const created = await createApiKey(db, { ...fields, expiresAt: new Date(`${expiresOn}T23:59:59Z`) }, actor)
  if (!created.ok) return data<ActionData>({ fieldErrors: created.fieldErrors }, { status: 400 })
  // The only answer that carries the key: never cached, never sent again.
  return data<ActionData>({ created: { key: created.key, prefix: created.prefix } }, { headers: { 'Cache-Control': 'no-store' } })
}

export default function ApiKeysPage() {
  const { keys, people, defaultExpiresOn, revoked } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('api-keys')
  const { t: tAdmin } = useTranslation('admin')
  const { date, dateTime } = useFormats()
  const errors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {}
  const errorOf = (field: string) =>
    errors[field]?.length ? (
      <p className="error" id={`${field}-error`}>
        {errors[field]!.map((text) => translateMessage(t, text)).join(' ')}
      </p>
    ) : null
  return (
    <>
      <PageHeader
        title={t('heading')}
        lead={t('lead')}
        back={<a href="/admin">{tAdmin('organisation.heading')}</a>}
        actions={<a href="/api/v1/reference">{t('reference')}</a>}
      />
      {revoked ? (
        <Notice tone="success" role="status">
          {t('list.revoked', { prefix: revoked })}
        </Notice>
      ) : null}
      {actionData && 'created' in actionData ? (
        <section className="card" aria-labelledby="created-heading">
          <h2 id="created-heading">{t('created.heading')}</h2>
          <p>{t('created.body')}</p>
          <label htmlFor="created-key">{t('created.label')}</label>
          <input id="created-key" readOnly value={actionData.created.key} size={60} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="new-key-heading">
        <h2 id="new-key-heading">{t('new.heading')}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="name">{t('new.name')}</label>
            <input id="name" name="name" required maxLength={100} aria-describedby="name-hint" />
            <p className="hint" id="name-hint">
              {t('new.nameHint')}
            </p>
            {errorOf('name')}
          </div>
          <div className="field">
            <label htmlFor="actsFor">{t('new.actsFor')}</label>
            <select id="actsFor" name="actsFor" defaultValue="service">
              <option value="service">{t('new.service')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.email})
                </option>
              ))}
            </select>
            {errorOf('personId')}
          </div>
          <fieldset className="field">
            <legend>{t('new.scopes')}</legend>
            {API_SCOPES.map((scope) => (
              <label key={scope}>
                <input type="checkbox" name="scopes" value={scope} /> <code>{scope}</code> {t(SCOPE_LABELS[scope])}
              </label>
            ))}
            {errorOf('scopes')}
          </fieldset>
          <div className="field">
            <label htmlFor="expiresOn">{t('new.expiresOn')}</label>
            <input id="expiresOn" name="expiresOn" type="date" required defaultValue={defaultExpiresOn} />
            {errorOf('expiresOn')}
          </div>
          <div className="field">
            <label htmlFor="requestsPerMinute">{t('new.requestsPerMinute')}</label>
            <input id="requestsPerMinute" name="requestsPerMinute" type="number" min={1} required defaultValue={DEFAULT_REQUESTS_PER_MINUTE} />
            {errorOf('requestsPerMinute')}
          </div>
          <button type="submit">{t('new.submit')}</button>
        </Form>
      </section>
      <section className="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">{t('list.heading')}</h2>
        {keys.length === 0 ? (
          <p className="empty">{t('list.none')}</p>
        ) : (
          <SortableTable
            layout="scroll"
            caption={t('list.caption')}
            rows={keys}
            rowKey={(key) => key.id}
            columns={[
              { header: t('list.columns.name'), rowHeader: true, cell: (key) => key.name },
              { header: t('list.columns.prefix'), cell: (key) => <code>{key.prefix}</code> },
              { header: t('list.columns.actsFor'), cell: (key) => key.actsFor?.name ?? t('list.service') },
              { header: t('list.columns.scopes'), cell: (key) => key.scopes.join(', ') },
              { header: t('list.columns.expires'), cell: (key) => date(key.expiresAt.slice(0, 10)) },
              { header: t('list.columns.lastUsed'), cell: (key) => (key.lastUsedAt ? dateTime(key.lastUsedAt) : t('list.never')) },
              {
                header: t('list.columns.state'),
                cell: (key) =>
                  key.state === 'active' ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={key.id} />
                      {t('list.states.active')} <button type="submit" className="secondary">{t('list.revoke')}</button>
                    </Form>
                  ) : (
                    t(`list.states.${key.state}`)
                  ),
              },
            ]}
          />
        )}
      </section>
    </>
  )
}

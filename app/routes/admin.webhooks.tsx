import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireAdministrator } from '~/auth/session.server'
import { DateTime } from '~/calendar/date-time'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import { createWebhookEndpoint, EndpointInput, listWebhookEndpoints, replayWebhookDelivery, updateWebhookEndpoint } from '~/webhooks/webhook-endpoints.server'
import { WEBHOOK_EVENT_TYPES } from '~/webhooks/webhook-events'

export const handle: RouteHandle = {
  i18n: ['admin', 'webhooks'],
  title: (t) => t('webhooks:title'),
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request)
  return { endpoints: await listWebhookEndpoints(getDatabase()) }
}

type ActionResult = {
  ok?: string
  errors?: string[]
  secret?: { endpointUrl: string; value: string }
}

export async function action({ request }: ActionFunctionArgs): Promise<ActionResult> {
  const admin = await requireAdministrator(request)
  const form = await readForm(request)
  const actor = { actorId: admin.id, origin: requestOrigin(request) }
  const db = getDatabase()
  const intent = form.get('intent')
  if (intent === 'replay') {
    const replayed = await replayWebhookDelivery(db, String(form.get('deliveryId') ?? ''), { ...actor, now: new Date() })
    if (replayed.outcome === 'NOT_FOUND') return { errors: [message('webhooks:replay.notFound')] }
    if (replayed.outcome === 'ALREADY_QUEUED') return { errors: [message('webhooks:replay.alreadyQueued')] }
    return {
      ok: message('webhooks:replay.done', { webhookId: replayed.webhookId }),
    }
  }
  const parsed = EndpointInput.safeParse({
    url: form.get('url') ?? '',
    description: form.get('description') ?? '',
    events: form.getAll('events').map(String),
  })
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((issue) => (issue.path[0] === 'events' && issue.code !== 'too_small' ? message('webhooks:errors.noEvents') : issue.message)),
    }
  if (intent === 'create') {
    const created = await createWebhookEndpoint(db, parsed.data, actor)
    return {
      ok: message('webhooks:created'),
      secret: { endpointUrl: parsed.data.url, value: created.signingSecret },
    }
  }
  if (intent === 'update') {
    const updated = await updateWebhookEndpoint(db, String(form.get('endpointId') ?? ''), { ...parsed.data, enabled: form.get('enabled') === 'on' }, actor)
    return updated ? { ok: message('webhooks:saved') } : { errors: [message('webhooks:notFound')] }
  }
  return { errors: [message('webhooks:notFound')] }
}

type Endpoint = Awaited<ReturnType<typeof listWebhookEndpoints>>[number]
type Delivery = Endpoint['deliveries'][number]

function EventChoices({ chosen, idPrefix }: { chosen: readonly string[]; idPrefix: string }) {
  const { t } = useTranslation('webhooks')
  return (
    <fieldset className="field">
      <legend>{t('form.events')}</legend>
      {WEBHOOK_EVENT_TYPES.map((type) => (
        <div key={type}>
          <label>
            <input type="checkbox" name="events" value={type} id={`${idPrefix}-${type}`} defaultChecked={chosen.includes(type)} /> {t(`events.${type}`)} <code>{type}</code>
          </label>
        </div>
      ))}
    </fieldset>
  )
}

function EndpointFields({ endpoint, idPrefix }: { endpoint?: Endpoint; idPrefix: string }) {
  const { t } = useTranslation('webhooks')
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-url`}>{t('form.url')}</label>
        <input id={`${idPrefix}-url`} name="url" type="url" required defaultValue={endpoint?.url ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-description`}>{t('form.description')}</label>
        <input id={`${idPrefix}-description`} name="description" defaultValue={endpoint?.description ?? ''} />
      </div>
      <EventChoices chosen={endpoint?.events ?? []} idPrefix={idPrefix} />
    </>
  )
}

function attemptText(t: TFunction<'webhooks'>, attempt: Delivery['attemptLog'][number]) {
  const answer = attempt.responseStatus === null ? t('attempt.noAnswer') : t('attempt.status', { status: attempt.responseStatus })
  return t(attempt.succeeded ? 'attempt.succeeded' : 'attempt.failed', {
    answer,
    durationMs: attempt.durationMs,
  })
}

function deliveryColumns(t: TFunction<'webhooks'>): TableColumn<Delivery>[] {
  return [
    { header: t('deliveries.event'), cell: (d) => <code>{d.type}</code> },
    {
      header: t('deliveries.webhookId'),
      cell: (d) => <code>{d.webhookId}</code>,
    },
    {
      header: t('deliveries.status'),
      cell: (d) => <span className={d.status === 'FAILED' ? 'badge danger' : 'badge'}>{t(`status.${d.status}`)}</span>,
    },
    {
      header: t('deliveries.attempts'),
      cell: (d) =>
        d.attemptLog.length === 0 ? (
          <span className="empty">{t('deliveries.notTried')}</span>
        ) : (
          <ul>
            {d.attemptLog.map((attempt) => (
              <li key={attempt.id}>
                <DateTime at={attempt.startedAt} /> {attemptText(t, attempt)}
                {attempt.error && attempt.responseStatus === null ? <span className="hint"> {attempt.error}</span> : null}
              </li>
            ))}
          </ul>
        ),
    },
    {
      header: t('deliveries.action'),
      cell: (d) =>
        d.status === 'QUEUED' ? (
          <span className="hint">
            {t('deliveries.nextAttempt')} <DateTime at={d.nextAttemptAt} />
          </span>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="replay" />
            <input type="hidden" name="deliveryId" value={d.id} />
            <button type="submit" className="secondary">
              {t('deliveries.replay')}
            </button>
          </Form>
        ),
    },
  ]
}

function EndpointCard({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation('webhooks')
  const headingId = `endpoint-${endpoint.id}`
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <code>{endpoint.url}</code> {endpoint.enabled ? <span className="badge">{t('endpoint.enabled')}</span> : <span className="badge danger">{t('endpoint.disabled')}</span>}
      </h2>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <p>
        {t('endpoint.counts', {
          queued: endpoint.queued,
          sent: endpoint.sent,
          failed: endpoint.failed,
        })}
      </p>
      <details>
        <summary>{t('endpoint.edit')}</summary>
        <Form method="post">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <EndpointFields endpoint={endpoint} idPrefix={endpoint.id} />
          <div className="field">
            <label>
              <input type="checkbox" name="enabled" defaultChecked={endpoint.enabled} /> {t('form.enabled')}
            </label>
          </div>
          <button type="submit">{t('form.save')}</button>
        </Form>
      </details>
      {endpoint.deliveries.length === 0 ? (
        <p className="empty">{t('deliveries.none')}</p>
      ) : (
        <SortableTable caption={t('deliveries.caption')} columns={deliveryColumns(t)} rows={endpoint.deliveries} rowKey={(d) => d.id} />
      )}
    </section>
  )
}

export default function WebhooksPage() {
  const { endpoints } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('webhooks')
  const say = (text: string) => translateMessage(t as unknown as TFunction, text)
  return (
    <>
      <PageHeader title={t('heading')} lead={t('lead')} />
      {result?.ok ? (
        <Notice tone="success" role="status">
          {say(result.ok)}
        </Notice>
      ) : null}
      {result?.secret ? (
        <Notice as="div" tone="warning" title={t('secret.title', { url: result.secret.endpointUrl })}>
          <p>
            <code data-testid="signing-secret">{result.secret.value}</code>
          </p>
          <p>{t('secret.once')}</p>
        </Notice>
      ) : null}
      {result?.errors?.length ? <Notice tone="error" role="alert" items={result.errors.map(say)} title={t('errors.title')} /> : null}
      {endpoints.length === 0 ? <p className="empty">{t('noEndpoints')}</p> : endpoints.map((endpoint) => <EndpointCard key={endpoint.id} endpoint={endpoint} />)}
      <section className="card narrow" aria-labelledby="new-endpoint">
        <h2 id="new-endpoint">{t('form.addHeading')}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <EndpointFields idPrefix="new" />
          <button type="submit">{t('form.add')}</button>
        </Form>
      </section>
    </>
  )
}

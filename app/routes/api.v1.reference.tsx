import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { openApiDocument } from '~/api/openapi-document.server'
import { PROBLEM_TYPES } from '~/api/problem.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { PageHeader } from '~/ui/page-header'

// The API's reference, rendered here from its own OpenAPI document (no external script, no CDN):
// public, as the document is. The operations' descriptions are the document's, in English.

export const handle: RouteHandle = { i18n: 'api-keys', title: (t) => t('api-keys:referencePage.title') }

type Parameter = { name: string; in: string; required?: boolean; description?: string }
type Operation = { operationId: string; summary: string; description?: string; security?: Record<string, string[]>[]; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string }> }

export function loader() {
  const document = openApiDocument() as unknown as { info: { description: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } }
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      id: operation.operationId,
      method: method.toUpperCase(),
      path,
      summary: operation.summary,
      description: operation.description ?? '',
      scope: operation.security?.[0]?.apiKey?.[0] ?? null,
      parameters: (operation.parameters ?? []).map(({ name, in: where, required, description }) => ({ name, in: where, required: Boolean(required), description: description ?? '' })),
      body: operation.requestBody ? JSON.stringify(operation.requestBody.content['application/json']?.schema, null, 2) : null,
      responses: Object.entries(operation.responses).map(([status, response]) => ({ status, description: response.description })),
    })),
  )
  const schemas = Object.entries(document.components.schemas).map(([name, schema]) => ({ name, text: JSON.stringify(schema, null, 2) }))
  const problems = Object.entries(PROBLEM_TYPES).map(([slug, { status, title }]) => ({ slug, status, title }))
  return { intro: document.info.description, operations, schemas, problems }
}

export default function ApiReferencePage() {
  const { intro, operations, schemas, problems } = useLoaderData<typeof loader>()
  const { t } = useTranslation('api-keys')
  return (
    <>
      <PageHeader title={t('referencePage.title')} lead={t('referencePage.lead')} />
      <section className="card" aria-labelledby="api-intro">
        <h2 id="api-intro">{t('referencePage.operations')}</h2>
        <p lang="en">{intro}</p>
        <p>
          <a href="/api/v1/openapi.json">{t('referencePage.document')}</a>
        </p>
        <ul>
          {operations.map((operation) => (
            <li key={operation.id}>
              <a href={`#${operation.id}`}>
                <code>
                  {operation.method} {operation.path}
                </code>
              </a>{' '}
              <span lang="en">{operation.summary}</span>
            </li>
          ))}
        </ul>
      </section>
      {operations.map((operation) => (
        <section className="card" key={operation.id} id={operation.id} aria-labelledby={`${operation.id}-heading`}>
          <h2 id={`${operation.id}-heading`}>
            <code>
              {operation.method} {operation.path}
            </code>
          </h2>
          <p lang="en">
            <strong>{operation.summary}.</strong> {operation.description}
          </p>
          {operation.scope ? (
            <p>
              {t('referencePage.scope')} <code>{operation.scope}</code>
            </p>
          ) : null}
          {operation.parameters.length ? (
            <>
              <h3>{t('referencePage.parameters')}</h3>
              <ul>
                {operation.parameters.map((parameter) => (
                  <li key={`${parameter.in}:${parameter.name}`}>
                    <code>{parameter.name}</code> ({parameter.in}
                    {parameter.required ? `, ${t('referencePage.required')}` : ''}) <span lang="en">{parameter.description}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {operation.body ? (
            <>
              <h3>{t('referencePage.body')}</h3>
              <pre className="scroll" lang="en">
                <code>{operation.body}</code>
              </pre>
            </>
          ) : null}
          <h3>{t('referencePage.responses')}</h3>
          <ul>
            {operation.responses.map((response) => (
              <li key={response.status}>
                <code>{response.status}</code> <span lang="en">{response.description}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="card" aria-labelledby="api-schemas">
        <h2 id="api-schemas">{t('referencePage.schemas')}</h2>
        {schemas.map((schema) => (
          <details key={schema.name} id={`schema-${schema.name}`}>
            <summary>
              <code>{schema.name}</code>
            </summary>
            <pre className="scroll" lang="en">
              <code>{schema.text}</code>
            </pre>
          </details>
        ))}
      </section>
      <section className="card" aria-labelledby="api-problems">
        <h2 id="api-problems">{t('referencePage.problems')}</h2>
        <p>{t('referencePage.problemsLead')}</p>
        <ul>
          {problems.map((problem) => (
            <li key={problem.slug} id={`problem-${problem.slug}`}>
              <code>{problem.status}</code> <code>{problem.slug}</code> <span lang="en">{problem.title}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

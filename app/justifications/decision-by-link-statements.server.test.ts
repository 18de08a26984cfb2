import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { countStatements, describeStatement } from '../../tests/support/count-statements'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { SIGN_OFF_ROUTE_ID, signOffRouteHandler } from '../../tests/support/sign-off-route-handler'
import { demoPeople, fileAndSubmit, latestSignOffToken } from '../../tests/support/workflow'
import * as signOffRoute from '~/routes/sign-off.$token'
import { disconnectDatabase } from '~/db/client.server'
import { resetEnvForTests } from '~/env.server'

/**
 * What one decision by sign-off link costs the database, counted statement by statement through
 * Remix's request handler: without JavaScript (a document POST: the action, then the page's loaders)
 * and with it (the single-fetch POST, then the revalidation the browser asks for).
 *
 * A signature that assigns the next step costs 13 (it cost 32 before issue 12):
 *   SELECT link + addressee + justification's state + workflow settings (one join)
 *   SELECT justification + requester + group + countries + documents + the chain's people (one join)
 *   BEGIN; UPDATE justification (guarded by its version); UPDATE link (consumed, guarded);
 *   INSERT audit STEP_SIGNED; INSERT signatory record (ON CONFLICT DO NOTHING); INSERT audit STEP_ASSIGNED;
 *   UPDATE the signer's other links (revoked); INSERT the next signatory's link; INSERT 2 outbox emails; COMMIT
 * and nothing after it: the page shows the action's answer, the sign-off loader does not run again.
 */
describe(`statements per decision by sign-off link (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const handle = signOffRouteHandler()
  const saved = { ...process.env }
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
    Object.assign(process.env, { DATABASE_URL: database.url, APP_URL: 'http://localhost:3000', SESSION_SECRET: 'statement-count-secret-of-at-least-32-characters' })
    resetEnvForTests()
  })
  afterAll(async () => {
    await disconnectDatabase()
    process.env = saved
    resetEnvForTests()
    await database?.drop()
  })

  const openLink = async () => {
    await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now: new Date() })
    return latestSignOffToken(database.db, 'marta.mendes@example.org')
  }
  const post = (url: string) =>
    new Request(url, { method: 'POST', body: new URLSearchParams({ intent: 'sign' }), headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'vitest' } })
  const listed = (statements: { sql: string }[]) => statements.map((s) => describeStatement(s.sql))

  test('without JavaScript: the POST decides and the page it renders reads nothing more', async () => {
    const token = await openLink()
    // Warm: the process's client connects and the session cookie secret is read once.
    await handle(new Request(`http://localhost/sign-off/${token}`))
    const { result: response, statements } = await countStatements(() => handle(post(`http://localhost/sign-off/${token}`)))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ actionData: { [SIGN_OFF_ROUTE_ID]: { done: 'signed' } } })
    console.info(`document POST: ${statements.length} statements\n  ${listed(statements).join('\n  ')}`)
    expect(statements.length).toBeLessThanOrEqual(14)
    expect(await database.db.auditEvent.count({ where: { type: 'STEP_SIGNED', actorId: ids['marta.mendes'] } })).toBeGreaterThan(0)
  })

  test('with JavaScript: the POST decides, and the revalidation does not ask the sign-off loader again', async () => {
    const token = await openLink()
    await handle(new Request(`http://localhost/sign-off/${token}`))
    const { result, statements } = await countStatements(async () => {
      const response = await handle(post(`http://localhost/sign-off/${token}.data`))
      const actionResult = await response.text()
      // What the browser revalidates after the action: each route whose shouldRevalidate says so.
      const args = {
        currentUrl: new URL(`http://localhost/sign-off/${token}`),
        nextUrl: new URL(`http://localhost/sign-off/${token}`),
        currentParams: { token },
        nextParams: { token },
        formMethod: 'POST',
        actionStatus: response.status,
        actionResult: { done: 'signed', reference: 'SSJ' },
        defaultShouldRevalidate: true,
      }
      const routes = ['root', ...((signOffRoute as { shouldRevalidate?: (a: typeof args) => boolean }).shouldRevalidate?.(args) ?? true ? [SIGN_OFF_ROUTE_ID] : [])]
      const revalidation = await handle(new Request(`http://localhost/sign-off/${token}.data?_routes=${routes.join(',')}`))
      return { status: response.status, actionResult, routes, revalidated: revalidation.status }
    })
    expect(result).toMatchObject({ status: 200, routes: ['root'], revalidated: 200 })
    expect(result.actionResult).toContain('signed')
    console.info(`single-fetch POST + revalidation: ${statements.length} statements\n  ${listed(statements).join('\n  ')}`)
    expect(statements.length).toBeLessThanOrEqual(14)
  })
})

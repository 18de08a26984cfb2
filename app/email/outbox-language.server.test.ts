import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { listOutbox } from './list-outbox.server'
import { enqueueEmail } from './outbox.server'
import { renderEmail } from './render.server'
import { templateElement } from './templates.server'

// The outbox stores the language each email is written in beside its subject, so the outbox page
// marks the subject with it (lang="fr") instead of "unknown".
describe(`the outbox records each email's language (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  const appUrl = 'http://localhost:3000'
  const secret = 'a test secret of at least thirty-two characters'
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => database?.drop())

  test('a template email takes its props’ language; without one it is English, as it renders', async () => {
    const props = { name: 'Marta Mendes', signInUrl: `${appUrl}/sign-in/link/t`, code: '123456', expiresInMinutes: 15, expiresAt: '9 déc. 2026, 10:15 CET' }
    await enqueueEmail(database.db, { to: 'fr@example.org', subject: 'Votre lien de connexion à SoleSource', template: 'sign-in-link', props: { ...props, language: 'fr' } }, { appUrl, secret })
    await enqueueEmail(database.db, { to: 'en@example.org', subject: 'Your SoleSource sign-in link', template: 'sign-in-link', props }, { appUrl, secret })
    const french = await renderEmail('Rendu avant', templateElement({ template: 'sign-in-link', props: { ...props, language: 'fr' } }))
    await enqueueEmail(database.db, { ...french, to: 'rendered@example.org', template: 'sign-in-link' }, { appUrl, secret })
    const { queued } = await listOutbox(database.db)
    expect(Object.fromEntries(queued.map((m) => [m.to, m.language]))).toEqual({ 'fr@example.org': 'fr', 'en@example.org': 'en', 'rendered@example.org': 'fr' })
  })

  test('the database holds only the two languages', async () => {
    await expect(
      database.db.outboxMessage.create({ data: { messageId: '<x@localhost>', template: 'sign-in-link', toAddress: 'x@example.org', subject: 'x', language: 'de' } }),
    ).rejects.toThrow()
  })
})

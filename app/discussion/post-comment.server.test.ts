import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileAndSubmit, fileDraft, latestSignOffToken, origin } from '../../tests/support/workflow'
import { readQueuedEmail } from '~/email/open-queued-email.server'
import { decideBySignOffLink } from '~/justifications/decide-by-sign-off-link.server'
import { DEFAULT_WORKFLOW_SETTINGS, saveWorkflowSettings } from '~/justifications/settings.server'
import { loadDiscussion } from './load-discussion.server'
import { postComment } from './post-comment.server'
import { postCommentByLink } from './post-comment-by-link.server'
import { saidDeep } from '~/i18n/said.test-support'

describe(`the discussion on a justification (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const now = new Date('2026-11-26T09:00:00Z')
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })
  afterAll(async () => database?.drop())

  const viewer = async (localPart: string) => database.db.person.findUniqueOrThrow({ where: { id: ids[localPart]! }, select: { id: true, groupId: true, isProcurementOfficer: true, isAdministrator: true } })
  const comments = (justificationId: string) => database.db.auditEvent.findMany({ where: { subject: `justification:${justificationId}`, type: 'COMMENT_POSTED' }, orderBy: { id: 'asc' } })
  const commentEmailsSince = async (since: Date) => {
    const messages = await database.db.outboxMessage.findMany({ where: { template: { startsWith: 'comment-' }, createdAt: { gte: since } }, orderBy: { toAddress: 'asc' } })
    return Promise.all(messages.map(async (message) => ({ to: message.toAddress, template: message.template, subject: message.subject, ...(await readQueuedEmail(message)) })))
  }

  test('the requester comments, mentioning procurement: kept as an event, emailed to the chain and the person mentioned, not to the author', async () => {
    const { id, reference } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const since = new Date()
    const result = await postComment(database.db, { justificationId: id, person: await viewer('rita.romano'), body: '  @paula procurement, is the framework contract still open?\nThe quote is attached.  ', origin, now })
    expect(result).toMatchObject({ ok: true, notified: expect.arrayContaining(['marta.mendes@example.org', 'paula.procurement@example.org']) })

    const [comment, ...others] = await comments(id)
    expect(others).toEqual([])
    expect(comment).toMatchObject({
      actorId: ids['rita.romano'],
      ipAddress: origin.ipAddress,
      payload: { body: '@paula procurement, is the framework contract still open?\nThe quote is attached.', mentions: [{ personId: ids['paula.procurement'], name: 'Paula Procurement' }], asSignatory: false, via: 'app' },
    })

    const emails = await commentEmailsSince(since)
    expect(emails.map((email) => [email.to, email.template])).toEqual([
      ['marta.mendes@example.org', 'comment-posted'],
      ['paula.procurement@example.org', 'comment-mention'],
    ])
    const [toSignatory, toMentioned] = emails
    expect(toMentioned!.subject).toBe(`${reference}: Rita Romano mentioned you`)
    expect(toMentioned!.text).toContain('You were mentioned in the discussion of this justification.')
    expect(toSignatory!.subject).toBe(`${reference}: Rita Romano commented`)
    // The signatory's step is pending, yet the email is no decision link: the justification's page.
    expect(toSignatory!.text).toContain(`/justifications/${id}#discussion`)
    expect(toSignatory!.text).not.toContain('/sign-off/')
    expect(toSignatory!.text).toMatch(/is the framework contract still open\?\s*\n\s*The quote is attached\./)
  })

  test('anybody who may see it comments, in any status: a group member on a draft, procurement; nobody else is emailed than the chain', async () => {
    const draft = await fileDraft(database.db, { requesterId: ids['rita.romano']!, now })
    const since = new Date()
    expect(await postComment(database.db, { justificationId: draft.id, person: await viewer('ruben.rasmussen'), body: 'I can lend you our spare head meanwhile.', origin, now })).toMatchObject({ ok: true, notified: ['rita.romano@example.org'], notifiedNames: ['Rita Romano'] })
    expect(await postComment(database.db, { justificationId: draft.id, person: await viewer('paula.procurement'), body: 'Noted.', origin, now })).toMatchObject({ ok: true })
    expect(await comments(draft.id)).toHaveLength(2)
    expect((await commentEmailsSince(since)).map((email) => email.to)).toEqual(['rita.romano@example.org', 'rita.romano@example.org'])
  })

  test('another group’s requester cannot comment: refused, nothing written, nobody emailed', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const since = new Date()
    expect(await postComment(database.db, { justificationId: id, person: await viewer('emil.eriksen'), body: 'Nosy question.', origin, now })).toMatchObject({ ok: false, kind: 'NOT_FOUND' })
    expect(await comments(id)).toEqual([])
    expect(await commentEmailsSince(since)).toEqual([])
  })

  test('a mention of somebody who may not see it, or of nobody known, is a field error naming them; nothing is written', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    await database.db.person.create({ data: { email: 'paul.durand@example.org', name: 'Paul Durand', groupId: (await viewer('emil.eriksen')).groupId } })
    const since = new Date()
    const rita = await viewer('rita.romano')
    expect(saidDeep('en', await postComment(database.db, { justificationId: id, person: rita, body: 'What do you think, @Paul Durand?', origin, now }))).toEqual({
      ok: false,
      kind: 'INVALID',
      fieldErrors: { body: ['Paul Durand cannot see this justification; only its requester, their group, its signatories and procurement can be mentioned.'] },
    })
    expect(saidDeep('en', await postComment(database.db, { justificationId: id, person: rita, body: '@Nobody Atall and @Marta Mendes, see above.', origin, now }))).toEqual({
      ok: false,
      kind: 'INVALID',
      fieldErrors: { body: ['Nobody called @Nobody can be mentioned: write @ and the full name of a person who may see this justification.'] },
    })
    expect(saidDeep('en', await postComment(database.db, { justificationId: id, person: rita, body: '   ', origin, now }))).toEqual({ ok: false, kind: 'INVALID', fieldErrors: { body: ['Write your comment before posting it.'] } })
    expect(await comments(id)).toEqual([])
    expect(await commentEmailsSince(since)).toEqual([])
  })

  test('markup in a comment stays text: escaped in the HTML email, as written in the plain text', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const since = new Date()
    await postComment(database.db, { justificationId: id, person: await viewer('rita.romano'), body: '<img src=x onerror=alert(1)> & <b>bold</b>', origin, now })
    const [email] = await commentEmailsSince(since)
    expect(email!.html).not.toContain('<img src=x')
    expect(email!.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;')
    expect(email!.text).toContain('<img src=x onerror=alert(1)> & <b>bold</b>')
  })

  test('the comment and its emails are one transaction: an email that cannot be queued leaves no comment behind', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    // A real failure of the database while queueing the second email, not a stand-in for our code.
    await database.db.$executeRawUnsafe(`CREATE FUNCTION refuse_paula() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."toAddress" = 'paula.procurement@example.org' THEN RAISE EXCEPTION 'outbox unavailable'; END IF; RETURN NEW; END $$`)
    await database.db.$executeRawUnsafe(`CREATE TRIGGER refuse_paula BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION refuse_paula()`)
    const since = new Date()
    try {
      await expect(postComment(database.db, { justificationId: id, person: await viewer('rita.romano'), body: 'Over to you, @Paula Procurement.', origin, now })).rejects.toThrow(/outbox unavailable/)
    } finally {
      await database.db.$executeRawUnsafe(`DROP TRIGGER refuse_paula ON "OutboxMessage"`)
      await database.db.$executeRawUnsafe(`DROP FUNCTION refuse_paula()`)
    }
    expect(await comments(id)).toEqual([])
    expect(await commentEmailsSince(since)).toEqual([])
  })

  test('the thread, oldest first: each comment with its author and what they are in this justification', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    await postComment(database.db, { justificationId: id, person: await viewer('rita.romano'), body: 'Context: @Marta Mendes, the old heads failed.', origin, now })
    await postCommentByLink(database.db, { token, body: 'Which serial numbers?', now, origin, signedInPersonId: null })
    await postComment(database.db, { justificationId: id, person: await viewer('paula.procurement'), body: 'Framework contract checked.', origin, now })
    await postComment(database.db, { justificationId: id, person: await viewer('ruben.rasmussen'), body: 'Serials on the wiki.', origin, now })
    const { comments: thread, mentionExample } = await loadDiscussion(database.db, id)
    expect(mentionExample).toBe('@Rita Romano')
    expect(thread.map((c) => [c.authorName, c.authorRole, c.body, c.asSignatory, c.via])).toEqual([
      ['Rita Romano', 'Requester', 'Context: @Marta Mendes, the old heads failed.', false, 'app'],
      ['Marta Mendes', 'Group leader', 'Which serial numbers?', true, 'link'],
      ['Paula Procurement', 'Procurement', 'Framework contract checked.', false, 'app'],
      ['Ruben Rasmussen', 'Group member', 'Serials on the wiki.', false, 'app'],
    ])
    expect(thread[0]!.mentions).toEqual([{ personId: ids['marta.mendes'], name: 'Marta Mendes' }])
  })

  describe('a question from a sign-off link', () => {
    test('asks without deciding: the link stays unused and still signs afterwards; recorded as the signatory’s, from the link', async () => {
      const { id, reference } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
      const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
      const since = new Date()
      expect(await postCommentByLink(database.db, { token, body: 'Is the quote valid in January?', now, origin, signedInPersonId: null })).toMatchObject({ ok: true, notified: ['rita.romano@example.org'], notifiedNames: ['Rita Romano'] })
      const [question] = await comments(id)
      expect(question).toMatchObject({ actorId: ids['marta.mendes'], payload: { body: 'Is the quote valid in January?', asSignatory: true, via: 'link', mentions: [] } })
      expect(await database.db.signOffToken.count({ where: { justificationId: id, signatoryId: ids['marta.mendes'], usedAt: { not: null } } })).toBe(0)
      const [email] = await commentEmailsSince(since)
      expect(email).toMatchObject({ to: 'rita.romano@example.org', subject: `${reference}: Marta Mendes asked a question` })
      expect(email!.text).toContain('from their sign-off link, without deciding')

      expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })).toMatchObject({ ok: true, outcome: 'signed' })
      // Once used, the link asks nothing more.
      expect(await postCommentByLink(database.db, { token, body: 'One more thing.', now, origin, signedInPersonId: null })).toMatchObject({ ok: false, state: { status: 'decided', by: 'Marta Mendes' } })
      expect(await comments(id)).toHaveLength(1)
    })

    test('an expired or unknown link is refused and writes nothing', async () => {
      const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
      const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
      const later = new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000)
      expect(await postCommentByLink(database.db, { token, body: 'Still there?', now: later, origin, signedInPersonId: null })).toMatchObject({ ok: false, state: { status: 'expired' } })
      expect(await postCommentByLink(database.db, { token: 'x'.repeat(43), body: 'Hello?', now, origin, signedInPersonId: null })).toEqual({ ok: false, state: { status: 'unknown' } })
      expect(await comments(id)).toEqual([])
    })

    test('in strict mode only when signed in as the addressee', async () => {
      const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
      const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
      await saveWorkflowSettings(database.db, { ...DEFAULT_WORKFLOW_SETTINGS, linkRequiresSignIn: true }, ids['alex.admin']!)
      try {
        expect(await postCommentByLink(database.db, { token, body: 'Forwarded copy asks.', now, origin, signedInPersonId: null })).toEqual({ ok: false, signInRequired: true, wrongPerson: false })
        expect(await postCommentByLink(database.db, { token, body: 'Someone else asks.', now, origin, signedInPersonId: ids['rita.romano']! })).toEqual({ ok: false, signInRequired: true, wrongPerson: true })
        expect(await comments(id)).toEqual([])
        expect(await postCommentByLink(database.db, { token, body: 'Marta asks, signed in.', now, origin, signedInPersonId: ids['marta.mendes']! })).toMatchObject({ ok: true })
      } finally {
        await saveWorkflowSettings(database.db, DEFAULT_WORKFLOW_SETTINGS, ids['alex.admin']!)
      }
      expect(await comments(id)).toHaveLength(1)
    })
  })
})

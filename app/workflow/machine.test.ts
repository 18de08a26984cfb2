import { describe, expect, it } from 'vitest'
import type { Currency } from '../money/currency.ts'
import { sendAndSnapshot } from './justification-actor.ts'
import type { JustificationEvent } from './justification-types.ts'
import { effectsOf, JUSTIFICATION_MACHINE_VERSION } from './machine.ts'
import { at, ev, input, last, run, step, store } from './machine.test-support.ts'
import { org } from './org.fixture.ts'
import { DEFAULT_SIGNATURE_POLICY } from './signature-policy.ts'
import { prepareSubmission } from './submission.ts'

type Case = [label: string, amountMinor: number, currency: Currency, rate: string, signatories: string[]]

// Each boundary, straight in CHF and reached through a foreign amount and its rate.
const boundaryCases: Case[] = [
  ['CHF 10 000.00', 1_000_000, 'CHF', '1', []],
  ['CHF 10 000.01', 1_000_001, 'CHF', '1', ['gina']],
  ['CHF 50 000.00', 5_000_000, 'CHF', '1', ['gina']],
  ['CHF 50 000.01', 5_000_001, 'CHF', '1', ['gina', 'dave']],
  ['EUR 12 500.00 at 0.8 = CHF 10 000.00', 1_250_000, 'EUR', '0.8', []],
  ['EUR 12 500.01 at 0.8 = CHF 10 000.01', 1_250_001, 'EUR', '0.8', ['gina']],
  ['EUR 10 624.73 at 0.9412 = CHF 10 000.00 (rounded)', 1_062_473, 'EUR', '0.9412', []],
  ['EUR 10 624.74 at 0.9412 = CHF 10 000.01 (rounded)', 1_062_474, 'EUR', '0.9412', ['gina']],
  ['EUR 53 123.67 at 0.9412 = CHF 50 000.00 (rounded)', 5_312_367, 'EUR', '0.9412', ['gina']],
  ['EUR 53 123.68 at 0.9412 = CHF 50 000.01 (rounded)', 5_312_368, 'EUR', '0.9412', ['gina', 'dave']],
  ['USD 62 500.00 at 0.8 = CHF 50 000.00', 6_250_000, 'USD', '0.8', ['gina']],
  ['GBP 8 000.01 at 1.25 = CHF 10 000.01 (rounded)', 800_001, 'GBP', '1.25', ['gina']],
]

function submitFor(amountMinor: number, currency: Currency, rate: string): JustificationEvent {
  const prepared = prepareSubmission({ requesterId: 'alice', carryingGroupId: 'MSC', amountMinor, currency, rate, policies: [DEFAULT_SIGNATURE_POLICY], org, at: at() })
  if (!prepared.ok) throw new Error(prepared.message)
  return prepared.event
}

type Path = { name: string; events: (signatories: string[], submit: () => JustificationEvent) => JustificationEvent[]; final: string }

/** Every way through the machine for a chain of n signatories: sign all, or stop at step k. */
function pathsFor(signatories: string[]): Path[] {
  const signUpTo = (k: number) => signatories.slice(0, k).map((id) => ev.sign(id))
  const paths: Path[] = [
    { name: 'withdrawn as a draft', events: () => [ev.saveDraft(), ev.withdraw()], final: 'withdrawn' },
    { name: 'all sign', events: (s, submit) => [ev.edit(), submit(), ...signUpTo(s.length)], final: 'approved' },
  ]
  signatories.forEach((signatory, k) => {
    paths.push(
      { name: `rejected at step ${k + 1}`, events: (_, submit) => [submit(), ...signUpTo(k), ev.reject(signatory)], final: 'rejected' },
      { name: `withdrawn while step ${k + 1} waits`, events: (_, submit) => [submit(), ...signUpTo(k), ev.withdraw()], final: 'withdrawn' },
      { name: `changes requested at step ${k + 1}, edited, resubmitted, all sign`, events: (s, submit) => [submit(), ...signUpTo(k), ev.requestChanges(signatory), ev.edit(), submit(), ...signUpTo(s.length)], final: 'approved' },
      { name: `changes requested at step ${k + 1}, then withdrawn`, events: (_, submit) => [submit(), ...signUpTo(k), ev.requestChanges(signatory), ev.withdraw()], final: 'withdrawn' },
    )
  })
  return paths
}

describe.each(boundaryCases)('%s', (_, amountMinor, currency, rate, signatories) => {
  it(`needs ${signatories.length === 0 ? 'no signature' : signatories.join(' then ')}`, () => {
    const submit = submitFor(amountMinor, currency, rate)
    expect(submit.type === 'SUBMIT' && submit.chain.map((s) => s.signatoryId)).toEqual(signatories)
  })

  if (signatories.length === 0) {
    it('is approved on submission, recorded as approved without signature', () => {
      const result = last(run([submitFor(amountMinor, currency, rate)]))
      expect(result.state).toBe('approved')
      expect(result.snapshot.status).toBe('done')
      expect(result.snapshot.context).toMatchObject({ approvedWithoutSignature: true, chain: [], currentStepIndex: null, decision: { kind: 'APPROVED', by: 'alice' } })
      expect(result.effects.map((e) => e.type)).toEqual(['SUBMITTED', 'APPROVED'])
      expect(result.effects[1]).toMatchObject({ withoutSignature: true })
    })
    return
  }

  it.each(pathsFor(signatories).map((p) => [p.name, p] as const))('path: %s', (_name, path) => {
    const results = run(path.events(signatories, () => submitFor(amountMinor, currency, rate)))
    const final = last(results)
    expect(final.state).toBe(path.final)
    expect(final.snapshot.status).toBe('done')
    expect(final.snapshot.context.approvedWithoutSignature).toBe(false)
    // Nobody self-signs and nobody signs twice, whatever the path.
    const signers = results.flatMap((r) => r.effects.flatMap((e) => (e.type === 'STEP_SIGNED' ? [e.step.signatoryId] : [])))
    expect(signers).not.toContain('alice')
    const perRound = results.filter((r) => r.effects.some((e) => e.type === 'APPROVED')).map((r) => r.snapshot.context.chain.map((s) => s.decidedBy))
    for (const deciders of perRound) expect(deciders).toEqual(signatories)
  })
})

describe('awaiting signature', () => {
  const twoSteps = [step('gina', 0), step('dave', 1)]

  it('shows which step is done, pending and to come, with who decided and when', () => {
    const [submitted, firstSigned] = run([ev.submit(twoSteps), { type: 'SIGN', actorId: 'gina', at: '2025-02-11T08:00:00.000Z', comment: 'Only supplier.' }])
    expect(submitted?.snapshot.context.chain.map((s) => s.status)).toEqual(['pending', 'to-come'])
    expect(submitted?.snapshot.context.currentStepIndex).toBe(0)
    const context = firstSigned?.snapshot.context
    expect(context?.chain.map((s) => s.status)).toEqual(['done', 'pending'])
    expect(context?.currentStepIndex).toBe(1)
    expect(context?.chain[0]).toMatchObject({ decidedBy: 'gina', decidedAt: '2025-02-11T08:00:00.000Z', comment: 'Only supplier.' })
  })

  it('derives the effects the persistence layer needs', () => {
    const [submitted, signed, approved] = run([ev.submit(twoSteps), ev.sign('gina'), ev.sign('dave')])
    expect(submitted?.effects).toEqual([
      expect.objectContaining({ type: 'SUBMITTED', round: 1, policyVersion: 1, amountChfMinor: 5_000_001, stepCount: 2, by: 'alice' }),
      expect.objectContaining({ type: 'STEP_ASSIGNED', stepIndex: 0, step: expect.objectContaining({ signatoryId: 'gina' }) }),
    ])
    expect(signed?.effects.map((e) => e.type)).toEqual(['ASSIGNMENT_ENDED', 'STEP_SIGNED', 'STEP_ASSIGNED'])
    expect(signed?.effects[2]).toMatchObject({ stepIndex: 1, step: { signatoryId: 'dave' } })
    expect(approved?.effects.map((e) => e.type)).toEqual(['ASSIGNMENT_ENDED', 'STEP_SIGNED', 'APPROVED'])
    expect(approved?.effects[2]).toMatchObject({ withoutSignature: false, by: 'dave' })
  })

  it('records the rejection reason and marks the later steps as never reached', () => {
    const [, rejected] = run([ev.submit(twoSteps), ev.reject('gina', 'Competition is possible.')])
    expect(rejected?.snapshot.context.decision).toMatchObject({ kind: 'REJECTED', by: 'gina', text: 'Competition is possible.' })
    expect(rejected?.snapshot.context.chain.map((s) => s.status)).toEqual(['rejected', 'not-reached'])
    expect(rejected?.effects).toEqual([
      { type: 'ASSIGNMENT_ENDED', stepIndex: 0, signatoryId: 'gina' },
      expect.objectContaining({ type: 'REJECTED', stepIndex: 0, by: 'gina', reason: 'Competition is possible.' }),
    ])
  })

  it('starts the chain again after changes are requested and the requester resubmits', () => {
    const results = run([ev.submit(twoSteps), ev.sign('gina'), ev.requestChanges('dave', 'Add the quote.'), ev.edit(), ev.submit([step('hugo', 0), step('dave', 1)])])
    const [, , returned, edited, resubmitted] = results
    expect(returned?.state).toBe('changesRequested')
    expect(returned?.snapshot.context.chain.map((s) => s.status)).toEqual(['done', 'returned'])
    expect(returned?.effects.map((e) => e.type)).toEqual(['ASSIGNMENT_ENDED', 'CHANGES_REQUESTED'])
    expect(returned?.effects[1]).toMatchObject({ stepIndex: 1, by: 'dave', comment: 'Add the quote.' })
    expect(edited?.effects.map((e) => e.type)).toEqual(['EDITED'])
    expect(resubmitted?.snapshot.context).toMatchObject({ round: 2, currentStepIndex: 0, decision: null })
    expect(resubmitted?.snapshot.context.chain.map((s) => [s.signatoryId, s.status, s.decidedBy])).toEqual([
      ['hugo', 'pending', null],
      ['dave', 'to-come', null],
    ])
    expect(resubmitted?.effects.map((e) => e.type)).toEqual(['SUBMITTED', 'STEP_ASSIGNED'])
  })

  it('hands the current step to someone else, keeping the history', () => {
    const [, reassigned] = run([ev.submit(twoSteps), ev.reassign('dora')])
    const current = reassigned?.snapshot.context.chain[0]
    expect(current).toMatchObject({ signatoryId: 'dora', status: 'pending', reason: 'ESCALATED_OVERDUE', originalSignatoryId: 'gina' })
    expect(current?.reassignments).toEqual([expect.objectContaining({ fromSignatoryId: 'gina', toSignatoryId: 'dora', by: 'procurement' })])
    expect(reassigned?.effects.map((e) => e.type)).toEqual(['ASSIGNMENT_ENDED', 'STEP_REASSIGNED', 'STEP_ASSIGNED'])
    expect(reassigned?.effects[0]).toEqual({ type: 'ASSIGNMENT_ENDED', stepIndex: 0, signatoryId: 'gina' })
  })
})

describe('refusals: reported, never silently ignored', () => {
  const twoSteps = [step('gina', 0), step('dave', 1)]
  const awaiting = () => store(last(run([ev.submit(twoSteps)])))

  it.each<[string, () => JustificationEvent, string]>([
    ['the next signatory signing out of turn', () => ev.sign('dave'), 'NOT_CURRENT_SIGNATORY'],
    ['an outsider signing', () => ev.sign('mallory'), 'NOT_CURRENT_SIGNATORY'],
    ['the requester signing', () => ev.sign('alice'), 'SELF_APPROVAL'],
    ['the requester rejecting', () => ev.reject('alice'), 'SELF_APPROVAL'],
    ['a rejection without reason', () => ev.reject('gina', '   '), 'INVALID_EVENT'],
    ['a change request without comment', () => ev.requestChanges('gina', ''), 'INVALID_EVENT'],
    ['a decision without time', () => ({ type: 'SIGN', actorId: 'gina', at: '' }), 'INVALID_EVENT'],
    ['a withdrawal by someone else', () => ev.withdraw('gina'), 'NOT_REQUESTER'],
    ['an edit while awaiting signature', () => ev.edit(), 'NOT_ALLOWED_IN_STATE'],
    ['a second submission while awaiting signature', () => ev.submit(twoSteps), 'NOT_ALLOWED_IN_STATE'],
    ['reassigning to the requester', () => ev.reassign('alice'), 'INVALID_REASSIGNMENT'],
    ['reassigning to someone later in the chain', () => ev.reassign('dave'), 'INVALID_REASSIGNMENT'],
    ['the requester reassigning', () => ev.reassign('dora', 'alice'), 'NOT_REQUESTER'],
  ])('%s', (_, event, refusal) => {
    const stored = awaiting()
    const result = sendAndSnapshot(stored, event(), input)
    expect(result).toMatchObject({ changed: false, refusal, state: 'awaitingSignature', effects: [] })
    expect(result.message).toEqual(expect.any(String))
    expect(JSON.parse(JSON.stringify(result.persisted))).toEqual(stored.persisted)
  })

  it.each<[string, JustificationEvent, string]>([
    ['a submission by someone else', ev.submit([step('gina', 0)], 5_000_000, 'gina'), 'NOT_REQUESTER'],
    ['a chain in which the requester signs', ev.submit([step('alice', 0)]), 'INVALID_CHAIN'],
    ['a chain in which someone signs twice', ev.submit([step('gina', 0), step('gina', 1)]), 'INVALID_CHAIN'],
    ['a chain out of policy order', ev.submit([step('gina', 1), step('dave', 0)]), 'INVALID_CHAIN'],
    ['a signature on a draft', ev.sign('gina'), 'NOT_ALLOWED_IN_STATE'],
    ['an edit by someone else', ev.edit('gina'), 'NOT_REQUESTER'],
  ])('on a draft: %s', (_, event, refusal) => {
    expect(sendAndSnapshot(null, event, input)).toMatchObject({ changed: false, refusal, state: 'draft' })
  })

  it.each(['approved', 'rejected', 'withdrawn'])('anything after the justification is %s', (final) => {
    const events = { approved: [ev.submit([])], rejected: [ev.submit(twoSteps), ev.reject('gina')], withdrawn: [ev.withdraw()] }[final] ?? []
    const stored = store(last(run(events)))
    for (const event of [ev.sign('gina'), ev.withdraw(), ev.edit(), ev.submit(twoSteps)]) {
      expect(sendAndSnapshot(stored, event, input)).toMatchObject({ changed: false, refusal: 'ALREADY_FINAL', state: final })
    }
  })
})

describe('effectsOf', () => {
  it('finds nothing between identical snapshots', () => {
    const { snapshot } = last(run([ev.submit([step('gina', 0)])]))
    expect(effectsOf(snapshot, snapshot)).toEqual([])
  })

  it('works on persisted JSON as well as live snapshots', () => {
    const [a, b] = run([ev.submit([step('gina', 0)]), ev.sign('gina')])
    if (!a || !b) throw new Error('missing results')
    const json = (x: unknown) => JSON.parse(JSON.stringify(x))
    expect(effectsOf(json(a.persisted), json(b.persisted))).toEqual(b.effects)
  })

  it('is tied to this machine version', () => {
    expect(JUSTIFICATION_MACHINE_VERSION).toBe(1)
  })
})

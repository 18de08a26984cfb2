/**
 * Model-based coverage: let @xstate/graph explore the machine over a finite set of events
 * (right and wrong people, valid and invalid chains) and check reachability and invariants on
 * every path it finds, replaying each through JSON storage as the application does.
 */
import { getShortestPaths, getSimplePaths } from '@xstate/graph'
import { describe, expect, it } from 'vitest'
import { sendAndSnapshot, type StoredJustification } from './justification-actor.ts'
import { justificationMachine } from './justification-machine.ts'
import { finalStates, justificationStates, type JustificationContext, type JustificationEvent } from './justification-types.ts'
import { input, step } from './machine.test-support.ts'

const AT = '2025-02-10T09:00:00.000Z'
const people = ['alice', 'gina', 'dave', 'dora', 'mallory']
const chains = {
  none: [],
  one: [step('gina', 0)],
  two: [step('gina', 0), step('dave', 1)],
  selfSigned: [step('alice', 0)],
}

const events: JustificationEvent[] = [
  ...Object.values(chains).map((chain): JustificationEvent => ({ type: 'SUBMIT', actorId: 'alice', at: AT, chain, policyVersion: 1, amountChfMinor: 5_000_001 })),
  { type: 'SUBMIT', actorId: 'gina', at: AT, chain: chains.one, policyVersion: 1, amountChfMinor: 1_000_001 },
  ...people.flatMap((actorId): JustificationEvent[] => [
    { type: 'SIGN', actorId, at: AT },
    { type: 'REJECT', actorId, at: AT, reason: 'No.' },
    { type: 'REQUEST_CHANGES', actorId, at: AT, comment: 'More detail.' },
    { type: 'WITHDRAW', actorId, at: AT },
    { type: 'EDIT', actorId, at: AT },
    { type: 'SAVE_DRAFT', actorId, at: AT },
  ]),
  { type: 'REJECT', actorId: 'gina', at: AT, reason: '' },
  ...['dora', 'alice', 'dave'].map((toSignatoryId): JustificationEvent => ({ type: 'REASSIGN_STEP', actorId: 'procurement', at: AT, toSignatoryId, reason: 'ESCALATED_OVERDUE', explanation: 'Overdue.' })),
]

// Counters and times grow without bound; leaving them out keeps the explored graph finite.
const serializeState = (snapshot: { value: unknown; context: JustificationContext }) =>
  JSON.stringify({
    value: snapshot.value,
    steps: snapshot.context.chain.map((s) => [s.signatoryId, s.status]),
    current: snapshot.context.currentStepIndex,
    withoutSignature: snapshot.context.approvedWithoutSignature,
  })

const options = { input, events, serializeState }

function assertInvariants(value: unknown, context: JustificationContext) {
  const signatories = context.chain.map((s) => s.signatoryId)
  expect(signatories).not.toContain(context.requesterId)
  expect(new Set(signatories).size).toBe(signatories.length)
  expect(context.chain.filter((s) => s.status === 'pending')).toHaveLength(value === 'awaitingSignature' ? 1 : 0)
  if (value === 'awaitingSignature') expect(context.chain[context.currentStepIndex ?? -1]?.status).toBe('pending')
  if (value === 'approved') {
    expect(context.chain.every((s) => s.status === 'done')).toBe(true)
    expect(context.approvedWithoutSignature).toBe(context.chain.length === 0)
    for (const s of context.chain) expect(s.decidedBy).toBe(s.signatoryId)
  }
}

describe('model-based paths', () => {
  const shortest = getShortestPaths(justificationMachine, options)

  it('reaches every state of the machine', () => {
    const reached = new Set(shortest.map((p) => p.state.value))
    expect([...reached].sort()).toEqual([...justificationStates].sort())
    expect(Object.keys(justificationMachine.states).sort()).toEqual([...justificationStates].sort())
  })

  it('reaches every final state', () => {
    for (const final of finalStates) expect(shortest.some((p) => p.state.value === final && p.state.status === 'done')).toBe(true)
  })

  it('reaches approval both with and without signatures', () => {
    const approved = shortest.filter((p) => p.state.value === 'approved')
    expect(approved.some((p) => p.state.context.approvedWithoutSignature)).toBe(true)
    expect(approved.some((p) => p.state.context.chain.length === 2)).toBe(true)
  })

  it('replays every shortest path through JSON storage to the same state, keeping the invariants', () => {
    expect(shortest.length).toBeGreaterThan(10)
    for (const path of shortest) {
      let stored: StoredJustification | null = null
      for (const { event } of path.steps) {
        // The first step of each path is xstate's own init event, not one of ours.
        if ((event as { type: string }).type === 'xstate.init') continue
        const result = sendAndSnapshot(stored, event, input)
        expect(result.changed).toBe(true)
        assertInvariants(result.state, result.snapshot.context)
        stored = { machineVersion: result.machineVersion, persisted: JSON.parse(JSON.stringify(result.persisted)) }
      }
      if (stored) expect(serializeState(stored.persisted as never)).toBe(serializeState(path.state))
    }
  })

  it('keeps the invariants on every simple path, and every final state ends some of them', () => {
    const simple = getSimplePaths(justificationMachine, options)
    expect(simple.length).toBeGreaterThan(shortest.length)
    for (const final of finalStates) expect(simple.some((p) => p.state.value === final)).toBe(true)
    for (const path of simple) {
      for (const { state } of path.steps) assertInvariants(state.value, state.context)
      // No path lets the requester, or anyone outside the chain, decide.
      for (const { event } of path.steps) {
        if (event.type === 'SIGN' || event.type === 'REJECT' || event.type === 'REQUEST_CHANGES') expect(event.actorId).not.toBe('alice')
      }
    }
  })
})

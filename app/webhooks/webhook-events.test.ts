import { describe, expect, test } from 'vitest'
import { webhookEventsOf } from './webhook-events'

describe('webhook events made by audit events', () => {
  const subject = 'justification:5b0c8d1e-0000-4000-8000-000000000001'
  const justificationId = '5b0c8d1e-0000-4000-8000-000000000001'

  test('a signatory’s rejection is a step decided and a rejected justification, without its reason', () => {
    const events = webhookEventsOf('JUSTIFICATION_REJECTED', { stepIndex: 1, reason: 'Too expensive, ask again', via: 'link' }, subject)
    expect(events).toEqual([
      {
        type: 'justification.step_decided',
        data: {
          justificationId,
          stepIndex: 1,
          decision: 'rejected',
          via: 'link',
        },
      },
      {
        type: 'justification.rejected',
        data: { justificationId, stepIndex: 1 },
      },
    ])
    expect(JSON.stringify(events)).not.toContain('expensive')
  })

  test('changes asked at a step are a step decided; a rejection outside any step is only a rejection', () => {
    expect(webhookEventsOf('CHANGES_REQUESTED', { stepIndex: 0, comment: 'Add the quote', via: 'app' }, subject)).toEqual([
      {
        type: 'justification.step_decided',
        data: {
          justificationId,
          stepIndex: 0,
          decision: 'changes_requested',
          via: 'app',
        },
      },
    ])
    expect(webhookEventsOf('JUSTIFICATION_REJECTED', { stepIndex: null, reason: 'x', via: 'app' }, subject).map((e) => e.type)).toEqual(['justification.rejected'])
  })

  test('an import is one event with its counts; a country leaving very poorly balanced says so', () => {
    expect(
      webhookEventsOf(
        'CONTRACT_IMPORT_FINISHED',
        {
          importJobId: 'j1',
          fileName: 'erp.csv',
          imported: 120_000,
          unchanged: 3,
          rejected: 2,
        },
        'import:j1',
      ),
    ).toEqual([
      {
        type: 'contracts.imported',
        data: {
          importJobId: 'j1',
          fileName: 'erp.csv',
          imported: 120_000,
          unchanged: 3,
          rejected: 2,
        },
      },
    ])
    expect(
      webhookEventsOf(
        'SPREAD_ALERT_RAISED',
        {
          alertId: 'a1',
          countryCode: 'PT',
          kind: 'LEFT_VERY_POORLY',
          coefficient: '0.87',
          cause: 'Award of PO-1',
        },
        'spread-alert:a1',
      ),
    ).toEqual([
      {
        type: 'return.very_poorly_balanced_changed',
        data: {
          alertId: 'a1',
          countryCode: 'PT',
          veryPoorlyBalanced: false,
          coefficient: '0.87',
        },
      },
    ])
  })

  test('other audit events make none', () => {
    expect(webhookEventsOf('STEP_ASSIGNED', {}, subject)).toEqual([])
    expect(webhookEventsOf('SIGNED_IN', { method: 'link' }, 'person:1')).toEqual([])
  })

  test('contracts recorded through the API are each a contract recorded, saying so; none recorded is no event', () => {
    const payload = { apiKeyId: 'k', recorded: 2, unchanged: 1, rejected: 0, contracts: [{ contractId: 'c1', orderNumber: 'PO-1' }, { contractId: 'c2', orderNumber: 'PO-2' }] }
    expect(webhookEventsOf('CONTRACTS_RECORDED_BY_API', payload, 'api-key:k')).toEqual([
      { type: 'contract.recorded', data: { contractId: 'c1', orderNumber: 'PO-1', source: 'api' } },
      { type: 'contract.recorded', data: { contractId: 'c2', orderNumber: 'PO-2', source: 'api' } },
    ])
    expect(webhookEventsOf('CONTRACTS_RECORDED_BY_API', { ...payload, recorded: 0, contracts: [] }, 'api-key:k')).toEqual([])
  })
})

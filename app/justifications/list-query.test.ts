import { describe, expect, test } from 'vitest'
import { said } from '~/i18n/said.test-support'
import { startOfDay } from '~/calendar/day-boundaries'
import { filterQueryString, sortableColumns } from './list-links'
import { MY_LIST_DEFAULT_SORT, parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT } from './list-query'

describe('list query parameters', () => {
  const parse = (query: string) => parseListQuery(new URLSearchParams(query), PROCUREMENT_LIST_DEFAULT_SORT)

  test('good values become filters', () => {
    const { query, problems } = parse(
      'status=APPROVED&q=cryo&department=0f3c2a34-1b7c-4e55-9a2e-3d4d5e6f7a8b&country=de&minChf=10%27000&maxChf=50%20000.50&from=2026-01-01&to=2026-12-31&sort=amount&dir=asc&page=2',
    )
    expect(Object.fromEntries(Object.entries(problems).map(([name, problem]) => [name, said.en(problem)]))).toEqual({})
    expect(query).toMatchObject({
      status: 'APPROVED',
      q: 'cryo',
      departmentId: '0f3c2a34-1b7c-4e55-9a2e-3d4d5e6f7a8b',
      supplierCountryCode: 'DE',
      minChfMinor: 1_000_000,
      maxChfMinor: 5_000_050,
      submittedFrom: '2026-01-01',
      submittedTo: '2026-12-31',
      sort: 'amount',
      dir: 'asc',
      page: 2,
    })
  })

  test('bad values are refused with a message and not applied; nothing throws', () => {
    const { query, problems } = parse('status=SIGNED&group=42&country=Germany&minChf=1e5&maxChf=-3&from=2026-02-30&sort=password&dir=up&page=-1')
    expect(Object.fromEntries(Object.entries(problems).map(([name, problem]) => [name, said.en(problem)]))).toEqual({
      status: 'Choose a status from the list.',
      group: 'Choose a group from the list.',
      country: 'Choose a country from the list.',
      minChf: expect.stringMatching(/exponent/),
      maxChf: expect.stringMatching(/positive/),
      from: 'Enter a date like 2026-03-01.',
    })
    expect(query).toMatchObject({ status: null, groupId: null, supplierCountryCode: null, minChfMinor: null, maxChfMinor: null, submittedFrom: null, sort: 'submitted', dir: 'desc', page: 1 })
  })

  test('a reversed range is refused', () => {
    expect(said.en(parse('minChf=500&maxChf=100').problems.maxChf ?? '')).toBe('The largest amount must not be below the smallest.')
    expect(said.en(parse('from=2026-05-01&to=2026-04-01').problems.to ?? '')).toBe('The last day must not be before the first.')
  })

  test('sort links flip the active column, keep the filters and drop the page', () => {
    const params = new URLSearchParams('status=APPROVED&sort=amount&dir=desc&page=3')
    const { query } = parseListQuery(params, MY_LIST_DEFAULT_SORT)
    const [amount, title] = sortableColumns(params, query, [
      { key: 'amount', label: 'Amount' },
      { key: 'title', label: 'Title' },
    ])
    expect(amount).toMatchObject({ ariaSort: 'descending', href: '?status=APPROVED&sort=amount&dir=asc' })
    expect(title).toMatchObject({ ariaSort: undefined, href: '?status=APPROVED&sort=title&dir=asc' })
    expect(filterQueryString(params)).toBe('?status=APPROVED')
    expect(filterQueryString(params, { keepSort: true })).toBe('?status=APPROVED&sort=amount&dir=desc')
  })

  test('a day starts at midnight in Geneva, summer and winter', () => {
    expect(startOfDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z')
    expect(startOfDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z')
    expect(startOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(startOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z')
  })
})

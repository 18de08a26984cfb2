import { describe, expect, test } from 'vitest'
import { isCrossSiteRequest } from './cross-site.server'

const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) })

describe('isCrossSiteRequest', () => {
  test.each([
    ['a POST from the same origin', request('POST', { 'sec-fetch-site': 'same-origin', host: 'app.test' }), false],
    ['a POST another site made the browser send', request('POST', { 'sec-fetch-site': 'cross-site', host: 'app.test' }), true],
    ['a POST from a sibling subdomain', request('POST', { 'sec-fetch-site': 'same-site', host: 'app.test' }), true],
    ['a GET from anywhere (GETs change nothing)', request('GET', { 'sec-fetch-site': 'cross-site' }), false],
    ['an older browser: Origin matches Host', request('POST', { origin: 'https://app.test', host: 'app.test' }), false],
    ['an older browser: Origin of another site', request('POST', { origin: 'https://evil.test', host: 'app.test' }), true],
    ['an opaque origin (sandboxed frame)', request('POST', { origin: 'null', host: 'app.test' }), true],
    ['no browser metadata at all (curl, server-to-server)', request('POST', { host: 'app.test' }), false],
  ])('%s', (_label, input, expected) => {
    expect(isCrossSiteRequest(input)).toBe(expected)
  })
})

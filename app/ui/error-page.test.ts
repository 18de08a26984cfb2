import { describe, expect, test } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { explainError, pageError, sameOriginReferrer, waysBack } from './error-page'

const english = translatorFor('en', 'common')
const french = translatorFor('fr', 'common')
const inEnglish = (text: string) => (english as (key: string) => string)(text.replace(/^common:/, ''))

// What the router hands a boundary for a thrown Response (isRouteErrorResponse reads this shape).
const thrown = (status: number, statusText: string, data: unknown) => ({ status, statusText, internal: false, data })
const request = (url: string, referer?: string) => new Request(url, referer ? { headers: { referer } } : {})

describe('error pages', () => {
  test('the Referer is a way back only from this site, and not when it is the page itself', () => {
    expect(sameOriginReferrer(request('https://app.example/justifications/1', 'https://app.example/approvals?page=2'))).toBe('/approvals?page=2')
    expect(sameOriginReferrer(request('https://app.example/justifications/1', 'https://evil.example/approvals'))).toBeUndefined()
    expect(sameOriginReferrer(request('https://app.example/justifications/1', 'https://app.example/justifications/1'))).toBeUndefined()
    expect(sameOriginReferrer(request('https://app.example/justifications/1'))).toBeUndefined()
  })

  test('a thrown pageError carries its title, words, status and the way back', async () => {
    const response = pageError(404, { title: 'No such justification', message: 'No justification has this reference.' }, request('https://app.example/justifications/x', 'https://app.example/justifications'))
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ title: 'No such justification', message: 'No justification has this reference.', back: '/justifications' })
  })

  test('what an error says: its own words, a route’s sentence, the status’s default, never the router’s text', () => {
    expect(explainError(thrown(403, 'Forbidden', { title: 'T', message: 'M', back: '/approvals' }))).toEqual({ status: 403, title: 'T', message: 'M', back: '/approvals' })
    expect(explainError(thrown(403, 'Forbidden', { title: 'T', message: 'M', back: '//evil.example/x' })).back).toBeUndefined()
    const notFound = explainError(thrown(404, 'Not Found', 'This import does not exist.'))
    expect([inEnglish(notFound.title), notFound.message]).toEqual(['Page not found', 'This import does not exist.'])
    expect(inEnglish(explainError(thrown(404, 'Not Found', 'Error: No route matches URL "/x"')).message)).toBe('There is no page at this address. The link may be mistyped or out of date.')
    const unexpected = explainError(new Error('boom'))
    expect([unexpected.status, inEnglish(unexpected.title)]).toEqual([null, 'Something went wrong'])
  })

  test('ways back: the page named or come from, the section (not a refused one), and home', () => {
    expect(waysBack('/justifications/x', { status: 404 }, english)).toEqual([
      { href: '/justifications', label: 'Back to My justifications' },
      { href: '/', label: 'Home page' },
    ])
    expect(waysBack('/industrial-return/import/x', { status: 404 }, english).map((w) => w.label)).toEqual(['Back to Industrial return', 'Home page'])
    expect(waysBack('/industrial-return/mine/x', { status: 404 }, english).map((w) => w.label)).toEqual(['Back to Our industrial return', 'Home page'])
    expect(waysBack('/admin/people/x', { status: 404 }, english).map((w) => w.label)).toEqual(['Back to Organisation', 'Home page'])
    expect(waysBack('/admin/people/x', { status: 403 }, english).map((w) => w.label)).toEqual(['Home page'])
    expect(waysBack('/justifications', { status: 500 }, english).map((w) => w.label)).toEqual(['Home page'])
    expect(waysBack('/justifications/x/edit', { status: 409, back: '/justifications/x', backLabel: 'Back to the justification' }, english).map((w) => w.label)).toEqual([
      'Back to the justification',
      'Back to My justifications',
      'Home page',
    ])
  })

  test('ways back in French', () => {
    expect(waysBack('/industrial-return/import/x', { status: 404 }, french).map((w) => w.label)).toEqual(['Retour à : Retour industriel', 'Page d’accueil'])
  })
})

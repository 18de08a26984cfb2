import { describe, expect, test } from 'vitest'
import { safeRedirectTarget } from './session.server'

describe('where to go after signing in', () => {
  test.each([
    ['/justifications?status=DRAFT', '/justifications?status=DRAFT'],
    ['/admin/people/42#positions', '/admin/people/42#positions'],
  ])('%s stays on the site', (target, expected) => {
    expect(safeRedirectTarget(target)).toBe(expected)
  })

  test.each(['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', 'javascript:alert(1)', '', null, undefined])(
    '%j goes home instead',
    (target) => {
      expect(safeRedirectTarget(target)).toBe('/')
    },
  )
})

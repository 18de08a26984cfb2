import { describe, expect, test } from 'vitest'
import { fieldErrorsIn } from '~/i18n/said.test-support'
import { parseForm } from '~/ui/parse-form'
import { COMMENT_MAX_LENGTH, CommentFormSchema } from './comment-form-schema'

const parse = (body: string) => {
  const submission = parseForm(new URLSearchParams({ body }), { schema: CommentFormSchema })
  return submission.status === 'success' ? { status: 'success' as const, value: submission.value, error: undefined } : { status: submission.status, value: undefined, error: submission.error }
}

describe('the comment form', () => {
  test('an empty or blank comment asks for one', () => {
    for (const body of ['', '   \n ']) expect(fieldErrorsIn('en', parse(body).error)).toEqual({ body: ['Write your comment before posting it.'] })
  })

  test('the body is trimmed and kept with its line breaks', () => {
    expect(parse('  First line.\nSecond line.  ').status).toBe('success')
    expect(parse('  First line.\nSecond line.  ').value).toEqual({ body: 'First line.\nSecond line.' })
  })

  test(`at most ${COMMENT_MAX_LENGTH} characters`, () => {
    expect(parse('x'.repeat(COMMENT_MAX_LENGTH)).status).toBe('success')
    expect(fieldErrorsIn('en', parse('x'.repeat(COMMENT_MAX_LENGTH + 1)).error).body?.[0]).toMatch(/at most 4000 characters/)
  })
})

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { NUL_MESSAGE, parseForm } from './parse-form'

const Schema = z.object({ title: z.string(), rows: z.array(z.object({ label: z.string().optional() })).optional() })

describe('parseForm', () => {
  it('refuses a NUL character on the field that holds it, whatever the schema allows', () => {
    const form = new URLSearchParams({ title: 'Cold\u0000heads', 'rows[1].label': 'a\u0000' })
    const submission = parseForm(form, { schema: Schema })
    if (submission.status === 'success') throw new Error('expected field errors')
    expect(submission.error).toMatchObject({ title: [NUL_MESSAGE], 'rows[1].label': [NUL_MESSAGE] })
  })

  it('accepts the same form without it', () => {
    const submission = parseForm(new URLSearchParams({ title: 'Cold heads' }), { schema: Schema })
    expect(submission.status === 'success' && submission.value).toEqual({ title: 'Cold heads' })
  })
})

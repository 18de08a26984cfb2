import { describe, expect, it } from 'vitest'
import { readForm, readUploadForm } from './request-body.server'

const post = (body: BodyInit | null, contentType?: string) =>
  new Request('http://localhost/anywhere', { method: 'POST', body, headers: contentType ? { 'Content-Type': contentType } : {} })

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() }
    throw thrown
  }
  throw new Error('expected a refusal')
}

describe('readForm', () => {
  it('reads urlencoded and multipart forms', async () => {
    expect((await readForm(post('a=1&b=two', 'application/x-www-form-urlencoded'))).get('b')).toBe('two')
    const multipart = new FormData()
    multipart.set('a', 'één')
    expect((await readForm(new Request('http://localhost/', { method: 'POST', body: multipart }))).get('a')).toBe('één')
  })

  it('answers 415 for a body that is not a form, naming what it got', async () => {
    expect(await refusal(readForm(post('{"a":1}', 'application/json')))).toMatchObject({ status: 415, text: expect.stringContaining('"application/json"') })
    expect(await refusal(readForm(post('a=1', 'text/plain')))).toMatchObject({ status: 415 })
    expect(await refusal(readForm(post(new TextEncoder().encode('a=1'))))).toMatchObject({ status: 415, text: expect.stringContaining('without a content type') })
  })

  it('answers 400 for a multipart body whose boundary is not in it', async () => {
    expect(await refusal(readForm(post('a=1', 'multipart/form-data; boundary=nope')))).toMatchObject({ status: 400, text: expect.stringContaining('could not be read') })
  })
})

describe('readUploadForm', () => {
  it('answers 415 for an urlencoded post, and reports a file over the limit to the page', async () => {
    expect(await refusal(readUploadForm(post('file=x.csv', 'application/x-www-form-urlencoded'), { maxFileBytes: 10 }))).toMatchObject({ status: 415 })
    const form = new FormData()
    form.set('file', new File(['0123456789abcdef'], 'big.csv', { type: 'text/csv' }))
    expect(await readUploadForm(new Request('http://localhost/', { method: 'POST', body: form }), { maxFileBytes: 10 })).toEqual({ ok: false, reason: 'file-too-large' })
    const small = await readUploadForm(new Request('http://localhost/', { method: 'POST', body: form }), { maxFileBytes: 100 })
    expect(small.ok && (small.form.get('file') as File).size).toBe(16)
  })
})

describe('the refusals’ language', () => {
  const fromFrench = (contentType: string, body: string, header: Record<string, string> = { 'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.5' }) =>
    new Request('http://localhost/anywhere', { method: 'POST', body, headers: { 'Content-Type': contentType, ...header } })

  it('is the client’s: French for a French Accept-Language or language cookie, the default without either', async () => {
    expect(await refusal(readForm(fromFrench('application/json', '{}')))).toEqual({
      status: 415,
      text: 'Cette adresse attend un formulaire (application/x-www-form-urlencoded ou multipart/form-data)\u00a0; la requête était «\u00a0application/json\u00a0».',
    })
    expect(await refusal(readForm(fromFrench('multipart/form-data; boundary=nope', 'a=1', { cookie: 'solesource_language=ImZyIg%3D%3D' })))).toMatchObject({
      status: 400,
      text: expect.stringMatching(/^Le formulaire n’a pas pu être lu/),
    })
    expect(await refusal(readUploadForm(fromFrench('application/x-www-form-urlencoded', 'file=x.csv'), { maxFileBytes: 10 }))).toMatchObject({
      status: 415,
      text: 'Ce formulaire envoie un fichier\u00a0: envoyez-le en multipart/form-data. Rien n’a été modifié.',
    })
    expect(await refusal(readForm(post('{}', 'application/json')))).toMatchObject({ text: expect.stringMatching(/^This address takes a form/) })
  })
})

import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { message, readMessage, translateMessage } from './message'

async function translator() {
  const instance = createInstance()
  await instance.init({
    lng: 'fr',
    resources: { fr: { forms: { required: 'Indiquez {{field}}.', plain: 'Texte simple.' } } },
    interpolation: { escapeValue: false },
  })
  return instance.t
}

describe('messages translated where they are shown', () => {
  it('carries a key and its values through one string', () => {
    const text = message('forms:required', { field: 'le montant', count: 3 })
    expect(readMessage(text)).toEqual({ key: 'forms:required', values: { field: 'le montant', count: 3 } })
    expect(readMessage(message('forms:plain'))).toEqual({ key: 'forms:plain', values: {} })
  })

  it('translates a message in the reader language', async () => {
    const t = await translator()
    expect(translateMessage(t, message('forms:required', { field: 'le montant' }))).toBe('Indiquez le montant.')
    expect(translateMessage(t, message('forms:plain'))).toBe('Texte simple.')
  })

  it('leaves text that is not a message as it is', async () => {
    const t = await translator()
    for (const text of ['Acme: the only supplier.', 'Sold out', 'a:b c', '']) expect(translateMessage(t, text)).toBe(text)
  })

  it('refuses to make a message of something that is not a key', () => {
    expect(() => message('Enter an amount.')).toThrow(/Not a message key/)
  })
})

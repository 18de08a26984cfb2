import { describe, expect, test } from 'vitest'
import { findMentions, splitAtMentions } from './mentions'

const rita = { id: 'rita', name: 'Rita Romano' }
const anna = { id: 'anna', name: 'Anna' }
const annaAndersson = { id: 'anna-andersson', name: 'Anna Andersson' }
const chloe = { id: 'chloe', name: 'Chloé Caron' }
const paula = { id: 'paula', name: 'Paula Procurement' }
const people = [rita, anna, annaAndersson, chloe, paula]

describe('mentions in a comment', () => {
  test('a full name after @ is a mention, whatever its case and accents', () => {
    const found = findMentions('@rita romano and @CHLOE CARON, please check.', people)
    expect(found.people).toEqual([rita, chloe])
    expect(found.unknown).toEqual([])
  })

  test('the longest name wins, and a name ends at a word boundary', () => {
    expect(findMentions('Thanks @Anna Andersson.', people).people).toEqual([annaAndersson])
    expect(findMentions('Thanks @Anna.', people).people).toEqual([anna])
    // "Annabel" is not "Anna": no mention, an unknown word instead.
    expect(findMentions('@Annabel knows', people)).toMatchObject({ people: [], unknown: ['@Annabel'] })
  })

  test('punctuation or the end of the text closes a name', () => {
    for (const body of ['(@Paula Procurement)', '@Paula Procurement: see the quote', '@Paula Procurement!', 'ask @Paula Procurement']) {
      expect(findMentions(body, people).people, body).toEqual([paula])
    }
  })

  test('an @ inside an email address is not a mention', () => {
    expect(findMentions('Write to rita.romano@example.org or paula@Paula Procurement', people)).toEqual({ people: [], unknown: [], spans: [] })
  })

  test('each person once, in order of first appearance; unknown @words reported once', () => {
    const found = findMentions('@Paula Procurement @Rita Romano @Paula Procurement @Paul Durand @Paul', people)
    expect(found.people).toEqual([paula, rita])
    expect(found.unknown).toEqual(['@Paul'])
    expect(found.spans).toHaveLength(3)
  })

  test('a lone @ or one before a space or a number sign is just a character', () => {
    expect(findMentions('meet @ 10:00 in room @ #3', people)).toEqual({ people: [], unknown: [], spans: [] })
  })

  test('spans point at the mention in the body as written, accents and doubled spaces included', () => {
    const body = 'Hi @Chloé  Caron, see page 2'
    const [span] = findMentions(body, people).spans
    expect(body.slice(span!.start, span!.end)).toBe('@Chloé  Caron')
    expect(splitAtMentions(body, [chloe])).toEqual([{ text: 'Hi ' }, { mention: '@Chloé  Caron', personId: 'chloe' }, { text: ', see page 2' }])
  })

  test('a decomposed accent in a name still matches', () => {
    expect(findMentions('@Chloe\u0301 Caron', people).people).toEqual([chloe])
  })
})

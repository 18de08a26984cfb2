import { describe, expect, test } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { translateMessage } from '~/i18n/message'
import { describePosition } from './describe'

const english = translatorFor('en', 'admin')
const french = translatorFor('fr', 'admin')

describe('describePosition', () => {
  test('says the position in the reader’s language, with its group, department or person', () => {
    const leader = describePosition({ kind: 'GROUP_LEADER', group: { code: 'EN-MME' } })
    expect(translateMessage(english, leader)).toBe('Leader of EN-MME')
    expect(translateMessage(french, leader)).toBe('Chef du groupe EN-MME')
    const head = describePosition({ kind: 'DEPARTMENT_HEAD', department: { code: 'EN' } })
    expect(translateMessage(english, head)).toBe('Head of EN')
    const deputy = describePosition({ kind: 'DEPUTY', deputyFor: { name: 'Marta Mendes' } })
    expect(translateMessage(english, deputy)).toBe('Deputy for Marta Mendes')
    expect(translateMessage(french, deputy)).toContain('Marta Mendes')
  })

  test('a position whose group, department or person is not read still reads as a sentence', () => {
    expect(translateMessage(english, describePosition({ kind: 'GROUP_LEADER', group: null }))).toBe('Leader of a group')
    expect(translateMessage(english, describePosition({ kind: 'DEPUTY' }))).toBe('Deputy for someone')
    expect(translateMessage(english, describePosition({ kind: 'FINANCE_COMMITTEE' }))).toBe('Finance Committee signatory')
  })
})

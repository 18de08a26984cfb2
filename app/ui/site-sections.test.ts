import { translatorFor } from '~/i18n/i18n.server'
import { describe, expect, test } from 'vitest'
import { isRestricted, opensFor, sectionOf, SITE_SECTIONS } from './site-sections'

const english = translatorFor('en', 'common')

const labelsFor = (visitor: Parameters<typeof opensFor>[1], localMailbox = false) =>
  SITE_SECTIONS.filter((section) => !section.notInMenu && opensFor(section, visitor, localMailbox)).map((section) => english(section.label))

describe('the sections of the site', () => {
  test('the menu shows each visitor the sections they may open, in order', () => {
    expect(labelsFor(null)).toEqual([])
    expect(labelsFor(null, true)).toEqual(['Local mailbox'])
    expect(labelsFor({ isAdministrator: false, isProcurementOfficer: false })).toEqual(['My justifications', 'Awaiting my signature', 'Our industrial return'])
    expect(labelsFor({ isAdministrator: false, isProcurementOfficer: true })).toEqual([
      'My justifications',
      'Awaiting my signature',
      'All justifications',
      'Industrial return',
      'Policy and rates',
      'Our industrial return',
    ])
    expect(labelsFor({ isAdministrator: true, isProcurementOfficer: false })).toContain('Outbox')
  })

  test('an address belongs to its most specific section', () => {
    expect(english(sectionOf('/industrial-return/mine')!.label)).toBe('Our industrial return')
    expect(english(sectionOf('/industrial-return/scales/2024')!.label)).toBe('Industrial return')
    expect(english(sectionOf('/admin/outbox')!.label)).toBe('Outbox')
    expect(english(sectionOf('/admin/people/1')!.label)).toBe('Organisation')
    expect(english(sectionOf('/justifications/abc/edit')!.label)).toBe('My justifications')
    expect(sectionOf('/justificationsX')).toBeUndefined()
    expect(sectionOf('/')).toBeUndefined()
  })

  test('sections for some roles only are restricted', () => {
    expect(SITE_SECTIONS.filter(isRestricted).map((section) => english(section.label))).toEqual(['All justifications', 'Industrial return', 'Policy and rates', 'Organisation', 'Outbox'])
  })
})

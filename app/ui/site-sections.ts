/**
 * The sections of the site, in the main menu's order: the menu lists the ones its visitor may open,
 * and an error page offers the section its address belongs to as the way back. One list, so that
 * the two never name or gate a section differently. Client-safe.
 */
import type commonMessages from '~/locales/en/common.json'

export type Audience = 'signed-in' | 'procurement' | 'administrator' | 'local-mailbox'

export type SiteSection = {
  /** Its name: a key of the common messages (`t(section.label)`). */
  label: `sections.${keyof (typeof commonMessages)['sections']}`
  href: string
  /** Who the menu shows it to: procurement means procurement officers and administrators. */
  audience: Audience
  /** Its link is current only on `href` itself, not below it (the pages below are other sections'). */
  exact?: boolean
  /** Reached from the header's own link (your name), not from the menu. */
  notInMenu?: boolean
}

export const SITE_SECTIONS: readonly SiteSection[] = [
  { label: 'sections.myJustifications', href: '/justifications', audience: 'signed-in', exact: true },
  { label: 'sections.awaitingMySignature', href: '/approvals', audience: 'signed-in' },
  { label: 'sections.allJustifications', href: '/procurement/justifications', audience: 'procurement' },
  { label: 'sections.industrialReturn', href: '/industrial-return', audience: 'procurement' },
  { label: 'sections.policyAndRates', href: '/admin/policy', audience: 'procurement' },
  { label: 'sections.ourIndustrialReturn', href: '/industrial-return/mine', audience: 'signed-in' },
  { label: 'sections.organisation', href: '/admin', audience: 'administrator', exact: true },
  { label: 'sections.outbox', href: '/admin/outbox', audience: 'administrator' },
  { label: 'sections.localMailbox', href: '/mailbox', audience: 'local-mailbox' },
  { label: 'sections.yourProfile', href: '/profile', audience: 'signed-in', notInMenu: true },
]

export type MenuVisitor = { isAdministrator: boolean; isProcurementOfficer: boolean } | null

/** Whether `visitor` may open the section (the menu shows it to them). */
export function opensFor(section: SiteSection, visitor: MenuVisitor, localMailbox: boolean): boolean {
  switch (section.audience) {
    case 'signed-in':
      return visitor !== null
    case 'procurement':
      return Boolean(visitor?.isProcurementOfficer || visitor?.isAdministrator)
    case 'administrator':
      return Boolean(visitor?.isAdministrator)
    case 'local-mailbox':
      return localMailbox
  }
}

/** The section an address belongs to: the one with the longest matching path (/industrial-return/mine is not /industrial-return). */
export function sectionOf(pathname: string): SiteSection | undefined {
  return [...SITE_SECTIONS]
    .sort((a, b) => b.href.length - a.href.length)
    .find((section) => pathname === section.href || pathname.startsWith(`${section.href}/`))
}

/** Open only to some roles: after a 403 it is no way back. */
export const isRestricted = (section: SiteSection) => section.audience === 'procurement' || section.audience === 'administrator'

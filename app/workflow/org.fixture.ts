/**
 * A small organisation for tests: two departments, four groups, and the awkward cases signatory
 * resolution must handle (a leader with a deputy, one without, a person who leads both a group
 * and its department, a vacant group, a hand-over between leaders, absences).
 */
import type { OrgSnapshot } from './org-snapshot.ts'

export const org: OrgSnapshot = {
  groups: [
    { id: 'MSC', departmentId: 'TE', name: 'Magnets (TE-MSC)' },
    { id: 'VSC', departmentId: 'TE', name: 'Vacuum (TE-VSC)' },
    { id: 'MME', departmentId: 'EN', name: 'Mechanics (EN-MME)' },
    { id: 'EMPTY', departmentId: 'EN', name: 'New group without a leader' },
  ],
  departments: [
    { id: 'TE', name: 'Technology' },
    { id: 'EN', name: 'Engineering' },
  ],
  people: [
    { id: 'alice', name: 'Alice Requester' },
    { id: 'gina', name: 'Gina Leader' },
    { id: 'hugo', name: 'Hugo Successor' },
    { id: 'dora', name: 'Dora Deputy' },
    { id: 'victor', name: 'Victor Vacuum' },
    { id: 'dave', name: 'Dave Head' },
    { id: 'dan', name: 'Dan Deputyhead' },
    { id: 'ed', name: 'Ed Both' },
    { id: 'emma', name: 'Emma Edsdeputy' },
    { id: 'rita', name: 'Rita Director' },
    { id: 'fiona', name: 'Fiona Finance' },
  ],
  positions: [
    { personId: 'gina', kind: 'GROUP_LEADER', groupId: 'MSC', from: '2020-01-01', to: '2025-06-30' },
    { personId: 'hugo', kind: 'GROUP_LEADER', groupId: 'MSC', from: '2025-07-01', to: null },
    { personId: 'dora', kind: 'DEPUTY', deputyForPersonId: 'gina', from: '2020-01-01' },
    { personId: 'victor', kind: 'GROUP_LEADER', groupId: 'VSC', from: '2020-01-01' },
    { personId: 'dave', kind: 'DEPARTMENT_HEAD', departmentId: 'TE', from: '2020-01-01' },
    { personId: 'dan', kind: 'DEPUTY', deputyForPersonId: 'dave', from: '2020-01-01' },
    { personId: 'ed', kind: 'GROUP_LEADER', groupId: 'MME', from: '2020-01-01' },
    { personId: 'ed', kind: 'DEPARTMENT_HEAD', departmentId: 'EN', from: '2020-01-01' },
    { personId: 'emma', kind: 'DEPUTY', deputyForPersonId: 'ed', from: '2025-01-01', to: '2025-12-31' },
    { personId: 'rita', kind: 'DIRECTOR', from: '2020-01-01' },
    { personId: 'fiona', kind: 'FINANCE_COMMITTEE', from: '2020-01-01' },
  ],
  absences: [
    // Gina's holiday, with Victor named to act for her during it (instead of her standing deputy).
    { personId: 'gina', from: '2025-03-03', to: '2025-03-07', deputyId: 'victor' },
    // A later absence with no named deputy: her standing deputy Dora acts.
    { personId: 'gina', from: '2025-05-01', to: '2025-05-09' },
    { personId: 'dora', from: '2025-05-05', to: '2025-05-06' },
  ],
}

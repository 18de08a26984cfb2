import type { SubmissionResult } from '@conform-to/react'
import { AbsenceForm, AbsenceList } from './absence-form'

/** A person's absences on their admin page, and the form that records one. */
export function AbsencesSection({
  person,
  people,
  lastResult,
}: {
  person: { name: string; absences: { id: string; period: string; deputy: string | null }[] }
  people: { id: string; name: string }[]
  lastResult: SubmissionResult<string[]> | undefined
}) {
  return (
    <section className="card" aria-labelledby="absences-heading">
      <h2 id="absences-heading">Absences</h2>
      <p className="hint">While {person.name} is away, signatures asked of them go to the deputy named here, else to their standing deputy, else one level up.</p>
      <AbsenceList absences={person.absences} empty="No absence recorded." withoutDeputy=", no named deputy" />
      <h3>Record an absence</h3>
      <AbsenceForm people={people} lastResult={lastResult} noDeputyLabel="—" submitLabel="Record absence" />
    </section>
  )
}

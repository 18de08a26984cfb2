import type { SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import { AbsenceForm, AbsenceList } from './absence-form'

/** A person's absences on their admin page, and the form that records one. */
export function AbsencesSection({
  person,
  people,
  lastResult,
}: {
  person: { name: string; absences: { id: string; startsOn: string; endsOn: string; deputy: string | null }[] }
  people: { id: string; name: string }[]
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('admin')
  const { period } = useFormats()
  const absences = person.absences.map((absence) => ({ id: absence.id, period: period(absence.startsOn, absence.endsOn), deputy: absence.deputy }))
  return (
    <section className="card" aria-labelledby="absences-heading">
      <h2 id="absences-heading">{t('person.absences.heading')}</h2>
      <p className="hint">{t('person.absences.hint', { name: person.name })}</p>
      <AbsenceList
        absences={absences}
        empty={t('person.absences.none')}
        withoutDeputy={t('person.absences.withoutDeputy')}
        withDeputy={(name) => t('person.absences.withDeputy', { name })}
      />
      <h3>{t('person.absences.recordHeading')}</h3>
      <AbsenceForm
        people={people}
        lastResult={lastResult}
        noDeputyLabel="—"
        submitLabel={t('person.absences.record')}
        labels={{ firstDay: t('person.absences.firstDay'), lastDay: t('person.absences.lastDay'), deputy: t('person.absences.deputy') }}
      />
    </section>
  )
}

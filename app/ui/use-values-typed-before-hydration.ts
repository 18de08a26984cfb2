import { useEffect } from 'react'

/** Reads a field of the form by name: its value, a radio group's chosen value, or undefined. */
export type ReadField = (name: string) => string | undefined

/**
 * What a person types or chooses before the page has hydrated is in the form's fields, but React
 * never heard of it: app/discrete-events-before-hydration.ts holds those events back (they would
 * make React hydrate too early), so no onChange ran. A form that mirrors some fields in state (to
 * preview the amount, check for a split purchase, suggest suppliers) reads them once, when it
 * hydrates, from the fields themselves, and so starts from what the page shows.
 */
export function useValuesTypedBeforeHydration(formId: string, readInto: (read: ReadField) => void) {
  useEffect(() => {
    const form = document.getElementById(formId)
    if (!(form instanceof HTMLFormElement)) return
    readInto((name) => {
      const field = form.elements.namedItem(name)
      // An input, select or textarea, or a RadioNodeList (radio buttons sharing the name).
      return field && 'value' in field && typeof field.value === 'string' ? field.value : undefined
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the form hydrates
  }, [formId])
}

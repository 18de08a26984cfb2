import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/languages'

/** One <option> per language, each named in its own language (and marked so for screen readers). */
export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </>
  )
}

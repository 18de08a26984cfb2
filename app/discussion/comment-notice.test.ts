import { expect, test } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { message, translateMessage } from '~/i18n/message'

// A list of names travels in a message as a list and is written in the reader's language where
// shown (Intl.ListFormat through i18next's list format), not joined in English where it is made.
test('the names a comment notice lists read as a list in the reader’s language', () => {
  const notice = message('forms:comment.postedAndTold', { names: ['Paula Procurement', 'Marta Mendes', 'Rita Romano'] })
  expect(translateMessage(translatorFor('en', 'forms'), notice)).toBe('Comment posted. An email tells Paula Procurement, Marta Mendes, and Rita Romano.')
  expect(translateMessage(translatorFor('fr', 'forms'), notice)).toBe('Commentaire publié. Un courriel prévient Paula Procurement, Marta Mendes et Rita Romano.')
  const unknown = message('forms:comment.unknown', { names: ['Zed', 'Ygritte'] })
  expect(translateMessage(translatorFor('en', 'forms'), unknown)).toContain('Nobody called Zed or Ygritte can be mentioned')
  expect(translateMessage(translatorFor('fr', 'forms'), unknown)).toContain('Personne ne s’appelle Zed ou Ygritte')
})

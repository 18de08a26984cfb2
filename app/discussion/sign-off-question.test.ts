import { expect, test } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { translateMessage } from '~/i18n/message'
import { questionSentMessage } from './sign-off-question'

// The names a signatory's question went to travel as a list and are joined in the reader's language.
test('the people a question was sent to read as a list in the reader’s language', () => {
  const sent = questionSentMessage(['A', 'B', 'C'])
  expect(translateMessage(translatorFor('fr', 'signoff'), sent)).toBe('Votre question a été envoyée à A, B et C. Ce lien fonctionne toujours : décidez quand vous aurez votre réponse.')
  expect(translateMessage(translatorFor('en', 'signoff'), sent)).toBe('Your question was sent to A, B, and C. This link still works: decide when you have your answer.')
  expect(translateMessage(translatorFor('fr', 'signoff'), questionSentMessage(['Rita Romano']))).toContain('envoyée à Rita Romano.')
})

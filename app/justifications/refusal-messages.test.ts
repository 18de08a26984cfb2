import { describe, expect, it } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { message, translateMessage } from '~/i18n/message'
import { justificationNoLongerEditable, noSuchJustification, notAllowedToEditJustification, notAllowedToSeeJustification } from './justification-refusals'
import { CHANGED_MEANWHILE } from './transition.server'

// The refusals of a justification's use cases and pages travel as messages: each page translates
// them where it shows them, so a French reader reads them in French.
const fr = (text: string) => translateMessage(translatorFor('fr', 'justifications'), text)
const en = (text: string) => translateMessage(translatorFor('en', 'justifications'), text)

async function problemOf(response: Response) {
  return (await response.json()) as { title: string; message: string; backLabel?: string }
}

describe('a transition’s refusals', () => {
  it('read in French for a French reader, in English for an English one', () => {
    expect(fr(CHANGED_MEANWHILE)).toBe('Cette justification a changé entre-temps (quelqu’un d’autre a agi dessus). Rien n’a été modifié\u00a0: la page montre maintenant son état actuel.')
    expect(en(CHANGED_MEANWHILE)).toMatch(/^This justification changed meanwhile/)
    expect(fr(message('justifications:refusals.notFound'))).toBe('Cette justification n’existe pas.')
    expect(fr(message('justifications:refusals.notPossibleNow'))).toBe('Cette action n’est pas possible pour le moment.')
    // The machine's own error (an unknown version) is kept as it is, inside the French sentence.
    expect(fr(message('justifications:refusals.unreadableSnapshot', { detail: 'machine version 7' }))).toBe(
      'Cette justification a été enregistrée par un circuit que cette version de SoleSource ne connaît pas (machine version 7). Rien n’a été modifié\u00a0; un administrateur doit la migrer.',
    )
  })
})

describe('a justification page’s error pages', () => {
  const request = new Request('http://localhost/justifications/x')

  it('say what happened in French', async () => {
    expect(await problemOf(noSuchJustification(request)).then((p) => [fr(p.title), fr(p.message)])).toEqual([
      'Justification introuvable',
      'Aucune justification ne porte cette référence. Le lien est peut-être mal saisi, ou provient d’une autre installation de SoleSource.',
    ])
    expect(fr((await problemOf(notAllowedToSeeJustification(request))).title)).toBe('Vous n’êtes pas autorisé à voir cette justification')
    expect(fr((await problemOf(notAllowedToEditJustification(request))).message)).toBe('Seule la personne qui a déposé une justification peut la modifier.')
  })

  it('name what became of a justification that can no longer be edited, in each language', async () => {
    const approved = await problemOf(justificationNoLongerEditable('j-1', 'APPROVED'))
    expect([fr(approved.title), fr(approved.message), fr(approved.backLabel!)]).toEqual([
      'Cette justification a été soumise\u00a0; elle ne peut plus être modifiée',
      'Seul un brouillon, ou une justification renvoyée pour modifications, peut être modifié. Celle-ci est approuvée.',
      'Retour à la justification',
    ])
    expect(en(approved.message)).toBe('Only a draft, or a justification sent back for changes, can be edited. This one is approved.')
    const withdrawn = await problemOf(justificationNoLongerEditable('j-1', 'WITHDRAWN'))
    expect([en(withdrawn.title), fr(withdrawn.message)]).toEqual([
      'This justification was withdrawn; it can no longer be edited',
      'Seul un brouillon, ou une justification renvoyée pour modifications, peut être modifié. Celle-ci est retirée.',
    ])
    expect(fr((await problemOf(justificationNoLongerEditable('j-1', 'AWAITING_SIGNATURE'))).message)).toMatch(/Celle-ci est en attente de signature\.$/)
  })
})

describe('the routes’ refusals', () => {
  it('read in French', () => {
    expect(translateMessage(translatorFor('fr', 'common'), message('common:requestRefusals.justificationNotFoundOrHidden'))).toBe('Cette justification n’existe pas, ou vous n’êtes pas autorisé à la voir.')
    expect(translatorFor('fr', 'justifications')('refusals.documentNotFound')).toBe('Aucun document n’a cette adresse.')
    expect(translatorFor('fr', 'justifications')('refusals.signOffDocumentNotFound')).toMatch(/^Aucun document n’a cette adresse\. S’il provient d’un lien de signature/)
    expect(translateMessage(translatorFor('fr', 'common'), message('common:requestRefusals.mailboxMessageNotFound'))).toBe('Ce message n’existe pas.')
  })
})

import { DefinitionList } from '~/ui/definition-list'
import { Notice } from '~/ui/notice'
import type { JustificationPageData } from './justification-details'
import { amountFact, boughtFact, originFact, reasonFacts, supplierFact } from './justification-facts'

/** What a signatory reads on a sign-off link's page before deciding: the facts, the flag, the signatures so far. */
export function SignOffJustification({ details }: { details: JustificationPageData }) {
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">The justification</h2>
      <DefinitionList
        facts={[{ term: 'Requester', details: `${details.requester}, ${details.group}` }, supplierFact(details), originFact(details), amountFact(details), ...reasonFacts(details), boughtFact(details)]}
      />
      {details.splitPurchaseFlag ? <Notice tone="error">Flagged as a possible split purchase.</Notice> : null}
      <h3>Signatures</h3>
      <ol className="chain">
        {details.chain.map((step) => (
          <li key={step.index}>
            <strong>{step.label}</strong>: {step.signatory}, {step.statusLabel.toLowerCase()}
            {step.decidedAt ? ` ${step.decidedAt}` : ''}
          </li>
        ))}
      </ol>
    </section>
  )
}

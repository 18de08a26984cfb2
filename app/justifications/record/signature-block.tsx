import { channelLabels, coveredText, type SignatureLine } from './signature-line'

// The signature block of a printed justification: each step's role, who decided (or is asked to),
// the decision, when (with the zone) and how (email link or the app). Shown in print, where the
// page's interactive chain is left out (app/styles.css, "print").

export function SignatureBlock({ lines, emptyText }: { lines: SignatureLine[]; emptyText: string }) {
  return (
    <section className="card signature-block print-only" aria-labelledby="signature-block-heading">
      <h2 id="signature-block-heading">Signatures</h2>
      {lines.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Signatory</th>
              <th scope="col">Decision</th>
              <th scope="col">When</th>
              <th scope="col">How</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index}>
                <td>{line.role}</td>
                <td>{line.person}</td>
                <td>
                  {line.outcome}
                  {line.comment ? <span className="hint"> “{line.comment}”</span> : null}
                  {coveredText(line) ? <span className="hint"> {coveredText(line)}</span> : null}
                </td>
                <td>{line.at ?? '—'}</td>
                <td>{line.channel ? channelLabels[line.channel] : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

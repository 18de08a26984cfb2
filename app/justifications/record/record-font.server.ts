import { existsSync } from 'node:fs'

// The font a justification's PDF is set in. PDF's standard Helvetica covers only WinAnsi (Western
// European), and names and text here may be Polish, Czech or Greek: an embedded TrueType font with
// Latin Extended and Greek is needed. None ships with an npm package we depend on at run time, so the
// Debian fonts are used: DejaVu Sans (fonts-dejavu-core, which fontconfig, and so Chromium, depends
// on: present wherever the browser suite runs) or Liberation Sans. Without either, the PDF falls
// back to Helvetica and says so on its first page (see render-justification-pdf.server.ts).

export type RecordFont = { name: string; regular: string; bold: string }

const CANDIDATES: RecordFont[] = [
  { name: 'DejaVu Sans', regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  { name: 'Liberation Sans', regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf' },
]

let found: RecordFont | null | undefined

/** The first installed candidate, looked up once per process; null when none is installed. */
export function findRecordFont(): RecordFont | null {
  if (found === undefined) found = CANDIDATES.find((font) => existsSync(font.regular) && existsSync(font.bold)) ?? null
  return found
}

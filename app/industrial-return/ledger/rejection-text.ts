/**
 * Why an import rejected a row, in the reader's language (client-safe: the job page and the
 * rejections CSV). Rows rejected since issue 14 store their reasons as messages (message-list.ts)
 * and are said in the language of whoever reads them; rows stored before, as an English sentence
 * ("Line 5: no supplier."), are shown as they were written.
 */
import { isMessageList, translateList, type Translate } from './message-list.ts'

export function rejectionText(t: Translate, rejection: { line: number; reason: string }): string {
  if (!isMessageList(rejection.reason)) return rejection.reason
  return String(t('return-data:import.rejection.text' as never, { line: rejection.line, reasons: translateList(t, rejection.reason).replace(/\.$/, '') } as never))
}

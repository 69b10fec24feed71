// The stated cost of a service call, for the demo's and the bench's simulated
// executions (and the long-run tests): Google publishes no figures, so these are
// ours, on the slow side of what Apps Script scripts commonly see — a Document
// service call 20 ms, a Drive API call 400 ms, anything else 5 ms. A run's
// plan in the add-on (src/core/batch.ts DEFAULT_COSTS) uses the same 20 ms.
import type { ServiceCall } from './fakes';

export const DOC_MS = 20;
export const DRIVE_MS = 400;
export const OTHER_MS = 5;

/** A call on the Document service or an object it hands out. */
export const isDocumentCall = (c: ServiceCall): boolean =>
  /^(DocumentApp|Document|Body|Paragraph|Text|Table|TableRow|TableCell|ListItem|InlineImage|HeaderSection|FooterSection|Container|Element)$/.test(c.service);

export function callMs(c: ServiceCall): number {
  if (c.service === 'Drive' || c.service === 'Files') return DRIVE_MS;
  return isDocumentCall(c) ? DOC_MS : OTHER_MS;
}

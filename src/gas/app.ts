// The menu commands, the sidebar and the reports: everything beyond the custom
// functions. The build makes this module (with zod/mini and the Docs code)
// initialise on its first call, so a custom-function recalculation, which
// loads the whole bundle, never sets it up. Functions only.
import { setupOitChecklist as oit } from './oit';
import { setupWorkbook as setup } from './setup';
import { openMeasuresSidebar as measures, openReports as reports, openTemplates as templates, sidebarCall as call } from './sidebar';

export function setupWorkbook(): void {
  setup();
}

export function setupOitChecklist(): void {
  oit();
}

export function openMeasuresSidebar(): void {
  measures();
}

export function openReports(): void {
  reports();
}

export function openTemplates(): void {
  templates();
}

export function sidebarCall(method: string, request: unknown): unknown {
  return call(method, request);
}

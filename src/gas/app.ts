// The menu commands, the sidebar and the reports: everything beyond the custom
// functions. The build makes this module (with zod/mini and the Docs code)
// initialise on its first call, so a custom-function recalculation, which
// loads the whole bundle, never sets it up. Functions only.
import { setupOitChecklist as oit } from './oit';
import { checkOitLinksFromMenu } from './links';
import { setupWorkbook as setup } from './setup';
import { setupUnitsWorkbook as setupUnits } from './units';
import { openReportDialog } from './reports';
import { openMeasuresSidebar as measures, sidebarCall as call } from './sidebar';
import { cancelBatchFromMenu, continueBatchReports as continueBatch, openBatchDialog } from './batch';

export function setupWorkbook(): void {
  setup();
}

/** Menu: ตั้งค่าหลายหน่วยงาน (the units sheet and the dashboard). */
export function setupUnitsWorkbook(): void {
  setupUnits();
}

export function setupOitChecklist(): void {
  oit();
}

/** Menu: ตรวจลิงก์หลักฐาน OIT. */
export function checkOitLinks(): void {
  checkOitLinksFromMenu();
}

export function openMeasuresSidebar(): void {
  measures();
}

/** Menu: สร้างรายงาน. */
export function openReports(): void {
  openReportDialog('report');
}

/** Menu: แม่แบบรายงาน (create a default template, or set one by its link). */
export function openTemplates(): void {
  openReportDialog('template');
}

/** Menu: สร้างรายงานหลายหน่วยงาน (one analysis report per unit of the units sheet). */
export function openBatchReports(): void {
  openBatchDialog();
}

/** Menu: ยกเลิกการสร้างรายงานหลายหน่วยงาน. */
export function cancelBatchReports(): void {
  cancelBatchFromMenu();
}

/** The hourly trigger of a batch run. */
export function continueBatchReports(e?: GoogleAppsScript.Events.TimeDriven): void {
  continueBatch(e);
}

export function sidebarCall(method: string, request: unknown): unknown {
  return call(method, request);
}

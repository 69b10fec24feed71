// Small runtime facts shared by the registry (build time) and the bundle.

/** Name of the global the bundle defines; generated stubs call through it. */
export const BUNDLE_GLOBAL = 'ItaSheets';

/** The help page the menu opens (an HTML file of the Apps Script project). */
export const HELP_FILE = 'help';

/** True only in the development build (esbuild defines it; see scripts/build.mjs). */
declare const __ITA_DEV__: boolean;
const DEV = typeof __ITA_DEV__ !== 'undefined' && __ITA_DEV__;

/** Add-on menu items, in order: caption (Thai) and the entry point it runs. */
export function menuItems(): readonly { readonly fn: string; readonly caption: string }[] {
  const dev = DEV ? [{ fn: 'runSelfCheck', caption: 'ตรวจสอบกับ Google (self-check)' }] : [];
  return [
    { fn: 'setupWorkbook', caption: 'ตั้งค่าสมุดงาน ITA' },
    { fn: 'setupUnitsWorkbook', caption: 'ตั้งค่าหลายหน่วยงาน' },
    { fn: 'openMeasuresSidebar', caption: 'บันทึกมาตรการ' },
    { fn: 'setupOitChecklist', caption: 'รายการตรวจ OIT' },
    { fn: 'checkOitLinks', caption: 'ตรวจลิงก์หลักฐาน OIT' },
    { fn: 'openReports', caption: 'สร้างรายงาน' },
    { fn: 'openTemplates', caption: 'แม่แบบรายงาน' },
    { fn: 'openBatchReports', caption: 'สร้างรายงานหลายหน่วยงาน' },
    { fn: 'cancelBatchReports', caption: 'ยกเลิกการสร้างรายงานหลายหน่วยงาน' },
    { fn: 'showFunctionHelp', caption: 'วิธีใช้สูตร ITA' },
    ...dev,
  ];
}

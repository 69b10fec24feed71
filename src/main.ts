// The bundle's entry: every entry point of src/entry/registry.ts, by name.
// The build checks that each registry entry is exported here.
export {
  ITA_GRADE,
  ITA_INDICATOR_NAME,
  ITA_LABEL,
  ITA_NEEDED,
  ITA_OIT,
  ITA_PASS,
  ITA_PROJECT,
  ITA_RULES,
  ITA_SCORE,
  ITA_THAI_DIGITS,
  ITA_TOOL_SCORE,
  ITA_VALUE,
  ITA_WEIGHTED,
  ITA_YEAR,
} from './core/functions';
export { onInstall, onOpen, showFunctionHelp } from './gas/menu';
export {
  cancelBatchReports,
  checkOitLinks,
  continueBatchReports,
  openBatchReports,
  openMeasuresSidebar,
  openReports,
  openTemplates,
  setupOitChecklist,
  setupUnitsWorkbook,
  setupWorkbook,
  sidebarCall,
} from './gas/app';

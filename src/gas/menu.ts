import { HELP_FILE, menuItems } from '../entry/menu';

/**
 * Builds the add-on menu. Runs in AuthMode.NONE too (before the add-on is
 * authorised in this file), so it only touches the UI: no properties, no data.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of menuItems()) menu.addItem(item.caption, item.fn);
  menu.addToUi();
}

/** Installing from the Marketplace: show the menu at once, without a reload. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: the function reference, in a dialog that stays open while the user types. */
export function showFunctionHelp(): void {
  const html = HtmlService.createHtmlOutputFromFile(HELP_FILE).setWidth(720).setHeight(560);
  SpreadsheetApp.getUi().showModelessDialog(html, 'สูตร ITA Sheets');
}

import { API_METHODS, type ApiMethod } from '../core/api';
import { isItaError } from '../core/errors';
import type { SidebarApi } from '../core/api';
import { measureApi } from './measures';
import { oitApi } from './oit';
import { oitCheckLinks } from './links';
import { reportApi } from './reports';
import { batchApi } from './batch';

/** The sidebar's file in the Apps Script project (dist/sidebar.html). */
export const SIDEBAR_FILE = 'sidebar';

/** Menu: บันทึกมาตรการ — opens the measures sidebar. */
export function openMeasuresSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle('บันทึกมาตรการ ITA');
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * The one server entry google.script.run calls from the sidebar. Requests and
 * answers pass through JSON, so no Date (or anything else JSON cannot carry)
 * crosses; an input error thrown on the way answers its Thai text.
 */
export function sidebarCall(method: string, request: unknown): unknown {
  if (!API_METHODS.includes(method as ApiMethod)) throw new Error(`unknown sidebar method: ${String(method)}`);
  const full: SidebarApi = { ...measureApi, ...reportApi, ...oitApi, oitCheckLinks, ...batchApi };
  const api = full as unknown as Record<ApiMethod, (r: unknown) => unknown>;
  const req: unknown = request === undefined || request === null ? {} : JSON.parse(JSON.stringify(request));
  try {
    return JSON.parse(JSON.stringify(api[method as ApiMethod](req) ?? null));
  } catch (e) {
    if (isItaError(e)) throw new Error(e.th);
    throw e;
  }
}

// The sidebar's calls to the server: one typed map, shared by both sides. Every
// request and answer is plain JSON (no Date: dates travel as ISO strings).
import type { Bilingual } from './errors';
import type { Measure } from './measures/model';
import type { OitReportItem, ReportKind } from './report/context';
import type { FieldErrors } from './measures/schema';
import type { SaveRequest } from './measures/store';

export interface MeasureView {
  readonly measure: Measure;
  /** Cells that could not be read as expected, in Thai. */
  readonly notes: readonly string[];
}

export interface DeletedView {
  readonly measure: Measure;
  readonly deletedAt: string;
  readonly deletedBy: string;
}

export interface ListAnswer {
  /** The fiscal year asked for, or the settings' year. */
  readonly fiscalYear: number;
  /** Fiscal years that have measures, and the settings' year. */
  readonly years: readonly number[];
  readonly measures: readonly MeasureView[];
  /** Indicator names 1–10, for the form. */
  readonly indicatorNames: readonly string[];
}

/** An operation that did not go ahead, and why. */
export type Refused =
  | { readonly ok: false; readonly kind: 'invalid'; readonly errors: FieldErrors }
  | { readonly ok: false; readonly kind: 'conflict' | 'missing' | 'setup' | 'busy' | 'failed' | 'copied'; readonly message: Bilingual };

export type Saved = { readonly ok: true; readonly measure: Measure } | Refused;
export type Done = { readonly ok: true } | Refused;

export interface TemplateInfo {
  readonly kind: ReportKind;
  readonly id: string;
  readonly url: string;
  readonly name: string;
}

/** The folder the add-on made for a fiscal year's reports (url "" until made). */
export interface ReportFolder {
  readonly year: number;
  readonly name: string;
  readonly url: string;
}

export interface ReportState {
  /** The settings' fiscal year. */
  readonly fiscalYear: number;
  /** Years that have scores or measures. */
  readonly years: readonly number[];
  /** Years whose ten scores can all be read, latest first: the analysis is offered for these. */
  readonly scoredYears: readonly number[];
  /** Years with measures, latest first: the progress report is offered for these. */
  readonly measureYears: readonly number[];
  /** Years with an OIT checklist sheet, latest first: the OIT progress report is offered for these. */
  readonly checklistYears: readonly number[];
  readonly templates: Partial<Record<ReportKind, TemplateInfo>>;
  /** Kinds whose template is set but cannot be opened with this account (deleted, or not shared). */
  readonly unreachable: readonly ReportKind[];
  /** Where each year's reports go: the add-on's own folder, named for the unit and year. */
  readonly folders: readonly ReportFolder[];
}

/** A report or template request that did not go ahead: why, and every problem found. */
export interface NotDone {
  readonly ok: false;
  readonly message: Bilingual;
  /** Each problem, in Thai. */
  readonly problems: readonly string[];
  /** The same problems in English, where they were written in both (cells of the scores sheet). */
  readonly problemsEn?: readonly string[];
}

export type ReportDone =
  | {
      readonly ok: true;
      readonly name: string;
      readonly url: string;
      readonly pdfUrl?: string;
      readonly folder: ReportFolder;
      /** The template the report was made from (a default one may have been made for it). */
      readonly template: TemplateInfo;
      readonly notes: readonly string[];
    }
  | NotDone;
export type TemplateDone = { readonly ok: true; readonly template: TemplateInfo; readonly notes: readonly string[] } | NotDone;

export interface ReportRequest {
  readonly kind: ReportKind;
  readonly fiscalYear: number;
  readonly digits: 'thai' | 'arabic';
  /** Whether typed text (measures, settings) takes those digits too; default: with Thai digits only. */
  readonly typedDigits?: boolean;
  /** The memo only: make the year's progress report too, and attach it (name and link) to the memo. */
  readonly withProgress?: boolean;
  readonly pdf: boolean;
}

/** What the evidence link check recorded of an item ('' where nothing). */
export interface OitLinkView {
  readonly status: string;
  readonly finalUrl: string;
  readonly contentType: string;
  readonly checkedAt: string;
  readonly flags: readonly string[];
}

/** An item of the OIT checklist sheet, with its 1-based row. */
export interface OitItemView extends OitReportItem {
  readonly row: number;
  /** The fiscal year its evidence must cover, and how that is known: a source states it, inferred (§8's rule), or typed in the sheet. */
  readonly evidence?: { readonly year: number; readonly how: 'stated' | 'inferred' | 'sheet' };
  /** Its title was not seen in any source: the one shown is a guess, or blank. */
  readonly titleNotSeen?: boolean;
  readonly link?: OitLinkView;
}

/** The item list a checklist was seeded from, as the tab tells it. */
export interface OitListInfo {
  /** The year whose list it is: a provisional list's is the year it was copied from. */
  readonly year: number;
  /** Another year's list standing in until the NACC publishes this year's. */
  readonly provisional: boolean;
  /** The grouping into sub-indicators and their names are inferred, not published. */
  readonly groupingInferred: boolean;
  readonly subNames: Readonly<Record<string, string>>;
}

export interface OitCalendarView {
  readonly provisional: boolean;
  readonly dates: readonly { readonly what: string; readonly from: string; readonly to: string }[];
  readonly oitCloses: string;
  /** Today in the spreadsheet's time zone, "yyyy-mm-dd". */
  readonly today: string;
  /** Days from today to the day the OIT window closes (negative once it has). */
  readonly daysLeft: number;
}

export interface OitProjection {
  /** The year whose IIT and EIT scores stand in for the coming ones. */
  readonly scoresYear: number;
  readonly ind9: number;
  readonly ind10: number;
  readonly oit: number;
  readonly total: number;
  readonly rating: string;
  readonly label: string;
  /** OIT score still needed to reach 85 / 95, or null when even 100 is not enough. */
  readonly neededFor85: number | null;
  readonly neededFor95: number | null;
  /** When the year's rules are provisional or inferred, in Thai (ITA_RULES' words); "" otherwise. */
  readonly rules: string;
}

export interface OitAnswer {
  readonly fiscalYear: number;
  /** The checklist sheet's name, "" when there is none yet. */
  readonly sheet: string;
  readonly items: readonly OitItemView[];
  readonly projection: OitProjection | undefined;
  /** Score cells (IIT/EIT indicators, year cells) that stop the projection, each named in Thai (empty when none). */
  readonly scoreProblems: readonly string[];
  /** Years the tab can switch to: those with a checklist sheet, the settings' year and the years around it. */
  readonly years: readonly number[];
  /** Names of indicators 9 and 10 for the group headings. */
  readonly indicatorNames: Readonly<Record<string, string>>;
  readonly list: OitListInfo | undefined;
  readonly calendar: OitCalendarView;
}

export type OitCreated = { readonly ok: true; readonly notes: readonly string[] } | { readonly ok: false; readonly message: Bilingual };

export interface OitLinkFinding {
  readonly row: number;
  readonly code: string;
  readonly item: string;
  readonly flags: readonly string[];
}

export type OitLinkCheck =
  | {
      readonly ok: true;
      readonly fiscalYear: number;
      /** Every item has been checked in this round. */
      readonly done: boolean;
      readonly checked: number;
      readonly total: number;
      /** Items this call wrote (0: no progress). */
      readonly written: number;
      /** UrlFetchApp calls this call made. */
      readonly calls: number;
      readonly findings: readonly OitLinkFinding[];
      /** Items (code, or title) with a person's formula in a cell of the check's columns: left as it is, the result not recorded whole. */
      readonly formulaCells: readonly string[];
    }
  | { readonly ok: false; readonly message: Bilingual };

export type OitSaved = { readonly ok: true } | { readonly ok: false; readonly message: Bilingual };

export interface SidebarApi {
  list(req: { readonly fiscalYear?: number }): ListAnswer;
  save(req: SaveRequest): Saved;
  remove(req: { readonly base: Measure }): Done;
  deleted(req: Record<string, never>): readonly DeletedView[];
  recover(req: { readonly id: string }): Saved;
  /** Refused as 'copied' when the next year seems to hold a copy already, unless `again` (the person confirmed). */
  duplicate(req: { readonly id: string; readonly base?: Measure; readonly again?: boolean }): Saved;
  reportState(req: Record<string, never>): ReportState;
  createTemplate(req: { readonly kind: ReportKind }): TemplateDone;
  setTemplate(req: { readonly kind: ReportKind; readonly url: string }): TemplateDone;
  generateReport(req: ReportRequest): ReportDone;
  oitList(req: { readonly fiscalYear?: number }): OitAnswer;
  oitSetStatus(req: { readonly fiscalYear: number; readonly code: string; readonly status: string; readonly evidenceUrl: string; readonly base: OitItemView }): OitSaved;
  oitCreate(req: { readonly fiscalYear: number }): OitCreated;
  oitCheckLinks(req: { readonly fiscalYear?: number }): OitLinkCheck;
  batchState(req: { readonly year?: number; readonly district?: string }): BatchState;
  batchStart(req: BatchStartRequest): BatchState;
  batchStep(req: Record<string, never>): BatchState;
  batchCancel(req: Record<string, never>): BatchState;
}

/** A batch run of analysis reports, one per unit of the units sheet (issue 12). */
export interface BatchStartRequest {
  readonly year: number;
  /** "" = every district. */
  readonly district: string;
  /** Make again the reports already done. */
  readonly redo?: boolean;
  readonly digits?: 'thai' | 'arabic';
}

export interface BatchProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly working: number;
  readonly todo: number;
}

export interface BatchState {
  readonly ok: boolean;
  /** Why nothing went ahead, or what happened last. */
  readonly message?: Bilingual;
  /** Years and districts of the units sheet, for the choice. */
  readonly years: readonly number[];
  readonly districts: readonly string[];
  /** The run in progress or last finished. */
  readonly run?: {
    readonly year: number;
    readonly district: string;
    readonly active: boolean;
    readonly cancelled: boolean;
    readonly finished: boolean;
    /** A quota stopped it: it goes on when Google allows (the trigger, or "ทำต่อ"). */
    readonly waitingForQuota: boolean;
    readonly executions: number;
    readonly resumptions: number;
    readonly folderUrl: string;
    /** Whether the hourly trigger carries it on without the dialog. */
    readonly automatic: boolean;
  };
  /** Rows of the chosen (or running) year and district, by state. */
  readonly progress?: BatchProgress;
  /** What the rest takes at the account's quotas. */
  readonly plan?: Bilingual & { readonly days: number; readonly executions: number; readonly perExecution: number };
  /** Rows that could not be reported, named ("อบต.… 2569: อ่านคะแนนไม่ได้ …"). */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

export type ApiMethod = keyof SidebarApi;

export const API_METHODS: readonly ApiMethod[] = ['list', 'save', 'remove', 'deleted', 'recover', 'duplicate', 'reportState', 'createTemplate', 'setTemplate', 'generateReport', 'oitList', 'oitSetStatus', 'oitCreate', 'oitCheckLinks', 'batchState', 'batchStart', 'batchStep', 'batchCancel'];

/** The one top-level function google.script.run calls: sidebarCall(method, request). */
export const SIDEBAR_ENTRY = 'sidebarCall';

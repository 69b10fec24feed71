// Loads the built bundle (dist/*.js) the way Apps Script does: every file, in
// clasp's push order, into one global scope, here a node:vm context that has
// only the JavaScript built-ins and the fakes of the services we use.
import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import vm from 'node:vm';
import {
  AUTH_MODE,
  FakeHtmlService,
  FakeLockService,
  FakeLogger,
  FakeSession,
  FakeSpreadsheetApp,
  FakeUi,
  FakeUtilities,
  instrument,
  type LockState,
  type ServiceCall,
  type ServiceLog,
} from './fakes';
import { FakeCharts, FakeDocumentApp, FakePropertiesService } from './document';
import { FakeAdvancedDrive, FakeDrive, MIME } from './drive';
import { FakeSpreadsheet, type FormulaEvaluator } from './spreadsheet';
import { evaluateFormula } from './formula';
import { resolve, type Variants } from './assumptions';
import { EXECUTION_LIMIT_MS, FakeUrlFetchApp, installClock, VirtualClock } from './urlfetch';
import { FakeScriptApp, TriggerStore } from './triggers';

/** The project root: npm scripts, vitest and the bench all run there. */
export const ROOT = process.cwd();
export const DIST = join(ROOT, 'dist');

/**
 * The .js files of dist/ in the order clasp pushes them: those named in
 * .clasp.json's filePushOrder first, in that order, then the rest by name
 * (clasp's Files.push sort). Apps Script runs the files in that order.
 * The development build (dist-dev/) is pushed with .clasp.dev.json.
 */
export function pushOrder(dist: string = DIST): string[] {
  const folder = relative(ROOT, dist);
  const project = folder === 'dist-dev' ? '.clasp.dev.json' : '.clasp.json';
  const clasp = JSON.parse(readFileSync(join(ROOT, project), 'utf8')) as { filePushOrder?: string[] };
  const order = (clasp.filePushOrder ?? []).map((p) => normalize(p));
  const files = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((f) => normalize(join(folder, f)));
  return files
    .sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      if (ia === -1 && ib === -1) return a.localeCompare(b);
      if (ia === -1) return 1;
      if (ib === -1) return -1;
      return ia - ib;
    })
    .map((f) => join(ROOT, f));
}

/** The source of every dist/*.js in push order, read once per process (per folder). */
const sources = new Map<string, { file: string; script: string }[]>();
export function bundleSources(dist: string = DIST): { file: string; script: string }[] {
  let s = sources.get(dist);
  if (!s) sources.set(dist, (s = pushOrder(dist).map((file) => ({ file, script: readFileSync(file, 'utf8') }))));
  return s;
}

export interface Harness {
  readonly context: vm.Context;
  readonly log: ServiceLog;
  readonly ui: FakeUi;
  readonly spreadsheet: FakeSpreadsheet;
  readonly locks: FakeLockService;
  readonly session: FakeSession;
  readonly drive: FakeDrive;
  readonly properties: FakePropertiesService;
  readonly charts: FakeCharts;
  /** UrlFetchApp over scripted sites (none: every address fails to resolve), bound by the manifest's urlFetchWhitelist. */
  readonly urlFetch: FakeUrlFetchApp;
  /** The sandbox's clock when one was given (HarnessOptions.clock); otherwise one that only the fetch fake reads. */
  readonly clock: VirtualClock;
  /** The variant of every undocumented behaviour this sandbox's fakes play. */
  readonly assumptions: Required<Variants>;
  /** Names of the service globals the sandbox provides. */
  readonly serviceGlobals: readonly string[];
  /** Calls logged on the Spreadsheet service and the objects it hands out. */
  spreadsheetCalls(): number;
  readonly logger: FakeLogger;
  readonly triggers: TriggerStore;
  readonly lockState: LockState;
  /** Runs every installed trigger once, each as a new execution (the hour has come). */
  fireTriggers(): number;
  /** Calls a top-level function of the bundle with values made in the sandbox's realm. */
  call(name: string, ...args: unknown[]): unknown;
  /** Evaluates code in the sandbox. */
  run(code: string): unknown;
}

export interface HarnessOptions {
  /** The spreadsheet the add-on runs in (default: an empty one). */
  readonly spreadsheet?: FakeSpreadsheet;
  /** The signed-in user's address. */
  readonly email?: string;
  /** Variants of Google's undocumented behaviours (default: the run's, see assumptions.ts). */
  readonly assume?: Variants;
  /** The built folder to load (default dist/; the development build is dist-dev/). */
  readonly dist?: string;
  /** A virtual clock for the sandbox's Date, moved by requests, enforcing the execution limit (default: real time). */
  readonly clock?: VirtualClock;
  /** Another execution of the same document: its spreadsheet, Drive, properties, lock, triggers and clock are this one's too. */
  readonly share?: Harness;
  /** Virtual milliseconds each service call takes (moves the clock; the execution limit then stops a long run). */
  readonly callMs?: (call: ServiceCall) => number;
}

/** Services whose calls count as Spreadsheet service calls. */
const SPREADSHEET_SERVICES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'DataValidationBuilder', 'DataValidation', 'Protection']);

/** Creates a fresh sandbox and loads the bundle into it. */
export function loadBundle(options: HarnessOptions = {}): Harness {
  const log: ServiceLog = [];
  const assumptions = resolve(options.assume);
  const ui = new FakeUi();
  const logger = new FakeLogger();
  const shared = options.share;
  const spreadsheet = shared?.spreadsheet ?? options.spreadsheet ?? new FakeSpreadsheet();
  spreadsheet.assume = assumptions;
  const lockState: LockState = shared?.lockState ?? {};
  const locks = new FakeLockService(lockState);
  const session = new FakeSession(options.email ?? shared?.session.email);
  const drive = shared?.drive ?? new FakeDrive();
  const properties = shared?.properties ?? new FakePropertiesService();
  const charts = new FakeCharts();
  const triggers = shared?.triggers ?? new TriggerStore();
  if (!shared) {
    // The spreadsheet lives in a folder of the user's own (which drive.file does not reach).
    const folder = drive.addFolder('งาน ITA');
    drive.files.set(spreadsheet.getId(), { id: spreadsheet.getId(), name: spreadsheet.getName(), mimeType: MIME.sheet, parents: [folder.id], trashed: false, byApp: false });
    drive.user = () => session.email;
    properties.user = () => session.email;
  }
  const clock = shared?.clock ?? options.clock ?? new VirtualClock(Date.now(), false);
  const urlFetch = new FakeUrlFetchApp(clock, assumptions);
  // Past the limit the execution is over: no later call of it reaches a service, whatever the code catches.
  const halted = () => clock.enforced && clock.now - clock.began > EXECUTION_LIMIT_MS;
  Object.defineProperty(log, 'halted', { value: halted, enumerable: false });
  const callMs = options.callMs;
  if (callMs) Object.defineProperty(log, 'tick', { value: (call: ServiceCall) => clock.advance(callMs(call)), enumerable: false });
  // The manifest's allowlist binds every fetch (manifest/allowlist-url).
  urlFetch.allowlist = (JSON.parse(readFileSync(join(options.dist ?? DIST, 'appsscript.json'), 'utf8')) as { urlFetchWhitelist?: string[] }).urlFetchWhitelist;
  const documentApp = new FakeDocumentApp(drive);
  documentApp.assume = assumptions;
  const spreadsheetApp = new FakeSpreadsheetApp(ui, spreadsheet);
  const globals: Record<string, unknown> = {
    SpreadsheetApp: instrument('SpreadsheetApp', spreadsheetApp, log),
    LockService: instrument('LockService', locks, log),
    Session: instrument('Session', session, log),
    Utilities: instrument('Utilities', new FakeUtilities(), log),
    DocumentApp: instrument('DocumentApp', documentApp, log),
    // The Advanced Drive service v3, enabled in the manifest (enabledAdvancedServices, userSymbol "Drive").
    Drive: instrument('Drive', new FakeAdvancedDrive(drive), log),
    Charts: instrument('Charts', charts, log),
    PropertiesService: instrument('PropertiesService', properties, log),
    UrlFetchApp: instrument('UrlFetchApp', urlFetch, log),
    HtmlService: instrument('HtmlService', new FakeHtmlService(DIST), log),
    ScriptApp: instrument('ScriptApp', new FakeScriptApp(triggers, AUTH_MODE), log),
    Logger: instrument('Logger', logger, log),
    console: instrument('console', { log: logger.log.bind(logger), info: logger.log.bind(logger), warn: logger.log.bind(logger), error: logger.log.bind(logger) }, log),
  };
  const serviceGlobals = Object.keys(globals);
  const context = vm.createContext(globals, { name: 'apps-script' });
  if (options.clock || shared?.clock.enforced) installClock((code) => vm.runInContext(code, context), context as Record<string, unknown>, clock);
  for (const { file, script } of bundleSources(options.dist)) {
    new vm.Script(script, { filename: file }).runInContext(context);
  }
  const realmArray = vm.runInContext('Array', context) as ArrayConstructor;
  const realmDate = vm.runInContext('Date', context) as DateConstructor;
  const toRealm = (v: unknown): unknown => {
    if (Array.isArray(v)) return realmArray.from(v.map(toRealm));
    if (v instanceof Date) return new realmDate(v.getTime());
    return v;
  };
  const fromRealm = (v: unknown): unknown => (Array.isArray(v) ? v.map(fromRealm) : v);
  if (!shared) spreadsheet.evaluator = formulaEvaluator(context, toRealm, fromRealm);
  const h: Harness = {
    context,
    log,
    ui,
    spreadsheet,
    locks,
    session,
    drive,
    properties,
    charts,
    urlFetch,
    clock,
    assumptions,
    serviceGlobals,
    spreadsheetCalls: () => log.filter((c) => SPREADSHEET_SERVICES.has(c.service)).length,
    logger,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`no top-level function ${name}`);
      let out: unknown;
      try {
        out = (fn as (...a: unknown[]) => unknown)(...args.map(toRealm));
      } catch (e) {
        if (halted()) throw new Error('Exceeded maximum execution time');
        throw e;
      }
      if (halted()) throw new Error('Exceeded maximum execution time');
      return fromRealm(out);
    },
    run(code) {
      return vm.runInContext(code, context);
    },
    triggers,
    lockState,
    fireTriggers() {
      let fired = 0;
      for (const t of [...triggers.triggers]) {
        if (!triggers.triggers.includes(t)) continue;
        clock.startExecution();
        spreadsheetApp.inTrigger = true;
        try {
          // The time-driven event object (guides/triggers/events#time-driven-events): authMode, triggerUid and the time's fields.
          h.call(t.handler, { authMode: AUTH_MODE.FULL, triggerUid: t.uid });
        } finally {
          spreadsheetApp.inTrigger = false;
        }
        fired++;
      }
      return fired;
    },
  };
  return h;
}

/**
 * Evaluates the formulas our code writes: one call of a top-level function of
 * the bundle (our custom functions), with ranges of the same sheet, quoted
 * strings and numbers as arguments. A range of one cell passes its value, a
 * larger one a 2-D array, as Sheets passes them. A thrown error shows as
 * "#ERROR!", as in Sheets. Any other formula goes to the evaluator of the few
 * native functions the dashboard uses (formula.ts), which hands calls of our
 * functions back here; a formula it cannot read shows "#NAME?".
 */
function formulaEvaluator(
  context: vm.Context,
  toRealm: (v: unknown) => unknown,
  fromRealm: (v: unknown) => unknown,
): FormulaEvaluator {
  return (formula, sheet) => {
    const m = /^=\s*([A-Z_][A-Z0-9_]*)\((.*)\)\s*$/is.exec(formula);
    const fn = m ? (context as Record<string, unknown>)[m[1]!.toUpperCase()] : undefined;
    if (!m || typeof fn !== 'function') {
      const custom = (name: string, args: unknown[]) => {
        const f = name.startsWith('ITA_') ? (context as Record<string, unknown>)[name] : undefined;
        if (typeof f !== 'function') return undefined;
        try {
          return { value: fromRealm((f as (...x: unknown[]) => unknown)(...args.map(toRealm))) };
        } catch {
          return { value: '#ERROR!' };
        }
      };
      try {
        return evaluateFormula(formula, { spreadsheet: sheet.spreadsheet, sheet, custom });
      } catch {
        return '#NAME?';
      }
    }
    const args = (m[2]!.match(/"(?:[^"]|"")*"|[^,]+/g) ?? []).map((raw) => {
      const a = raw.trim();
      if (a.startsWith('"')) return a.slice(1, -1).replace(/""/g, '"');
      if (/^[+-]?\d+(\.\d+)?$/.test(a)) return Number(a);
      const values = sheet.rangeA1(a).getValues();
      return values.length === 1 && values[0]!.length === 1 ? values[0]![0] : values;
    });
    try {
      return fromRealm((fn as (...x: unknown[]) => unknown)(...args.map(toRealm)));
    } catch {
      return '#ERROR!';
    }
  };
}

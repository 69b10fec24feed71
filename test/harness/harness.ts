// Loads the built bundle (dist/*.js) the way Apps Script does: every file, in
// clasp's push order, into one global scope, here a node:vm context that has
// only the JavaScript built-ins and the fakes of the services we use.
import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import vm from 'node:vm';
import {
  AUTH_MODE,
  FakeHtmlService,
  FakeLogger,
  FakeSpreadsheetApp,
  FakeUi,
  instrument,
  type ServiceLog,
} from './fakes';

/** The project root: npm scripts, vitest and the bench all run there. */
export const ROOT = process.cwd();
export const DIST = join(ROOT, 'dist');

/**
 * The .js files of dist/ in the order clasp pushes them: those named in
 * .clasp.json's filePushOrder first, in that order, then the rest by name
 * (clasp's Files.push sort). Apps Script runs the files in that order.
 */
export function pushOrder(dist: string = DIST): string[] {
  const clasp = JSON.parse(readFileSync(join(ROOT, '.clasp.json'), 'utf8')) as { filePushOrder?: string[] };
  const order = (clasp.filePushOrder ?? []).map((p) => normalize(p));
  const files = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((f) => normalize(join('dist', f)));
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

/** The source of every dist/*.js in push order, read once per process. */
let sources: { file: string; script: string }[] | undefined;
export function bundleSources(): { file: string; script: string }[] {
  return (sources ??= pushOrder().map((file) => ({ file, script: readFileSync(file, 'utf8') })));
}

export interface Harness {
  readonly context: vm.Context;
  readonly log: ServiceLog;
  readonly ui: FakeUi;
  readonly logger: FakeLogger;
  /** Calls a top-level function of the bundle with values made in the sandbox's realm. */
  call(name: string, ...args: unknown[]): unknown;
  /** Evaluates code in the sandbox. */
  run(code: string): unknown;
}

/** Creates a fresh sandbox and loads the bundle into it. */
export function loadBundle(): Harness {
  const log: ServiceLog = [];
  const ui = new FakeUi();
  const logger = new FakeLogger();
  const globals: Record<string, unknown> = {
    SpreadsheetApp: instrument('SpreadsheetApp', new FakeSpreadsheetApp(ui), log),
    HtmlService: instrument('HtmlService', new FakeHtmlService(DIST), log),
    ScriptApp: instrument('ScriptApp', { AuthMode: AUTH_MODE }, log),
    Logger: instrument('Logger', logger, log),
    console: instrument('console', { log: logger.log.bind(logger), info: logger.log.bind(logger), warn: logger.log.bind(logger), error: logger.log.bind(logger) }, log),
  };
  const context = vm.createContext(globals, { name: 'apps-script' });
  for (const { file, script } of bundleSources()) {
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
  return {
    context,
    log,
    ui,
    logger,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`no top-level function ${name}`);
      return fromRealm((fn as (...a: unknown[]) => unknown)(...args.map(toRealm)));
    },
    run(code) {
      return vm.runInContext(code, context);
    },
  };
}

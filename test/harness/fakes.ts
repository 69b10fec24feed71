// In-memory fakes of the Apps Script services the bundle uses, typed against
// @types/google-apps-script. Each records its calls in a shared log. Every
// assumption about Google's behaviour is written beside the code that makes it,
// with the reference page it was checked against.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FakeDataValidationBuilder, FakeRichTextValueBuilder, wallClock, type FakeSpreadsheet } from './spreadsheet';

/** One call into a fake service. */
export interface ServiceCall {
  readonly service: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

/**
 * A fault to inject: the `at`-th method call (1-based, counted over every
 * service from when the plan is set) throws instead of running, once. `hit`
 * records the call that failed. `where` limits the count to some services.
 */
export interface FaultPlan {
  readonly at: number;
  readonly where?: (call: ServiceCall) => boolean;
  seen: number;
  hit?: ServiceCall;
}

/**
 * `halted`: the execution has been stopped (past Apps Script's time limit, see
 * urlfetch.ts): Apps Script ends it there, so every later call fails too.
 */
export type ServiceLog = ServiceCall[] & { fault?: FaultPlan; halted?: () => boolean; tick?: (call: ServiceCall) => void };

/**
 * The methods K of Apps Script type T with Google's parameter types. A method
 * that returns T (builder chaining) returns this fake; one that returns another
 * Apps Script object returns that object's fake, itself checked by its own
 * `implements Faked<...>`.
 */
export type Faked<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R
    ? (...args: A) => R extends T ? Faked<T, K> : R extends object ? object : R
    : T[P];
};

/**
 * Wraps a fake so that every method call is logged as `service.method`.
 * Reading a property counts as a call too, so "loading the bundle touches no
 * service" can be checked by an empty log.
 */
/** Each logging proxy's fake, so a fake handed another fake's proxy sees the fake itself. */
const targets = new WeakMap<object, object>();
const unwrap = (v: unknown): unknown => (v !== null && typeof v === 'object' && targets.has(v) ? targets.get(v) : v);

export function instrument<T extends object>(service: string, target: T, log: ServiceLog): T {
  const wrapped = new WeakMap<object, unknown>();
  // Objects a fake hands back (a Ui, a Menu, an HtmlOutput) are logged too, under their own name.
  const wrapResult = (r: unknown): unknown => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return r;
    // Fakes are the classes named Fake*; a bundler may prefix "_" or suffix a digit.
    const m = /^_*Fake([A-Za-z]+?)\d*$/.exec((r.constructor as { name?: string } | undefined)?.name ?? '');
    if (!m) return r;
    if (!wrapped.has(r)) wrapped.set(r, instrument(m[1]!, r, log));
    return wrapped.get(r);
  };
  const proxy = new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof key === 'symbol') return value;
      if (typeof value !== 'function') {
        log.push({ service, method: key, args: [] });
        return wrapResult(value);
      }
      return (...args: unknown[]) => {
        const call = { service, method: key, args };
        if (log.halted?.()) throw new Error('Exceeded maximum execution time');
        log.push(call);
        log.tick?.(call);
        const fault = log.fault;
        if (fault && !fault.hit && (!fault.where || fault.where(call)) && ++fault.seen === fault.at) {
          fault.hit = call;
          throw new Error(`Service error: ${service}.${key} (injected fault)`);
        }
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args.map(unwrap));
        return result === obj ? receiver : wrapResult(result);
      };
    },
  });
  targets.set(proxy, target);
  return proxy;
}

// ---------------------------------------------------------------- Base.Menu

export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
}

/**
 * Menu (developers.google.com/apps-script/reference/base/menu, and
 * developers.google.com/workspace/add-ons/concepts/menus): addItem(caption,
 * functionName) takes the *name* of a top-level function, not the function; the
 * menu appears only after addToUi(). createAddonMenu() menus are shown under
 * Extensions › add-on name, and their captions are the items' text.
 */
export class FakeMenu implements Faked<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly items: (MenuItem | 'separator' | { sub: FakeMenu })[] = [];
  added = false;
  constructor(
    readonly title: string,
    private readonly ui: FakeUi,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push('separator');
    return this;
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): this {
    this.items.push({ sub: menu as unknown as FakeMenu });
    return this;
  }
  addToUi(): void {
    this.added = true;
    this.ui.menus.push(this);
  }
}

// ---------------------------------------------------------------- HtmlOutput

/**
 * HtmlOutput (reference/html/html-output): setters return the same output for
 * chaining; width and height are in pixels; getContent() answers the HTML.
 */
export class FakeHtmlOutput
  implements Faked<GoogleAppsScript.HTML.HtmlOutput, 'setWidth' | 'setHeight' | 'getWidth' | 'getHeight' | 'setTitle' | 'getTitle' | 'getContent' | 'append'>
{
  private width = 0;
  private height = 0;
  private title = '';
  constructor(private content: string) {}
  /** append(html): adds HTML at the end of the content. */
  append(addedContent: string): this {
    this.content += addedContent;
    return this;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  getHeight(): number {
    return this.height;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.content;
  }
}

/**
 * HtmlService.createHtmlOutputFromFile(filename) (reference/html/html-service):
 * the name is that of an HTML file of the project *without* ".html"; a missing
 * file throws. Here project files are the files of dist/.
 */
export class FakeHtmlService implements Faked<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile' | 'createHtmlOutput'> {
  constructor(private readonly distDir: string) {}
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    let html: string;
    try {
      html = readFileSync(`${this.distDir}/${filename}.html`, 'utf8');
    } catch {
      throw new Error(`No HTML file named ${filename} was found.`);
    }
    return new FakeHtmlOutput(html);
  }
  createHtmlOutput(html: string): FakeHtmlOutput {
    return new FakeHtmlOutput(html);
  }
}

// ---------------------------------------------------------------- Base.Ui

export interface ShownDialog {
  readonly kind: 'modal' | 'modeless' | 'sidebar';
  readonly title: string;
  readonly output: FakeHtmlOutput;
}

/**
 * Ui (reference/base/ui): createAddonMenu() takes no title (Sheets names it
 * after the add-on); showModelessDialog(output, title) and showSidebar(output)
 * take an HtmlOutput; dialogs are recorded here instead of drawn.
 */
export class FakeUi implements Faked<GoogleAppsScript.Base.Ui, 'createAddonMenu' | 'createMenu' | 'showModelessDialog' | 'showModalDialog' | 'showSidebar'> {
  readonly menus: FakeMenu[] = [];
  readonly dialogs: ShownDialog[] = [];
  createAddonMenu(): FakeMenu {
    return new FakeMenu('(add-on)', this);
  }
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(caption, this);
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.dialogs.push({ kind: 'modeless', title, output: userInterface as FakeHtmlOutput });
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this.dialogs.push({ kind: 'modal', title, output: userInterface as FakeHtmlOutput });
  }
  showSidebar(userInterface: unknown): void {
    const output = userInterface as FakeHtmlOutput;
    this.dialogs.push({ kind: 'sidebar', title: output.getTitle(), output });
  }
}

// ---------------------------------------------------------------- SpreadsheetApp

/**
 * SpreadsheetApp (reference/spreadsheet/spreadsheet-app): getUi() "Returns an
 * instance of the spreadsheet's user-interface environment"; getActive() and
 * getActiveSpreadsheet() the spreadsheet the add-on runs in;
 * newDataValidation() and newRichTextValue() fresh builders; flush() "Applies
 * all pending Spreadsheet changes" (here every change applies at once).
 */
export class FakeSpreadsheetApp
  implements Faked<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getUi' | 'getActive' | 'getActiveSpreadsheet' | 'newDataValidation' | 'newRichTextValue' | 'flush'>
{
  /** Set while a time-driven trigger runs: the spreadsheet may then not be active (assumption triggerSpreadsheet). */
  inTrigger = false;
  constructor(
    readonly ui: FakeUi,
    readonly spreadsheet: FakeSpreadsheet,
  ) {}
  getUi(): FakeUi {
    return this.ui;
  }
  /** "Returns the currently active spreadsheet, or null if there is none" (reference/spreadsheet/spreadsheet-app#getActive()); the types omit the null. */
  getActive(): FakeSpreadsheet {
    return (this.inTrigger && this.spreadsheet.assume?.triggerSpreadsheet === 'none' ? null : this.spreadsheet) as FakeSpreadsheet;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.getActive();
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  /** "Creates a builder for a Rich Text value" (reference/spreadsheet/spreadsheet-app#newRichTextValue()). */
  newRichTextValue(): FakeRichTextValueBuilder {
    return new FakeRichTextValueBuilder();
  }
  flush(): void {}
}

/** ScriptApp.AuthMode (reference/script/auth-mode): the enum's names are its values. */
export const AUTH_MODE = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

/** Logger and console: Apps Script has both; messages are kept, not printed. */
export class FakeLogger {
  readonly lines: string[] = [];
  log(...args: unknown[]): this {
    this.lines.push(args.map(String).join(' '));
    return this;
  }
}

// ---------------------------------------------------------------- LockService

/**
 * Lock (reference/lock/lock): tryLock(ms) answers false when another execution
 * holds the lock for longer than the wait; waitLock(ms) throws instead
 * ("Lock timeout: another process was holding the lock for too long.").
 * `heldElsewhere` plays that other execution; so does another sandbox sharing
 * the same `LockState` (two executions of one document at once).
 */
export interface LockState {
  holder?: object;
}

export class FakeLock implements Faked<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  heldElsewhere = false;
  /** Every acquire and release, in order, for tests of who wrote under the lock. */
  readonly events: ('acquire' | 'release')[] = [];
  private readonly me = {};
  constructor(readonly state: LockState = {}) {}
  tryLock(_timeoutInMillis: number): boolean {
    if (this.heldElsewhere || (this.state.holder && this.state.holder !== this.me)) return false;
    this.state.holder = this.me;
    this.events.push('acquire');
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.state.holder === this.me) this.events.push('release');
    if (this.state.holder === this.me) this.state.holder = undefined;
  }
  hasLock(): boolean {
    return this.state.holder === this.me;
  }
}

/** LockService.getDocumentLock(): one lock per document, shared by its users (and by sandboxes given the same state). */
export class FakeLockService implements Faked<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock'> {
  readonly lock: FakeLock;
  constructor(state: LockState = {}) {
    this.lock = new FakeLock(state);
  }
  getDocumentLock(): FakeLock {
    return this.lock;
  }
  getScriptLock(): FakeLock {
    return this.lock;
  }
}

/**
 * Session.getActiveUser().getEmail(): the user's address, or "" where Google
 * withholds it: "the user's email address is not available in any context that
 * allows a script to run without that user's authorization" (reference/base/user#getEmail()).
 */
export class FakeUser implements Faked<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

/**
 * Session (reference/base/session): getActiveUser() "Gets information about
 * the current user … returns a blank string" where security policies withhold
 * the address; getScriptTimeZone() "Gets the time zone of the script" — the
 * zone the script's JavaScript Dates are local to, here the process's (TZ), so
 * that tests run at TZ=UTC and TZ=Asia/Bangkok play scripts in either.
 * "Note that spreadsheets have a separate time zone" (the FakeSpreadsheet's).
 */
export class FakeSession implements Faked<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone'> {
  constructor(public email = 'staff@example.go.th') {}
  getActiveUser(): FakeUser {
    return new FakeUser(this.email);
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this.email);
  }
  getScriptTimeZone(): string {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
}

/**
 * Utilities (reference/utilities/utilities): getUuid() "Get a UUID as a
 * string (equivalent to using the java.util.UUID.randomUUID() method)"; formatDate(date, timeZone, format) "Formats date according to
 * specification described in Java SE SimpleDateFormat class"
 * (docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html), the
 * date's fields taken in `timeZone`. Letters done here: y M d H h m s S a E Z X
 * and 'quoted' text; any other letter throws rather than answer wrongly.
 */
export class FakeUtilities implements Faked<GoogleAppsScript.Utilities.Utilities, 'getUuid' | 'formatDate'> {
  getUuid(): string {
    return randomUUID();
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    const t = (date as unknown as Date).getTime();
    const c = new Date(wallClock(t, timeZone)); // the wall clock, read through getUTC*
    const off = Math.round((c.getTime() - t) / 60_000);
    const abs = Math.abs(off);
    const hhmm = [Math.floor(abs / 60), abs % 60].map((n) => String(n).padStart(2, '0'));
    const sign = off < 0 ? '-' : '+';
    const day = c.toLocaleString('en-US', { weekday: 'long', timeZone: 'UTC' });
    return format.replace(/'((?:[^']|'')*)'|([A-Za-z])\2*/g, (run, quoted: string | undefined, letter: string | undefined) => {
      if (quoted !== undefined) return quoted === '' ? "'" : quoted.replace(/''/g, "'");
      const n = run.length;
      const num = (v: number) => String(v).padStart(n, '0');
      switch (letter) {
        case 'y':
          return n === 2 ? num(c.getUTCFullYear() % 100) : num(c.getUTCFullYear());
        case 'M':
          return n >= 3 ? c.toLocaleString('en-US', { month: n === 3 ? 'short' : 'long', timeZone: 'UTC' }) : num(c.getUTCMonth() + 1);
        case 'd':
          return num(c.getUTCDate());
        case 'H':
          return num(c.getUTCHours());
        case 'h':
          return num(c.getUTCHours() % 12 || 12);
        case 'm':
          return num(c.getUTCMinutes());
        case 's':
          return num(c.getUTCSeconds());
        case 'S':
          return num(c.getUTCMilliseconds());
        case 'a':
          return c.getUTCHours() < 12 ? 'AM' : 'PM';
        case 'E':
          return n >= 4 ? day : day.slice(0, 3);
        case 'Z':
          return `${sign}${hhmm.join('')}`;
        case 'X':
          return off === 0 ? 'Z' : n === 1 ? `${sign}${hhmm[0]}` : n === 2 ? `${sign}${hhmm.join('')}` : `${sign}${hhmm.join(':')}`;
        default:
          throw new Error(`FakeUtilities.formatDate: pattern letter ${letter} is not done here`);
      }
    });
  }
}

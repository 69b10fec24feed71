// ScriptApp's installable triggers, as far as the add-on uses them: an hourly
// time-driven trigger, listed and deleted by its unique id.
import type { Faked } from './fakes';

/** The triggers of one user in one spreadsheet: shared by every sandbox (execution) of it. */
export class TriggerStore {
  readonly triggers: FakeTrigger[] = [];
  private next = 1;
  newUid(): string {
    return String(this.next++);
  }
}

/**
 * Trigger (reference/script/trigger): getUniqueId() "Returns a unique
 * identifier that can be used to distinguish triggers from each other";
 * getHandlerFunction() "Returns the function that will be called when the
 * trigger fires".
 */
export class FakeTrigger implements Faked<GoogleAppsScript.Script.Trigger, 'getUniqueId' | 'getHandlerFunction'> {
  constructor(
    readonly uid: string,
    readonly handler: string,
    readonly everyHours: number,
  ) {}
  getUniqueId(): string {
    return this.uid;
  }
  getHandlerFunction(): string {
    return this.handler;
  }
}

/**
 * ClockTriggerBuilder (reference/script/clock-trigger-builder): everyHours(n)
 * "Specifies to run the trigger every n hours"; create() "Creates the trigger
 * and returns it". An add-on "can only have one trigger of each type, per
 * user, per document" (workspace/add-ons/concepts/editor-triggers, Restrictions):
 * a second time-driven one is refused, in the words Apps Script uses.
 */
export class FakeClockTriggerBuilder implements Faked<GoogleAppsScript.Script.ClockTriggerBuilder, 'everyHours' | 'create'> {
  private hours = 0;
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}
  everyHours(n: number): this {
    // Add-ons: "time-driven triggers … at most once per hour" (guides/triggers/installable#time-driven_triggers).
    if (!(n >= 1)) throw new Error('Add-ons can use time-driven triggers at most once per hour.');
    this.hours = n;
    return this;
  }
  create(): FakeTrigger {
    if (!this.hours) throw new Error('The trigger has no schedule.');
    if (this.store.triggers.length >= 1) throw new Error('This add-on has created too many time-based triggers in this document for this Google Account.');
    const t = new FakeTrigger(this.store.newUid(), this.handler, this.hours);
    this.store.triggers.push(t);
    return t;
  }
}

/** TriggerBuilder (reference/script/trigger-builder): timeBased() "Creates and returns a ClockTriggerBuilder". */
export class FakeTriggerBuilder implements Faked<GoogleAppsScript.Script.TriggerBuilder, 'timeBased'> {
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.store, this.handler);
  }
}

/**
 * ScriptApp (reference/script/script-app): newTrigger(functionName) "Begins
 * the process of creating an installable trigger that, when fired, calls a
 * given function"; getProjectTriggers() "Gets all installable triggers
 * associated with the current project and current user"; deleteTrigger(trigger)
 * "Removes the given trigger so it no longer runs".
 */
export class FakeScriptApp implements Faked<GoogleAppsScript.Script.ScriptApp, 'newTrigger' | 'getProjectTriggers' | 'deleteTrigger'> {
  readonly AuthMode: Record<string, string>;
  constructor(
    readonly store: TriggerStore,
    authMode: Record<string, string>,
  ) {
    this.AuthMode = authMode;
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this.store, functionName);
  }
  getProjectTriggers(): FakeTrigger[] {
    return [...this.store.triggers];
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const i = this.store.triggers.findIndex((t) => t.uid === trigger.getUniqueId());
    if (i >= 0) this.store.triggers.splice(i, 1);
  }
}

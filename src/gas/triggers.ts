// The time-driven trigger that carries a long run on without the user
// (ScriptApp, scope script.scriptapp). An add-on's time-driven trigger runs at
// most once an hour (guides/triggers/installable#time-driven_triggers); an
// add-on may hold one trigger of each type per user and document
// (workspace/add-ons/concepts/editor-triggers, "Restrictions"). Only the trigger
// this run made is ever removed, found by its unique id: getProjectTriggers()
// answers "all installable triggers associated with the current project and
// current user" (reference/script/script-app#getProjectTriggers()), which for an
// add-on may hold this user's triggers of other spreadsheets.

/** The entry point the trigger runs (src/entry/registry.ts). */
export const CONTINUE_FN = 'continueBatchReports';

/** A new hourly trigger of CONTINUE_FN; answers its unique id. */
export function addHourlyTrigger(): string {
  return ScriptApp.newTrigger(CONTINUE_FN).timeBased().everyHours(1).create().getUniqueId();
}

/** Whether the trigger of that id still exists for this user. */
export function hasTrigger(uid: string): boolean {
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid);
}

/** Removes the trigger of that id, if it is there; answers whether one was removed. */
export function removeTrigger(uid: string | undefined): boolean {
  if (!uid) return false;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getUniqueId() === uid) {
      ScriptApp.deleteTrigger(t);
      return true;
    }
  }
  return false;
}

// A fixed clock inside a sandbox: `new Date()` and `Date.now()` of the loaded
// bundle answer the given moment; every other use of Date is JavaScript's own.
// (vitest's fake timers change this process's Date, not the sandbox's.)
import type { Harness } from './harness';

export function fixClock(h: Harness, at: Date | string): void {
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) throw new Error(`not a moment: ${String(at)}`);
  h.run(`(() => {
    const Real = Date;
    class FixedDate extends Real {
      constructor(...args) { if (args.length === 0) super(${t}); else super(...args); }
      static now() { return ${t}; }
    }
    globalThis.Date = FixedDate;
  })();`);
}

/** Runs `f` with the process (the script's) time zone set to `zone`, then puts it back. */
export function inProcessZone<T>(zone: string, f: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

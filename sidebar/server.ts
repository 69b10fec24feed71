// The sidebar's only way to the server: a typed promise over google.script.run.
// Requests and answers are plain JSON (no Date: google.script.run cannot carry one).
import type { ApiMethod, SidebarApi } from '../src/core/api';

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export type Request<M extends ApiMethod> = Parameters<SidebarApi[M]>[0];
export type Answer<M extends ApiMethod> = ReturnType<SidebarApi[M]>;

/** Calls a server method; rejects with an Error whose message is readable Thai when the server sent one. */
export function call<M extends ApiMethod>(method: M, request: Request<M>): Promise<Answer<M>> {
  const payload: unknown = JSON.parse(JSON.stringify(request ?? {}));
  return new Promise((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as Answer<M>))
      .withFailureHandler((error) => reject(readable(error instanceof Error ? error : new Error(String(error)))));
    (run['sidebarCall'] as (m: string, r: unknown) => void)(method, payload);
  });
}

/**
 * Google's own failure messages (a service timing out, an execution past its
 * limit) are English: said in Thai, with Google's words kept for whoever helps.
 */
function readable(error: Error): Error {
  if (/[\u0e00-\u0e7f]/.test(error.message)) return error;
  return new Error(`ทำไม่สำเร็จ Google แจ้งว่า "${error.message}" ลองอีกครั้ง หากยังไม่ได้ ให้ปิดแล้วเปิดแถบด้านข้างใหม่`);
}

// The batch run's decisions, pure: the account, the plan at Google's quotas,
// what a failure means, and a row's state.
import { describe, expect, it } from 'vitest';
import { accountOf, failureKind, planRun, rowState, STALE_CLAIM_MS } from '../../src/core/batch';

describe('the account', () => {
  it('is a consumer one for gmail.com, googlemail.com or no address, a Workspace one for a domain of its own', () => {
    expect(accountOf('office@gmail.com')).toBe('consumer');
    expect(accountOf('Office@GoogleMail.com ')).toBe('consumer');
    expect(accountOf('')).toBe('consumer');
    expect(accountOf('saraban@huaytoei.go.th')).toBe('workspace');
  });
});

describe('the plan', () => {
  it('counts days at the documents quota, and what the hourly trigger alone makes a day', () => {
    const consumer = planRun(312, 'consumer');
    expect(consumer).toMatchObject({ days: 2, perExecution: 10, executions: 32, docsPerDay: 250, byTrigger: 150 });
    const workspace = planRun(312, 'workspace');
    expect(workspace).toMatchObject({ days: 1, byTrigger: 240 });
    expect(planRun(1000, 'workspace').days).toBe(1);
    expect(planRun(1501, 'workspace').days).toBe(2);
    expect(planRun(0, 'consumer')).toMatchObject({ days: 0, executions: 0 });
    expect(planRun(0, 'consumer').th).toBe('ไม่มีรายงานที่ต้องสร้าง');
  });
});

describe('a failure', () => {
  it('is Google’s quota, a full Drive, or the unit’s own', () => {
    expect(failureKind('Service invoked too many times for one day: docs create.')).toBe('quota');
    expect(failureKind('API call to drive.files.copy failed with error: User rate limit exceeded')).toBe('quota');
    expect(failureKind("The user's Drive storage quota has been exceeded.")).toBe('storage');
    expect(failureKind('Service error: Files.copy (injected fault)')).toBe('unit');
  });
});

describe('a row’s state', () => {
  it('is กำลังทำ only while its claim is younger than an execution can last', () => {
    expect(rowState('เสร็จ', undefined, 0)).toBe('done');
    expect(rowState('ผิดพลาด', undefined, 0)).toBe('failed');
    expect(rowState('', undefined, 0)).toBe('todo');
    expect(rowState('รอ', undefined, 0)).toBe('todo');
    expect(rowState('กำลังทำ', 1000, 1000 + STALE_CLAIM_MS - 1)).toBe('working');
    expect(rowState('กำลังทำ', 1000, 1000 + STALE_CLAIM_MS)).toBe('stale');
    expect(rowState('กำลังทำ', undefined, 0)).toBe('stale');
  });
});

import { buildFrameworks } from './data/frameworks';
import type { Framework, ToolId } from './data/types';
import { BE_OFFSET } from './thai';

let table: readonly Framework[] | undefined;

/** All supported frameworks, oldest first (built once, on first use). */
export function frameworks(): readonly Framework[] {
  return (table ??= buildFrameworks());
}

export function firstYear(): number {
  return frameworks()[0]!.year;
}

export function latestYear(): number {
  const all = frameworks();
  return all[all.length - 1]!.year;
}

/**
 * A supported Buddhist-Era fiscal year from a BE or CE year number, or
 * undefined when the year is not supported.
 */
export function supportedYear(n: number): number | undefined {
  if (!Number.isInteger(n)) return undefined;
  const be = n < 2400 ? n + BE_OFFSET : n;
  return be >= firstYear() && be <= latestYear() ? be : undefined;
}

/** The framework of a supported Buddhist-Era year. */
export function frameworkFor(beYear: number): Framework {
  const fw = frameworks().find((f) => f.year === beYear);
  if (!fw) throw new RangeError(`no framework for ${beYear}`);
  return fw;
}

/** The tool of that id, if it is one. */
export function toolId(id: string): ToolId | undefined {
  return id === 'IIT' || id === 'EIT' || id === 'OIT' ? id : undefined;
}


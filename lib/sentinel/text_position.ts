// Offsets to 1-based lines and columns, and the span a matcher reports.

/** Where a matcher found something, before it becomes a finding. */
export interface Hit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Values for the message's `{{name}}` placeholders. */
  vars: Record<string, string>;
}

/** The offset at which each line starts. */
export function lineStarts(content: string): number[] {
  const starts = [0];
  for (let i = content.indexOf("\n"); i !== -1; i = content.indexOf("\n", i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column of an offset. */
export function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

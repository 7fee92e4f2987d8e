// The span a matcher reports (offsets become lines and columns through lib/text_lines.ts).

/** Where a matcher found something, before it becomes a finding. */
export interface Hit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Values for the message's `{{name}}` placeholders. */
  vars: Record<string, string>;
}

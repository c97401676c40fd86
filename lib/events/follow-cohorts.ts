// The retention columns, defined with the rules that keep them (rules/rollup-rules.ts); imported
// from here by the analytics queries.
export { keptDayColumns, keptDaysOf, retentionDays, type RetentionDays } from "@/lib/events/rules/rollup-rules";

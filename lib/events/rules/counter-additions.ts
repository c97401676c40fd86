// A rule's addition to a counter row: summed with the group's other additions to the same row and
// written once, at the end of the group (lib/db/ingest/counter-sums.ts).
import type { CounterTable } from "@/lib/db/ingest/counter-sums";

export interface CounterAddition {
  table: CounterTable;
  /** Every key column of the table. */
  key: Record<string, string | Date>;
  /** What to add to some of its counters. */
  counters: Record<string, number>;
}

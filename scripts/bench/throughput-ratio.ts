// The webhook's throughput as a share of the bare route's, from runs taken in turn: bare, webhook,
// bare, webhook, …, bare. Each webhook run is compared with the mean of the bare runs just before
// and after it, so a drift of the shared machine between runs (seen at ±10 %) weighs on both sides
// of a ratio; the median of the ratios is the figure reported.

export interface InterleavedRatios {
  /** One per webhook run, in order. */
  ratios: number[];
  median: number;
}

export function interleavedRatios(bareRuns: number[], webhookRuns: number[]): InterleavedRatios {
  if (webhookRuns.length === 0 || bareRuns.length !== webhookRuns.length + 1) {
    throw new Error(
      `Runs are taken in turn, starting and ending with the bare route: ${bareRuns.length} bare for ${webhookRuns.length} webhook`,
    );
  }
  const ratios = webhookRuns.map((webhook, index) => webhook / ((bareRuns[index]! + bareRuns[index + 1]!) / 2));
  const sorted = [...ratios].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { ratios, median };
}

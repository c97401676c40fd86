// What the bench times: the dashboard's calls on the seeded account, each also computed raw.
import { addDays } from "@/lib/time/zone";

export interface BenchCase {
  name: string;
  resource: "summary" | "timeseries" | "channels";
  from: string;
  to: string;
}

export function benchCases(today: string): BenchCase[] {
  const yearAgo = addDays(today, -364);
  return [
    { name: "summary, last 30 days + previous", resource: "summary", from: addDays(today, -29), to: today },
    { name: "summary, 365 days + previous", resource: "summary", from: yearAgo, to: today },
    { name: "daily series, 365 days", resource: "timeseries", from: yearAgo, to: today },
    { name: "channel table (500), last 30 days", resource: "channels", from: addDays(today, -29), to: today },
    { name: "channel table (500), 365 days", resource: "channels", from: yearAgo, to: today },
  ];
}

// Every kind of background job and the code that runs it.
import { autoTagHandler } from "@/lib/jobs/auto-tag";
import { claimedSceneScannersHandler } from "@/lib/jobs/claimed-scene-scanners";
import type { JobHandler, JobKind } from "@/lib/jobs/job-types";

// JobHandler's methods compare bivariantly, so each handler fits the shared unknown-payload slot;
// run-jobs.ts parses every payload with the handler's own schema before calling it.
export const jobHandlers: Record<JobKind, JobHandler<unknown>> = {
  "auto-tag": autoTagHandler,
  "claimed-scene-scanners": claimedSceneScannersHandler,
};

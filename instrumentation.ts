// Runs once when the Next server starts: the job worker does the work queued after WeChat's
// pushes were answered (auto-tagging), including work left by a process that died after
// answering. Only in the Node.js runtime (the worker needs the database driver), and not while
// `next build` collects pages: a build is not a server.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobWorker } = await import("@/lib/jobs/job-worker");
  startJobWorker();
}

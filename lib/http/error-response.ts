// Maps anything thrown by a route to the one error body. Unknown errors are logged with detail
// and answered with a generic message: internals never reach the client. A body that is not JSON
// is an AppError from readJson (lib/http/read-body.ts): a SyntaxError from anywhere else is a bug.
import { ZodError } from "zod";
import { AppError, RateLimitedError, statusByErrorCode, type ErrorCode, type ErrorIssue } from "@/lib/http/errors";
import { Prisma } from "@/lib/db/client";
import { log } from "@/lib/log";

export function errorResponse(code: ErrorCode, message: string, issues?: ErrorIssue[]): Response {
  return Response.json(
    { error: { code, message, ...(issues ? { issues } : {}) } },
    { status: statusByErrorCode[code] },
  );
}

export function responseForError(error: unknown): Response {
  if (error instanceof RateLimitedError) {
    const response = errorResponse(error.code, error.message);
    response.headers.set("retry-after", String(error.retryAfterSeconds));
    return response;
  }
  if (error instanceof AppError) return errorResponse(error.code, error.message, error.issues);
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
      message: issue.message,
    }));
    return errorResponse("validation_failed", "The request is not valid", issues);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return errorResponse("conflict", "That already exists");
    if (error.code === "P2025") return errorResponse("not_found", "Not found");
  }
  log.error({ err: error }, "unhandled error in route");
  return errorResponse("internal", "Something went wrong on our side");
}

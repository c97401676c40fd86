import { getDb, getDatabaseConfig } from "@/lib/db/client";

export async function checkHealth(): Promise<{ status: "ok"; database: "sqlite" | "postgresql" }> {
  await getDb().$queryRaw`SELECT 1`;
  return { status: "ok", database: getDatabaseConfig().provider };
}

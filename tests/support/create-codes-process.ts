// A second (third, …) app instance for the multi-process tests: connects to the same database
// as the test, waits for the common start time, creates QR codes concurrently and prints what
// happened as one JSON line. Run with tsx; configured through the environment:
// QUDAO_TEST_DATABASE_CONFIG (JSON DatabaseConfig), QUDAO_DATA_DIR (for the secret key),
// ACCOUNT_ID, SCENES (comma-separated integer scenes to create), START_AT (epoch ms).
import { switchDatabaseForTests } from "@/lib/db/client";
import { createChannel } from "@/lib/channels/create-channel";
import type { DatabaseConfig } from "@/lib/db/config";

async function main(): Promise<void> {
  const config = JSON.parse(process.env.QUDAO_TEST_DATABASE_CONFIG ?? "null") as DatabaseConfig;
  const accountId = process.env.ACCOUNT_ID ?? "";
  const scenes = (process.env.SCENES ?? "").split(",").filter(Boolean).map(Number);
  const db = await switchDatabaseForTests(config);
  await db.account.findUniqueOrThrow({ where: { id: accountId } }); // connected before the start line
  const wait = Number(process.env.START_AT ?? 0) - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const results = await Promise.allSettled(
    scenes.map((scene) =>
      createChannel({ accountId, name: `pid ${process.pid} #${scene}`, qr: { kind: "permanent", scene } }),
    ),
  );
  const errors = results.flatMap((result) =>
    result.status === "rejected" ? [String((result.reason as Error).message)] : [],
  );
  console.log(JSON.stringify({ created: results.length - errors.length, errors }));
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

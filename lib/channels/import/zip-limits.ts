// An uploaded XLSX is a ZIP, and a small ZIP can unzip to gigabytes. Its central directory says
// how many entries it holds and how large each one is once inflated: both are checked here, before
// anything is inflated, and a file over either cap is refused (413) instead of read.
import { unzipSync } from "fflate";
import { AppError } from "@/lib/http/errors";
import { maxXlsxEntries, maxXlsxUnzippedBytes } from "@/lib/schemas/channel-import";

export function assertZipWithinLimits(bytes: Uint8Array): void {
  let entries = 0;
  let unzippedBytes = 0;
  try {
    // The filter sees each entry's central-directory record; returning false inflates nothing.
    unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        unzippedBytes += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new AppError("validation_failed", "The XLSX file could not be read: it is not a valid ZIP");
  }
  if (entries > maxXlsxEntries)
    throw new AppError(
      "payload_too_large",
      `The XLSX file holds ${entries} parts; at most ${maxXlsxEntries} are read. Save it again from Excel, or send a CSV`,
    );
  if (unzippedBytes > maxXlsxUnzippedBytes)
    throw new AppError(
      "payload_too_large",
      `The XLSX file unzips to more than ${maxXlsxUnzippedBytes / 1024 / 1024} MB; at most that is read. Send a smaller file or a CSV`,
    );
}

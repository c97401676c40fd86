// File names from channel names: Chinese kept, characters that Windows, macOS or a ZIP tool
// refuse replaced, and duplicates told apart, so 800 store codes unpack into 800 files.

// Reserved on Windows, path separators everywhere, and control characters.
const unsafeCharacters = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const reservedWindowsNames = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const maxBaseLength = 80;

export function safeFileBaseName(name: string, fallback: string): string {
  let base = name.normalize("NFC").replace(unsafeCharacters, "_").replace(/\s+/g, " ").trim();
  // Windows drops trailing dots and spaces; a leading dot hides the file on macOS and Linux.
  base = base.replace(/[. ]+$/, "").replace(/^\.+/, "");
  base = [...base].slice(0, maxBaseLength).join("");
  if (!base || reservedWindowsNames.test(base)) base = base ? `${base}_` : fallback;
  return base;
}

/**
 * One file name per item, in order. Names are compared case-insensitively (Windows and macOS
 * file systems are); the second "Store" becomes "Store (2)".
 */
export function uniqueFileNames(items: { name: string; fallback: string }[], extension: string): string[] {
  const taken = new Set<string>();
  return items.map(({ name, fallback }) => {
    const base = safeFileBaseName(name, fallback);
    let candidate = `${base}.${extension}`;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) candidate = `${base} (${copy}).${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A Content-Disposition value that keeps a Chinese name (RFC 6266 filename*), with an ASCII fallback. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string, asciiFallback: string): string {
  return `${kind}; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

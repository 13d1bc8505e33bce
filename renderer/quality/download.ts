/** Long enough for the browser to start the download; the URL is then released. */
const REVOKE_AFTER_MS = 60_000;

/** Saves text as a file through the browser's download, from memory (no server round trip for the bytes). */
export function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

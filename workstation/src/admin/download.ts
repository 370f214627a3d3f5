/** Saves an export the server sent as base64 (statistics, audit trail) through the browser. */
import type { ExportFile } from '@gfa/shared';

export function download(file: ExportFile): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.file;
  link.click();
  URL.revokeObjectURL(url);
}

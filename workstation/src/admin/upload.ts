/**
 * Sends an appointment file with upload progress (fetch cannot report it):
 * XMLHttpRequest with the session cookie, answer validated by the route table.
 */
import { routes, type ImportReport, type ImportUpload } from '@gfa/shared';

export function uploadAppointments(
  body: ImportUpload,
  onProgress: (ratio: number) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', routes.importAppointments.path);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new Error('Le serveur est injoignable.'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status !== 200) {
        const message = (json as { error?: { message?: string } } | null)?.error?.message;
        return reject(new Error(message ?? 'Import refusé par le serveur.'));
      }
      const parsed = routes.importAppointments.response.safeParse(json);
      return parsed.success ? resolve(parsed.data) : reject(new Error('Réponse inattendue du serveur.'));
    };
    xhr.send(JSON.stringify(body));
  });
}

/** The file's bytes as base64, for the JSON upload. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

import type { Endpoint } from '../../contract/endpoint.ts';
import { useDownload } from '../data.ts';

/** Saves a fetched file the way a link with `download` would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file the server answered with in JSON (base64): saved from memory, never stored. */
export function saveBase64File(file: { base64: string; contentType: string; fileName: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveFile(new Blob([bytes], { type: file.contentType }), file.fileName);
}

/**
 * Fetches an endpoint's file and saves it (the data layer's `useDownload`: busy and failure held
 * there); `onSaved` gets the file's name, e.g. to say it was saved.
 */
export const useSavedDownload = <E extends Endpoint & { file: true }>(
  declared: E,
  onSaved?: (fileName: string) => void,
) =>
  useDownload(declared, (file) => {
    saveFile(file.blob, file.fileName);
    onSaved?.(file.fileName);
  });

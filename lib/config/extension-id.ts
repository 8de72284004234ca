/** The fixed extension ID, derived from the public key in extension-key.pub (README states it). */
export const EXTENSION_ID = 'nddfakhimacgilcjhgnjangfgifholbb';

/** Chrome's ID for a manifest key: sha256 of the DER key, first 32 hex digits mapped 0–f → a–p. */
export async function extensionIdFromKey(base64Key: string): Promise<string> {
  const der = Uint8Array.from(atob(base64Key), (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  return [...hex.slice(0, 32)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

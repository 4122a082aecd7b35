// Evidence is link-based in the agencies API (name, url, sha256, sizeBytes): there is no upload
// endpoint yet, so a chosen file is registered by its name, size and SHA-256 fingerprint, and the
// link says where the file itself is kept.

export interface EvidenceInput {
  name: string;
  url: string | null;
  sha256: string | null;
  sizeBytes: number | null;
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The evidence entry of a file; the fingerprint needs a secure context (https or localhost). */
export async function evidenceOfFile(file: File, url: string | null): Promise<EvidenceInput> {
  const subtle = globalThis.crypto?.subtle;
  const sha256 = subtle ? toHex(await subtle.digest('SHA-256', await file.arrayBuffer())) : null;
  return { name: file.name, url, sha256, sizeBytes: file.size };
}

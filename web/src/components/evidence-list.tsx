import type { Evidence } from '../api/types';

function size(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Evidence is link-based: a name, an optional link, and the file's SHA-256 and size. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence">
      {evidence.map((e, i) => (
        <li key={i}>
          <span className="muted">附件：</span>
          {e.url ? (
            <a href={e.url} target="_blank" rel="noreferrer">
              {e.name}
            </a>
          ) : (
            e.name
          )}
          {e.sizeBytes !== null && <span className="muted"> · {size(e.sizeBytes)}</span>}
          {e.sha256 && (
            <span className="muted hash" title={e.sha256}>
              {' '}
              · SHA-256 {e.sha256.slice(0, 12)}…
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

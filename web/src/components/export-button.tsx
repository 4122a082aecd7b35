import { useEffect, useState } from 'react';
import { useSession } from '../session/session-context';

type Availability = 'checking' | 'available' | 'missing';

/**
 * Downloads a file the gateway renders from a query (xlsx ledger, …). The endpoint comes with the
 * exports work: until it answers, the button stays disabled and says so instead of failing on click.
 */
export function ExportButton({ url, fileName, label }: { url: string; fileName: string; label: string }) {
  const { token } = useSession();
  const [availability, setAvailability] = useState<Availability>('checking');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetch(url, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    }).then(
      (r) => setAvailability(r.status === 404 ? 'missing' : 'available'),
      () => !controller.signal.aborted && setAvailability('missing'),
    );
    return () => controller.abort();
  }, [url, token]);

  const download = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const objectUrl = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = objectUrl;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
    } catch (error) {
      setMessage(`导出失败：${String(error instanceof Error ? error.message : error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="export">
      <button
        type="button"
        data-testid="export-button"
        data-availability={availability}
        disabled={availability !== 'available' || busy}
        title={availability === 'missing' ? '导出服务尚未开通' : undefined}
        onClick={() => void download()}
      >
        {busy ? '正在导出…' : label}
      </button>
      {availability === 'missing' && <span className="muted small"> 导出服务尚未开通</span>}
      {message && <span className="text-bad small"> {message}</span>}
    </span>
  );
}

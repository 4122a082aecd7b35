import { useEffect, useState } from 'react';
import { ROLE, labelOf } from '../model/labels';
import { fetchDemoToken, fetchDemoUsers } from '../session/demo-sign-in';
import type { DemoUser } from '../session/demo-sign-in';

/**
 * Sign-in. A deployment signs people in through the city's unified identity (SSO), which hands the
 * dashboard a token; locally the quick start offers its demo people, and any token can be pasted.
 */
export function SignInPage({ onToken, notice }: { onToken(token: string): void; notice?: string | null }) {
  const [users, setUsers] = useState<DemoUser[] | null | undefined>(undefined);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void fetchDemoUsers().then(setUsers);
  }, []);

  const pick = async (code: string) => {
    setError(null);
    try {
      onToken(await fetchDemoToken(code));
    } catch (e) {
      setError(String(e instanceof Error ? e.message : e));
    }
  };

  const groups = users
    ? [
        { title: '局内人员', people: users.filter((u) => !u.partner) },
        { title: '协同单位（街镇、区城管执法局）', people: users.filter((u) => u.partner) },
      ]
    : [];

  return (
    <main className="sign-in">
      <h1>巡察整改督办看板</h1>
      <p className="muted">区生态环境局 · 内部使用</p>
      {notice && (
        <p className="error-box" role="alert">
          {notice}
        </p>
      )}
      {users === undefined && <p className="loading">正在加载…</p>}
      {users && (
        <section className="card">
          <h2>演示登录</h2>
          <p className="small muted">仅用于本地快速启动的演示数据；正式部署通过市统一身份认证（SSO）登录。</p>
          {groups.map((g) => (
            <div key={g.title}>
              <h3>{g.title}</h3>
              <div className="demo-users">
                {g.people.map((u) => (
                  <button
                    key={u.code}
                    type="button"
                    data-testid={`demo-user-${u.code}`}
                    onClick={() => void pick(u.code)}
                  >
                    <strong>{u.name}</strong>
                    <span className="small muted">
                      {u.agencyName} · {u.roles.map((r) => labelOf(ROLE, r)).join('、')}
                    </span>
                  </button>
                ))}
              </div>
            </div>
          ))}
        </section>
      )}
      <section className="card">
        <h2>使用令牌登录</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pasted.trim()) onToken(pasted.trim());
          }}
        >
          <textarea
            rows={3}
            placeholder="粘贴访问令牌（Bearer token）"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            data-testid="token-input"
          />
          <button type="submit" className="primary" disabled={!pasted.trim()}>
            登录
          </button>
        </form>
      </section>
      {error && (
        <p className="text-bad" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}

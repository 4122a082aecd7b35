import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, requestGraphQL } from './api/graphql-client';
import { ME } from './api/queries';
import type { Me } from './api/types';
import { ROLE, labelOf } from './model/labels';
import { DirectLinePage } from './pages/direct-line-page';
import { LedgerPage } from './pages/ledger-page';
import { OverviewPage } from './pages/overview-page';
import { PartnerPage } from './pages/partner-page';
import { ProblemPage } from './pages/problem-page';
import { SignInPage } from './pages/sign-in-page';
import { SupervisionPage } from './pages/supervision-page';
import { WeeklyPage } from './pages/weekly-page';
import { hrefOf, useRoute } from './routing';
import type { Route } from './routing';
import { SessionContext } from './session/session-context';
import type { Session } from './session/session-context';
import { clearToken, storedToken, storeToken } from './session/session-store';
import { readTokenClaims } from './session/token-claims';

const INTERNAL_NAV: { route: Route; label: string }[] = [
  { route: { page: 'overview' }, label: '总览' },
  { route: { page: 'ledger' }, label: '整改台账' },
  { route: { page: 'supervision' }, label: '督办事项' },
  { route: { page: 'direct-line' }, label: '街镇直通车' },
  { route: { page: 'weekly' }, label: '周报汇总' },
];

const PARTNER_NAV: { route: Route; label: string }[] = [
  { route: { page: 'partner' }, label: '我的任务' },
  { route: { page: 'direct-line' }, label: '直通车' },
  { route: { page: 'weekly' }, label: '周汇总' },
];

/**
 * Pages with the bureau's internal figures: the API refuses them to partner agencies anyway. The
 * weekly page is not one: a partner sees its own agency's row of the roll-up there.
 */
const INTERNAL_PAGES = new Set<Route['page']>(['overview', 'ledger', 'supervision']);

export function App() {
  const [token, setToken] = useState(storedToken);
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const claims = useMemo(() => (token ? readTokenClaims(token) : null), [token]);
  const expired = claims?.expiresAt != null && claims.expiresAt * 1000 <= Date.now();

  const signOut = useCallback((message: string | null) => {
    clearToken();
    setMe(null);
    setToken(null);
    setNotice(message);
  }, []);

  // The directory's view of the user (agency name, title); it also proves the token to the gateway.
  useEffect(() => {
    if (!token || !claims || expired) return;
    setMe(null);
    requestGraphQL<{ me: Me | null }>(token, ME).then(
      ({ data }) => setMe(data.me),
      (e: unknown) => {
        if (e instanceof ApiError && e.code === 'UNAUTHENTICATED')
          signOut('登录已失效或令牌无效，请重新登录。');
      },
    );
  }, [token, claims, expired, signOut]);

  const session = useMemo<Session | null>(
    () =>
      token && claims
        ? {
            token,
            personName: claims.name,
            roles: claims.roles,
            me,
            // The gateway's rule: a partner user's token carries the PARTNER_USER role.
            isPartner: claims.roles.includes('PARTNER_USER'),
            signOut: () => {
              signOut(null);
              window.location.hash = '#/';
            },
          }
        : null,
    [token, claims, me, signOut],
  );

  if (!session || expired) {
    return (
      <SignInPage
        notice={
          token && !claims ? '令牌无法识别，请重新登录。' : expired ? '登录已过期，请重新登录。' : notice
        }
        onToken={(t) => {
          storeToken(t);
          setNotice(null);
          setToken(t);
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} />
    </SessionContext.Provider>
  );
}

function Shell({ session }: { session: Session }) {
  const route = useRoute();
  const nav = session.isPartner ? PARTNER_NAV : INTERNAL_NAV;
  const home: Route = session.isPartner ? { page: 'partner' } : { page: 'overview' };
  const current = route.page === 'home' ? home : route;
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="#/">
          巡察整改督办看板
        </a>
        <nav>
          {nav.map((item) => (
            <a
              key={item.label}
              href={hrefOf(item.route)}
              className={item.route.page === current.page ? 'active' : ''}
              data-testid={`nav-${item.route.page}`}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <div className="user" data-testid="signed-in-user">
          <span>
            {session.personName}
            {session.me ? ` · ${session.me.agency.name}` : ''}
          </span>
          <span className="small muted">{session.roles.map((r) => labelOf(ROLE, r)).join('、')}</span>
          <button type="button" className="link-button" onClick={session.signOut} data-testid="sign-out">
            退出
          </button>
        </div>
      </header>
      <main className="content">
        <Page route={current} isPartner={session.isPartner} />
      </main>
    </div>
  );
}

function Page({ route, isPartner }: { route: Route; isPartner: boolean }) {
  if (isPartner && INTERNAL_PAGES.has(route.page)) {
    return (
      <div className="error-box" role="alert" data-testid="internal-only">
        该页面仅供局内人员查看。<a href="#/partner">返回我的任务</a>
      </div>
    );
  }
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'ledger':
      return <LedgerPage />;
    case 'problem':
      return <ProblemPage id={route.id} />;
    case 'supervision':
      return <SupervisionPage />;
    case 'direct-line':
      return <DirectLinePage />;
    case 'partner':
      return <PartnerPage />;
    case 'weekly':
      return <WeeklyPage />;
    default:
      return <p>页面不存在。</p>;
  }
}

import type { ReactNode } from 'react';
import type { ApiError, GraphQLErrorEntry } from '../api/graphql-client';

export function Loading({ what = '数据' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      正在加载{what}…
    </p>
  );
}

const REFUSALS: Record<string, string> = {
  FORBIDDEN: '您的账号无权查看此内容。',
  UNAUTHENTICATED: '登录已失效，请重新登录。',
};

export function ErrorBox({ error }: { error: ApiError }) {
  return (
    <div className="error-box" role="alert">
      {REFUSALS[error.code] ?? error.message}
      <span className="muted">（{error.code}）</span>
    </div>
  );
}

/** Fields the gateway could not resolve while the rest of the page did (shown, never hidden). */
export function PartialErrors({ errors }: { errors: GraphQLErrorEntry[] }) {
  if (errors.length === 0) return null;
  return (
    <details className="partial-errors">
      <summary>部分数据未能加载（{errors.length}）</summary>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.path?.join('.') ?? ''} {e.extensions?.code ?? ''}: {e.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Renders children once data is there, with loading and error states in between. */
export function QueryView<T>({
  state,
  what,
  children,
}: {
  state: { data: T | null; error: ApiError | null; loading: boolean; partialErrors: GraphQLErrorEntry[] };
  what?: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (!state.data) return <Loading what={what} />;
  return (
    <>
      <PartialErrors errors={state.partialErrors} />
      {children(state.data)}
    </>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

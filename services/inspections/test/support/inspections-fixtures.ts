import type { TestStack } from '@eco/testing';

export interface MutationError {
  code: string;
  message: string;
  fieldErrors: { field: string; message: string }[];
  currentVersion: number | null;
}

export const ERROR_FIELDS = 'error { code message fieldErrors { field message } currentVersion }';

export type Result<T> = { ok: boolean; error: MutationError | null } & T;

/** Runs a mutation returning `{ ok, error, <fields> }` through the gateway and hands back that result. */
export async function mutate<T = Record<string, unknown>>(
  t: TestStack,
  token: string,
  name: string,
  input: Record<string, unknown>,
  selection = '',
): Promise<Result<T>> {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const response = await t.gql<Record<string, Result<T>>>(
    token,
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ok ${ERROR_FIELDS} ${selection} } }`,
    { input },
  );
  if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
  return response.data![name]!;
}

/** Like mutate, but the mutation must succeed. */
export async function mustMutate<T = Record<string, unknown>>(
  t: TestStack,
  token: string,
  name: string,
  input: Record<string, unknown>,
  selection = '',
): Promise<Result<T>> {
  const result = await mutate<T>(t, token, name, input, selection);
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
  return result;
}

/** The outbox rows inspections wrote, oldest first, with whether the relay has published them. */
export async function inspectionsOutbox(
  t: TestStack,
): Promise<{ subject: string; payload: Record<string, unknown>; published: boolean }[]> {
  const rows: {
    subject: string;
    envelope: { payload: Record<string, unknown> };
    published_at: Date | null;
  }[] = await t.stack.subgraphs.inspections.runtime.dataSource.query(
    'SELECT subject, envelope, published_at FROM inspections.outbox ORDER BY position',
  );
  return rows.map((r) => ({
    subject: r.subject,
    payload: r.envelope.payload,
    published: r.published_at !== null,
  }));
}

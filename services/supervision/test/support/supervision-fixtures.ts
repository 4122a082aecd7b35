import type { Role } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { demoPerson } from '@eco/demo-data';
import type { TestStack } from '@eco/testing';
import { eachDelivery } from '@eco/events';

export interface MutationError {
  code: string;
  message: string;
  fieldErrors: { field: string; message: string }[];
  currentVersion: number | null;
}

const ERROR_FIELDS = 'error { code message fieldErrors { field message } currentVersion }';

/** Runs a mutation that returns `{ ok, error, <fields> }` and hands back that result. */
export async function mutate<T = Record<string, any>>(
  t: TestStack,
  token: string,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
): Promise<{ ok: boolean; error: MutationError | null } & T> {
  const response = await t.gql<Record<string, { ok: boolean; error: MutationError | null } & T>>(
    token,
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ok ${ERROR_FIELDS} ${selection} } }`,
    { input },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data![name]!;
}

/** A query that must not fail. */
export async function query<T = any>(
  t: TestStack,
  token: string,
  document: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await t.gql<T>(token, document, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

/** A demo person as the principal the services take. */
export function principalOf(code: string): Principal {
  const person = demoPerson(code);
  return { personId: person.id, agencyId: person.agencyId, name: person.name, roles: person.roles as Role[] };
}

/**
 * Collects every event published on some subjects through the test's own JetStream consumers: what
 * another service would receive.
 */
export async function collectEvents(t: TestStack, subjects: string[]) {
  const received: { subject: string; payload: Record<string, any> }[] = [];
  const subscriptions = await Promise.all(
    subjects.map((subject) =>
      t.stack.transport.subscribe(
        { durableName: `test--${subject.replace(/\./g, '_')}`, subject },
        eachDelivery(async (delivery) => {
          const envelope = JSON.parse(new TextDecoder().decode(delivery.data));
          received.push({ subject, payload: envelope.payload });
          delivery.ack();
        }),
      ),
    ),
  );
  return {
    received,
    of: (subject: string, where: (p: Record<string, any>) => boolean = () => true) =>
      received.filter((e) => e.subject === subject && where(e.payload)).map((e) => e.payload),
    stop: () => Promise.all(subscriptions.map((s) => s.stop())),
  };
}

import { GraphQLError } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every entity id in this system is a UUID. */
export function isId(value: string): boolean {
  return UUID.test(value);
}

/** For id arguments that filter a list: a malformed one is the caller's mistake, said as such. */
export function requireId(value: string, argument: string): string {
  if (!isId(value)) {
    throw new GraphQLError(`${argument} is not a valid id`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

export { ROLES, principalSchema, isPartner, hasAnyRole } from './principal';
export type { Principal, Role } from './principal';
export { AuthError } from './auth-error';
export type { AuthErrorCode } from './auth-error';
export { createUserTokenVerifier, signUserToken } from './user-token';
export type { UserTokenSettings, UserTokenVerifier } from './user-token';
export {
  INTERNAL_TOKEN_HEADER,
  createInternalTokenSigner,
  createInternalTokenVerifier,
} from './internal-token';

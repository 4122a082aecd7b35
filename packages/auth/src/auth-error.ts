export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** A refused caller; the HTTP layers map it to 401/403 with its code and no further detail. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

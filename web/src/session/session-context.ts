import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

export interface Session {
  token: string;
  /** Who the token names (its claims); `me` adds the directory's details once it has answered. */
  personName: string;
  roles: string[];
  me: Me | null;
  /** Partner agencies (townships, the enforcement bureau) see only what is assigned to them. */
  isPartner: boolean;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

// Who is signed in (the token's user name and roles from `GET /api/me`): the language choice is saved per
// user, and admin-only pages are offered to admins. Null until known, and without a token.
import { createContext, useContext } from 'react';

export interface Me {
  name: string;
  roles: readonly string[];
  /** The partner organisation they work for (an outsourced back office), if any. */
  partner?: string;
}

export const SignedInUser = createContext<Me | null>(null);

/** The signed-in user's name, or null. */
export function useSignedInUser(): string | null {
  return useContext(SignedInUser)?.name ?? null;
}

/** Whether the signed-in user is an admin (false while unknown). */
export function useIsAdmin(): boolean {
  return useContext(SignedInUser)?.roles.includes('admin') ?? false;
}

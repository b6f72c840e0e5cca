// Who is signed in (the token's user name from `GET /api/me`), for the language choice saved per user.
// Null until known, and without a token.
import { createContext, useContext } from 'react';

export const SignedInUser = createContext<string | null>(null);

export function useSignedInUser(): string | null {
  return useContext(SignedInUser);
}

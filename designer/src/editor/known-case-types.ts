// The case types the server knows (the list the editor page loads first), for the pickers that name another
// case type ("Open a child case"). Null where no list was loaded (a component rendered on its own).
import { createContext } from 'react';
import type { KnownCaseType } from '../model/pick-options.ts';

export const KnownCaseTypes = createContext<readonly KnownCaseType[] | null>(null);

// The designer's view of the wire: the types openapi-typescript generates from GET /api/openapi.json
// (wire.gen.ts, `npm run gen:api`), plus `Refine` for the fields where the designer knows more than the document
// says (the engine's own types of a state value, tasks, SLAs, checklist, next events).
import type { components } from './wire.gen.ts';

/** Every schema of the OpenAPI document (`components/schemas`), by name: `Wire['Case']`, `Wire['Me']`, … */
export type Wire = components['schemas'];

/**
 * The wire type `W` with the keys of `R` replaced by the designer's refinements. Each refined key must be a key of
 * `W`, and its refined type must fit what the wire allows there (ignoring only that the wire may leave it out), so
 * renaming, dropping or retyping a field in the document breaks the designer's build, not its users.
 */
export type Refine<W, R extends { [K in keyof R]: K extends keyof W ? Plain<Exclude<W[K], undefined>> : never }> = Omit<W, keyof R> & R;

/** A wire value type with interfaces' missing index signatures forgiven: `Record<string, unknown>` accepts any object. */
type Plain<T> = T extends readonly (infer I)[] ? readonly Plain<I>[] : T extends Record<string, unknown> ? (Record<string, unknown> extends T ? object : T) : T;

// The process-mining export's public names: converters (no I/O, streaming) and the OCEL checker.
// The CaseStore reader (either store) and the window's checks are here; the Hono route
// (export-route.ts) is imported directly by its host, so this stays free of Node modules.
export type * from './types.ts';
export type * from './ocel-types.ts';
export { toXes, XES_NAMESPACE, type XesOptions } from './xes.ts';
export { toOcel } from './ocel.ts';
export { checkOcel, fitsType, type OcelProblem, type OcelProblemCode } from './ocel-check.ts';
export { createStoreSource, type StoreSourceOptions, type StoreSourceResult } from './store-source.ts';
export { xmlAttributeValue, xesKey } from './xml-text.ts';

// Scenario and path tooling (`dossier test`, the designer's simulator): runs scenario files against a
// compiled case type and enumerates its paths. Pure like the engine, and built on the engine's door only.
export { runScenario, SCENARIO_ACTOR, SCENARIO_CASE_ID } from './scenario.ts';
export type { RunScenarioOptions } from './scenario.ts';
export type * from './scenario-types.ts';
export { DEFAULT_SCENARIO_START } from './scenario-types.ts';
export { latestSla } from './scenario-expect.ts';
export { validateScenario } from './scenario-validate.ts';
export type { ScenarioValidation } from './scenario-validate.ts';
export { enumeratePaths, formatPath } from './paths.ts';
export type { PathStep, PathEnumeration, EnumeratePathsOptions } from './paths.ts';
export { measureCoverage } from './paths-coverage.ts';
export type { PathCoverage, CoveredPath, CoveredTransition } from './paths-coverage.ts';

// The public names of schemas/: the definition format, its validation and the case-data ajv.
export { validateCaseType, isValid, compareProblems, type ValidateOptions } from './validate.ts';
export {
  problemCodes,
  createProblem,
  formatMessage,
  type Problem,
  type ProblemCode,
  type Severity,
} from './problems.ts';
export { createDataAjv, isMoney, isPhone } from './ajv.ts';
export { parseDuration, compareDurations, type ParsedDuration } from './lint/time.ts';
export { resolveField, type ResolvedField } from './lint/data-index.ts';
export { translatableTexts, translatableAt, translateDefinition, translationLanguages, TRANSLATABLE_KEYS, type TranslatableText } from './translations.ts';
export { shareTree, sharesAnything, sharedValue, sharedData, sharedPatchOp, isShared, unsharedPointers, type ShareTree } from './sharing.ts';
export type * from './generated/case-type.ts';

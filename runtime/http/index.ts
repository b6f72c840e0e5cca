// The HTTP adapter's public names.
export { createApp, type AppOptions } from './create-app.ts';
export { problemTable, problemBody, HttpProblem, type ProblemBody, type ProblemCode } from './problems.ts';
export { openApiDocument } from './openapi.ts';

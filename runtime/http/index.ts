// The HTTP adapter's public names.
export { createApp, type AppOptions } from './create-app.ts';
export { hashToken, issueToken, newTokenSecret, platformRoles } from './auth.ts';
export { openApiDocument } from './openapi.ts';

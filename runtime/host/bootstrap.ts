// First start: the admin token for tenant `default`, and templates/*.case.json as published case types.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValid, validateCaseType } from '../../schemas/index.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { hashToken, issueToken } from '../http/auth.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { Logger } from './logger.ts';

export const DEFAULT_TENANT = 'default';

/**
 * Creates the admin token when the database has none (returns its secret, to print once). With
 * `fixedSecret` (DOSSIER_ADMIN_TOKEN) that secret is the admin token, added if it is not known yet.
 */
export async function ensureAdminToken(store: CaseStore, at: string, fixedSecret?: string): Promise<string | null> {
  if (fixedSecret !== undefined && fixedSecret !== '') {
    if ((await store.findTokenByHash(hashToken(fixedSecret))) !== null) return null;
    await issueToken(store, { tenant: DEFAULT_TENANT, name: 'admin', roles: ['admin'], secret: fixedSecret }, at);
    return fixedSecret;
  }
  if ((await store.countTokens()) > 0) return null;
  return (await issueToken(store, { tenant: DEFAULT_TENANT, name: 'admin', roles: ['admin'] }, at)).secret;
}

/** Publishes each valid template whose key has no published version yet in tenant `default`. */
export async function seedTemplates(store: CaseStore, dir: string, at: string, logger: Logger): Promise<string[]> {
  await store.ensureTenant(DEFAULT_TENANT, at);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.case.json')).sort();
  } catch {
    logger.warn('no templates directory; nothing seeded', { dir });
    return [];
  }
  const seeded: string[] = [];
  for (const file of files) {
    let definition: unknown;
    try {
      definition = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      logger.warn('template is not valid JSON; skipped', { file, error: String(error) });
      continue;
    }
    const problems = validateCaseType(definition);
    if (!isValid(problems)) {
      logger.warn('template has errors; skipped', { file, errors: problems.filter((p) => p.severity === 'error').length });
      continue;
    }
    const def = definition as CaseType;
    if ((await store.getCaseType(DEFAULT_TENANT, def.key)) !== null) continue;
    await store.publish(DEFAULT_TENANT, def.key, def, at);
    seeded.push(def.key);
  }
  return seeded;
}

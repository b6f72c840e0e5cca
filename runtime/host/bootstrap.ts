// First start: the admin token for tenant `default`, and templates/*.case.json as published case types,
// through the token and case-type services. Hosts that share a store and start together take turns
// (CaseStore.exclusively), so each is done once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseStore } from '../store/case-store.ts';
import { createCaseTypeService } from './case-type-service.ts';
import type { Logger } from './logger.ts';
import { createTokenService, DEFAULT_TENANT } from './tokens.ts';

export { DEFAULT_TENANT };

const exclusively = <T>(store: CaseStore, work: () => Promise<T>): Promise<T> => (store.exclusively === undefined ? work() : store.exclusively(work));

/**
 * Creates the admin token when the database has none (returns its secret, to print once). With
 * `fixedSecret` (DOSSIER_ADMIN_TOKEN) that secret is the admin token, added if it is not known yet.
 */
export function ensureAdminToken(store: CaseStore, at: string, fixedSecret?: string): Promise<string | null> {
  return exclusively(store, () => createTokenService(store).ensureAdmin(at, fixedSecret));
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
  const caseTypes = createCaseTypeService(store, { now: () => at });
  return exclusively(store, async () => {
    const seeded: string[] = [];
    for (const file of files) {
      let definition: unknown;
      try {
        definition = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (error) {
        logger.warn('template is not valid JSON; skipped', { file, error: String(error) });
        continue;
      }
      const key = typeof definition === 'object' && definition !== null ? (definition as { key?: unknown }).key : undefined;
      if (typeof key === 'string' && (await caseTypes.versions(DEFAULT_TENANT, key)).ok) continue;
      const published = await caseTypes.publish(DEFAULT_TENANT, definition);
      if (!published.ok) {
        logger.warn('template has errors; skipped', { file, errors: published.problems?.filter((p) => 'severity' in p && p.severity === 'error').length ?? 0 });
        continue;
      }
      seeded.push(published.value.key);
    }
    return seeded;
  });
}

// Where the official XES and OCEL 2.0 schemas are, and whether the checks against them can run here
// (no vitest import: the suite's global setup reads it too, to say once what is skipped and why).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const STANDARDS = process.env.DOSSIER_STANDARDS ?? join(import.meta.dirname, '../../../../shared/standards');
export const XSD = join(STANDARDS, 'xes-ieee-1849-2016.xsd');
export const OCEL_SCHEMA_FILE = join(STANDARDS, 'ocel20-schema-json.json');

/**
 * Whether the official schemas can be checked against here, and if not, why and how to enable it.
 * They live in a `standards` folder with the IEEE 1849-2016 XSD, the OCEL 2.0 JSON Schema and their
 * examples: `DOSSIER_STANDARDS`, or `../shared/standards` beside the repository on the project's own
 * machines. They are not vendored: the OCEL files are GPL-3.0 via pm4py.
 */
export const standards = locateStandards();

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function locateStandards(): { xes: string | null; ocel: string | null } {
  const enable = `set DOSSIER_STANDARDS to a folder with xes-ieee-1849-2016.xsd, ocel20-schema-json.json and examples/ to run them`;
  const missing = (file: string) => `${file} not found in ${STANDARDS} (${enable})`;
  let xes: string | null = existsSync(XSD) ? null : missing('xes-ieee-1849-2016.xsd');
  if (xes === null && !hasXmllint()) xes = 'xmllint is not installed (apt-get install libxml2-utils)';
  const ocel = existsSync(OCEL_SCHEMA_FILE) ? null : missing('ocel20-schema-json.json');
  return { xes, ocel };
}


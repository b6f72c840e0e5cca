// Vitest global setup: says once, at the start of the run, which checks against the official XES and
// OCEL 2.0 schemas are skipped on this machine and how to run them (each skipped test names it too).
import { locateStandards } from './runtime/export/standards.ts';

export default function setup(): void {
  const { xes, ocel } = locateStandards();
  const skipped = [
    ...(xes === null ? [] : [`the XES export checks against the IEEE 1849-2016 XSD (${xes})`]),
    ...(ocel === null ? [] : [`the OCEL export checks against the OCEL 2.0 JSON Schema (${ocel})`]),
  ];
  if (skipped.length > 0) console.log(`Skipped: ${skipped.join('; ')}.`);
}

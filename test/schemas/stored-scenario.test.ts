// The meta-schema's `scenarios` ($defs/storedScenario…) is a copy of schemas/scenario.schema.json; this keeps the two in step.
import { describe, expect, it } from 'vitest';
import metaSchema from '../../schemas/case-type.schema.json' with { type: 'json' };
import scenarioSchema from '../../schemas/scenario.schema.json' with { type: 'json' };

const RENAMED: Record<string, string> = {
  '#/$defs/step': '#/$defs/storedScenarioStep',
  '#/$defs/expect': '#/$defs/storedScenarioExpect',
  '#/$defs/stateValue': '#/$defs/storedScenarioStateValue',
  '#/$defs/priority': '#/$defs/priority',
};

function renameRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(renameRefs);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' ? RENAMED[v as string] ?? v : renameRefs(v)]));
}

/**
 * A scenario file's step without what only a file can have: a stored scenario has no files beside it, so
 * its steps do not migrate (`migrate` names a plan file, `definition` a case type file; docs/migration.md).
 */
function fileStepless(step: Record<string, unknown>): Record<string, unknown> {
  const { migrate: _m, definition: _d, ...properties } = step.properties as Record<string, unknown>;
  return { ...step, properties, description: undefined };
}

describe('stored scenarios in the meta-schema', () => {
  it('match the scenario file format, but for the titles and `start` checked by pattern instead of format', () => {
    const defs = metaSchema.$defs as Record<string, Record<string, unknown>>;
    const src = scenarioSchema as unknown as { $defs: Record<string, Record<string, unknown>>; properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
    const { $schema: _s, $id: _i, $defs: _d, title: _t, ...top } = src;
    const { start: copiedStart, ...copiedProps } = (defs.storedScenario?.properties ?? {}) as Record<string, Record<string, unknown>>;
    const { start: srcStart, ...srcProps } = src.properties;
    expect({ ...defs.storedScenario, properties: copiedProps, title: undefined }).toEqual({ ...(renameRefs(top) as object), properties: renameRefs(srcProps), title: undefined });
    expect([copiedStart?.description, copiedStart?.type, srcStart?.format]).toEqual([srcStart?.description, srcStart?.type, 'date-time']);
    for (const [from, to] of [['step', 'storedScenarioStep'], ['expect', 'storedScenarioExpect'], ['stateValue', 'storedScenarioStateValue']] as const) {
      expect({ ...defs[to], title: undefined, ...(from === 'step' ? { description: undefined } : {}) }).toEqual({
        ...(renameRefs(from === 'step' ? fileStepless(src.$defs[from] ?? {}) : src.$defs[from]) as object),
        title: undefined,
      });
    }
    expect(defs.priority?.enum).toEqual(src.$defs.priority?.enum);
  });
});

// A JSON Patch (RFC 6902) as lines people read: `/severity set to "high"`, `/questionForCustomer removed`.
import type { JsonPatchOp, JsonValue } from '../../../runtime/engine/index.ts';

function short(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function patchLines(patch: readonly JsonPatchOp[]): string[] {
  return patch.map((op) => {
    switch (op.op) {
      case 'add':
        return `${op.path} set to ${short(op.value)}`;
      case 'replace':
        return `${op.path} changed to ${short(op.value)}`;
      case 'remove':
        return `${op.path} removed`;
      default: {
        const _never: never = op;
        return _never;
      }
    }
  });
}

// One mapping of a reason_suggestions row for both stores (issue 21, docs/reason-suggestion.md).
import type { SuggestionRecord } from './case-store.ts';

export interface SuggestionRow {
  tenant: string;
  case_id: string;
  case_type: string;
  field: string;
  value: string;
  /** The confidence in millionths (an integer: both databases and the store copy keep it exactly). */
  confidence_ppm: number;
  trained_on: number;
  trained_at: string;
  suggested_at: string;
  outcome: string | null;
  chosen: string | null;
  decided_at: string | null;
}

export function suggestionOf(row: SuggestionRow): SuggestionRecord {
  return {
    tenant: row.tenant,
    caseId: row.case_id,
    caseType: row.case_type,
    field: row.field,
    value: row.value,
    confidence: Number(row.confidence_ppm) / 1_000_000,
    trainedOn: Number(row.trained_on),
    trainedAt: row.trained_at,
    suggestedAt: row.suggested_at,
    outcome: row.outcome === 'accepted' || row.outcome === 'corrected' ? row.outcome : null,
    chosen: row.chosen,
    decidedAt: row.decided_at,
  };
}

/** A confidence (0..1) in millionths, as the table keeps it. */
export function ppm(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 1_000_000);
}

// The case type of the reason-suggestion tests (docs/reason-suggestion.md): feedback with a subject, a
// description and a reason (a choice field) that TRIAGE sets; CLOSE ends it. `suggest` is given or left out.
export const FEEDBACK_REASONS = ['billing', 'delivery', 'product-quality', 'service', 'staff-behaviour', 'privacy', 'other'] as const;

export function feedbackCaseType(options: { suggest?: unknown; key?: string } = {}) {
  const reason = { type: 'string', title: 'Reason', enum: [...FEEDBACK_REASONS] };
  return {
    key: options.key ?? 'feedback',
    title: 'Customer feedback',
    data: {
      type: 'object',
      properties: {
        subject: { type: 'string', title: 'Subject' },
        description: { type: 'string', title: 'What happened' },
        reason,
      },
    },
    ...(options.suggest === undefined ? {} : { suggest: options.suggest }),
    form: {
      sections: [{ id: 'feedback', title: 'Feedback', fields: ['/subject', { field: '/description', widget: 'textarea' }, { field: '/reason', widget: 'select' }] }],
    },
    events: {
      TRIAGE: { title: 'Triage', data: { type: 'object', additionalProperties: false, properties: { reason } } },
      CLOSE: { title: 'Close' },
    },
    playbook: {
      initial: 'open',
      states: {
        open: { title: 'Open', on: { TRIAGE: {}, CLOSE: { target: 'closed' } } },
        closed: { title: 'Closed', type: 'final' },
      },
    },
  };
}

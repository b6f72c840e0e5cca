// The one table of problem codes: severity and message template of everything the validator reports.
// Templates use {name} placeholders filled by createProblem; every code is explained in docs/problem-codes.md.

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  code: string;
  message: string;
  /** JSON Pointer into the definition, at the place to fix ('' is the whole definition). */
  pointer: string;
}

interface ProblemSpec {
  severity: Severity;
  message: string;
}

export const problemCodes = {
  // Files the command line reads.
  'json.syntax': { severity: 'error', message: 'the file is not valid JSON: {detail}' },

  // Structure: the meta-schema, translated.
  'schema.unknown_key': { severity: 'error', message: "unknown key '{key}' in {where}{hint}" },
  'schema.required': { severity: 'error', message: "{where} is missing the required key '{key}'" },
  'schema.type': { severity: 'error', message: '{subject} must be {expected}' },
  'schema.enum': { severity: 'error', message: '{subject} is {value}; allowed values are {allowed}' },
  'schema.pattern': { severity: 'error', message: "'{value}' is not a valid {kind}: {explanation}" },
  'schema.duration': { severity: 'error', message: "'{value}' is not an ISO 8601 duration such as PT8H" },
  'schema.format': { severity: 'error', message: "'{value}' is not a valid {format}{example}" },
  'schema.too_few': { severity: 'error', message: '{subject} must have at least {limit}' },
  'schema.too_many': { severity: 'error', message: '{subject} must have at most {limit}' },
  'schema.range': { severity: 'error', message: '{subject} must be {comparison} {limit}' },
  'schema.duplicate_item': { severity: 'error', message: "{subject} lists '{value}' more than once" },
  'schema.invalid': { severity: 'error', message: '{subject} is not valid here ({detail})' },
  'schema.too_deep': {
    severity: 'error',
    message: 'the definition nests objects and arrays more than {limit} levels deep here; flatten it (nothing deeper is checked)',
  },

  // Playbook structure.
  'state.duplicate_id': {
    severity: 'error',
    message: "state id '{state}' is already used at {first}; state ids must be unique across the playbook",
  },
  'state.missing_initial': {
    severity: 'error',
    message: "{state} has child states but no 'initial'; name the child state to start in ({children})",
  },
  'state.unknown_initial': {
    severity: 'error',
    message: "initial state '{target}' is not a direct child of {state}; choose one of {children}",
  },
  'state.initial_without_children': {
    severity: 'error',
    message: "state '{state}' has an 'initial' but no child states; remove 'initial' or add 'states'",
  },
  'state.final_has_children': {
    severity: 'error',
    message: "final state '{state}' cannot have child states; remove 'states' or change its type",
  },
  'state.final_has_transitions': {
    severity: 'error',
    message: "final state '{state}' cannot have '{key}': a case never leaves a final state",
  },
  'state.parallel_too_few_regions': {
    severity: 'warning',
    message: '{state} is parallel but has {count} region(s); a parallel state needs at least 2 child states',
  },
  'state.unknown_target': { severity: 'error', message: "transition target '{target}' is not a state{hint}" },
  'state.unknown_reference': { severity: 'error', message: "'{target}' is not a state{hint}" },
  'state.unreachable': {
    severity: 'warning',
    message:
      "state '{state}' can never be reached from the initial state; add a transition to it or remove it",
  },
  'state.dead_end': {
    severity: 'warning',
    message:
      "state '{state}' is not final but has no way out; add 'on', 'always' or 'after', or make it final",
  },
  'transition.shadowed': {
    severity: 'warning',
    message: 'this transition is never taken: an earlier one in the list has no guard and always wins',
  },

  // Names that must exist.
  'rule.unknown': { severity: 'error', message: "rule '{name}' is not defined in 'rules'{hint}" },
  'event.unknown': { severity: 'error', message: "event '{name}' is not defined in 'events'{hint}" },
  'event.unknown_timer': {
    severity: 'error',
    message: "'{name}' names timer '{timer}', but no 'after' delay has that id{hint}",
  },
  'event.unknown_sla': {
    severity: 'error',
    message: "'{name}' names SLA '{sla}', which is not defined in 'slas'{hint}",
  },
  'event.unknown_lookup': {
    severity: 'error',
    message: "'{name}' names lookup '{lookup}', but no 'lookup' action has that name{hint}",
  },
  'queue.unknown': { severity: 'error', message: "queue '{name}' is not defined in 'queues'{hint}" },
  'queue.duplicate_skill': { severity: 'error', message: "queue '{name}' names the skill '{skill}' more than once; name it once, with the lowest level that will do" },
  'queue.offer_timeout_zero': { severity: 'error', message: "queue '{name}' gives an offer no time to be answered (offerTimeout {duration}); give at least a few seconds, e.g. PT2M" },
  'role.unknown': { severity: 'error', message: "role '{name}' is not defined in 'roles'{hint}" },
  'calendar.unknown': { severity: 'error', message: "calendar '{name}' is not defined in 'calendars'{hint}" },
  'form.unknown_section': {
    severity: 'error',
    message: "form section '{name}' is not defined in 'form.sections'{hint}",
  },
  'form.duplicate_section': {
    severity: 'error',
    message: "form section id '{name}' is used twice; section ids must be unique",
  },
  'event.unknown_overdue': {
    severity: 'error',
    message: "'{name}' names the overdue task of state '{state}', but that state has no task with 'onOverdue'{hint}",
  },
  'task.overdue_without_due': {
    severity: 'warning',
    message: "the task has 'onOverdue' but no 'due': without a due time it never becomes overdue, so these actions never run",
  },
  'timer.duplicate_id': {
    severity: 'error',
    message: "timer id '{name}' is used twice; 'after' ids must be unique in the playbook",
  },
  'case_type.unknown': { severity: 'warning', message: "case type '{name}' is not known here{hint}" },
  'linked.event_unknown': {
    severity: 'error',
    message: "event '{name}' is sent to the child cases, but {caseType} has no such event: its cases would not take it{hint}",
  },
  'webhook.non_public_address': {
    severity: 'warning',
    message:
      "the webhook URL's host {host} is a {reason} address: the runtime refuses to deliver there (the delivery is dead-lettered) unless its operator lists it in DOSSIER_WEBHOOK_ALLOW",
  },
  'lookup.non_public_address': {
    severity: 'warning',
    message:
      "the lookup URL's host {host} is a {reason} address: the runtime refuses to call it (the lookup fails) unless its operator lists it in DOSSIER_WEBHOOK_ALLOW",
  },
  'lookup.body_with_get': {
    severity: 'error',
    message: "lookup '{name}' lists body values but is a GET, which sends no body; set \"method\": \"POST\" or send them as 'query' values",
  },
  'lookup.unhandled': {
    severity: 'warning',
    message: "no transition takes lookup.{name}.done or lookup.{name}.failed: the answer of lookup '{name}' is never written into the case; add transitions on them where the lookup runs",
  },
  'rule.checklist_untitled': {
    severity: 'warning',
    message: "rule '{name}' is shown in a checklist but has no title; agents will see the key '{name}'",
  },

  // Hints for analysts: messages in business words (titles), never keys, pointers or patterns.
  'state.checklist_unfillable': {
    severity: 'warning',
    message:
      "in {state}, the checklist item {rule} needs {fields}, but no event accepted there can fill {it} in; add {it} to an event's form or remove the item from the checklist",
  },
  'transition.guard_unfillable': {
    severity: 'warning',
    message:
      "in {state}, {condition} needs {fields}, but no event accepted there can fill {it} in; add {it} to an event's form or change the condition",
  },
  'delay.calendar_days': {
    severity: 'warning',
    message: '{state} waits {duration}: choose a business calendar if working days are meant',
  },
  'rule.unused': {
    severity: 'warning',
    message:
      'the rule {rule} is not used: no condition, checklist, form visibility or service level refers to it; use it or remove it',
  },

  // Translations of the case type's own texts.
  'translation.stale': {
    severity: 'warning',
    message:
      'the {language} text “{text}” is for {place}, which is no longer a title, description, help text, placeholder or pattern hint of this case type; remove it or translate the text that replaced it',
  },

  // Fields and data.
  'field.unknown': { severity: 'error', message: "{what} '{field}' is not a field in 'data'{hint}" },
  'email.not_text': {
    severity: 'error',
    message: "the {what} '{field}' must be a text field (type string): mail is text",
  },
  'email.reply_body_not_in_event': {
    severity: 'error',
    message: "the reply's text goes into '{field}', so the event '{event}' must carry it: add it to the event's data properties, or leave the reply's body out",
  },
  'suggest.not_choice': {
    severity: 'error',
    message: "the suggested field '{field}' must be a choice field (a text field with an enum of its values): a suggestion picks one of them",
  },
  'suggest.not_text': {
    severity: 'error',
    message: "the suggestion reads '{field}', which is not a text field (type string): it learns from words",
  },
  'suggest.email_without_intake': {
    severity: 'warning',
    message: "the suggestion reads the first e-mail, but the case type takes no mail (no email.subject or email.body): add them or leave email out",
  },
  'data.not_object': {
    severity: 'error',
    message: '\'data\' must be an object schema: set "type": "object" and list the fields in \'properties\'',
  },
  'data.documents_not_array': {
    severity: 'error',
    message: 'a documents field is a list of documents: give it "type": "array" (count documents with minItems and maxItems)',
  },
  'data.documents_not_a_field': {
    severity: 'error',
    message: 'a documents field must be a property of the data or of a group in it, not inside a repeating group, additionalProperties or $defs: move it there',
  },
  'data.unresolved_ref': {
    severity: 'error',
    message: "'$ref' '{ref}' does not point to a schema in this document; use '#/$defs/<name>'",
  },
  'data.example_mismatch': {
    severity: 'warning',
    message: "the example '{example}' does not fit the field's pattern: people are shown it as what to type; correct the example or the pattern",
  },
  'data.invalid_pattern': {
    severity: 'error',
    message: "'{pattern}' is not a valid regular expression: {detail}",
  },
  'action.set_value_or_from': {
    severity: 'error',
    message: "a set action needs exactly one of 'value' or 'from'; {detail}",
  },
  'action.set_value_invalid': {
    severity: 'error',
    message: "value {value} is not valid for field '{field}': {detail}",
  },
  'rule.invalid_schema': { severity: 'error', message: "rule '{name}' is not a valid JSON Schema: {detail}" },
  'rule.unknown_data_pointer': {
    severity: 'error',
    message: "'$data' reference '{ref}' does not point to a field; from {from} it resolves to {resolved}",
  },

  // Messages (e-mail out, docs/email.md).
  'message.survey_not_field': {
    severity: 'warning',
    message: "placeholder '{placeholder}' is the customer's survey link (nothing in a message that mails none), not the data field {field}: name the field by its pointer, '{field}'",
  },
  'message.unknown_placeholder': {
    severity: 'error',
    message: "placeholder '{placeholder}' names no field of the case data{hint}",
  },
  'message.unknown_template': {
    severity: 'warning',
    message: "there is no message '{name}' under messages{hint}; this notice is recorded on the case but cannot be e-mailed",
  },
  'message.customer_without_email': {
    severity: 'error',
    message: 'a message to the customer needs customer.email, the field that holds their e-mail address',
  },

  // Customer feedback (docs/feedback.md).
  'feedback.scale_empty': {
    severity: 'error',
    message: 'the scale runs from {min} to {max}: min must be below max, so that the customer has at least two scores to choose from',
  },
  'feedback.unreachable': {
    severity: 'error',
    message: 'the survey cannot reach the customer: name a message that e-mails the link (feedback.message) or give the case type a public status page (public)',
  },
  'feedback.unknown_message': {
    severity: 'error',
    message: "there is no message '{name}' under messages{hint}",
  },
  'feedback.no_link': {
    severity: 'error',
    message: "the message '{name}' does not hold the survey link: write {placeholder} in its body",
  },
  'feedback.customer_without_email': {
    severity: 'error',
    message: 'the survey is e-mailed to the customer, which needs customer.email, the field that holds their e-mail address',
  },

  // Interaction scripts (docs/scripts.md).
  'script.duplicate_step': {
    severity: 'error',
    message: "step id '{step}' is already used at {first}; step ids must be unique within a script",
  },
  'script.unknown_step': { severity: 'error', message: "'{target}' is not a step of this script{hint}" },
  'script.branch_without_target': {
    severity: 'error',
    message: "branch '{label}' leads nowhere; give it a step to go to ('goto') or an action to take ('event')",
  },
  'script.two_targets': {
    severity: 'error',
    message: "branch '{label}' has both a step to go to and an action; keep one ('goto' or 'event')",
  },
  'script.next_and_end': {
    severity: 'error',
    message: "step '{step}' has both 'next' and 'end'; a step either leads on or ends the script",
  },
  'script.unhandled_event': {
    severity: 'error',
    message: "'{event}' is not an action of state '{state}': neither it nor a state around or inside it has a transition on that event{hint}",
  },
  'script.answer_without_question': {
    severity: 'error',
    message: "this branch compares the answer of step '{step}', but that step asks no question; add 'ask' or use a rule",
  },
  'script.unreachable_step': {
    severity: 'warning',
    message: "step '{step}' can never be reached from the first step; add a branch or 'next' to it, or remove it",
  },
  'script.field_not_sendable': {
    severity: 'warning',
    message: "the answer to step '{step}' fills '{field}', but no action of state '{state}' carries that field, so the answer can never be sent; add it to an event's data",
  },

  // Time: durations, SLAs, calendars.
  'duration.zero': {
    severity: 'error',
    message: "duration '{value}' is zero; use a positive duration such as PT1H",
  },
  'sla.goal_not_before_deadline': {
    severity: 'error',
    message: 'goal {goal} must be shorter than the deadline {deadline}{note}',
  },
  'sla.warn_not_before_goal': {
    severity: 'error',
    message: 'warnAt {warnAt} must be shorter than {limitName} {limit}{note}',
  },
  'sla.start_from_not_date_time': {
    severity: 'error',
    message: 'startFrom field \'{field}\' must be a date-time field ("format": "date-time"){detail}',
  },
  'sla.pause_without_stop': {
    severity: 'warning',
    message: "SLA '{name}' can pause but never stops; add a 'stop' condition so the clock can be met",
  },
  'calendar.invalid_timezone': {
    severity: 'error',
    message: "'{value}' is not an IANA time zone; use a name such as Europe/Amsterdam or America/New_York",
  },
  'calendar.range_order': {
    severity: 'error',
    message: 'working time {from}–{to} must start before it ends',
  },
  'calendar.range_overlap': {
    severity: 'error',
    message: 'working time {from}–{to} overlaps {otherFrom}–{otherTo} on {day}',
  },
  'calendar.no_hours': {
    severity: 'error',
    message: "calendar '{name}' has no working hours on any day; business time would never pass",
  },
} as const satisfies Record<string, ProblemSpec>;

export type ProblemCode = keyof typeof problemCodes;

export type ProblemParams = Record<string, string | number>;

/** Fills a code's template with params ({name} → params.name). A missing param renders as an empty string. */
export function formatMessage(code: ProblemCode, params: ProblemParams = {}): string {
  return problemCodes[code].message.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    return value === undefined ? '' : String(value);
  });
}

export function createProblem(code: ProblemCode, pointer: string, params: ProblemParams = {}): Problem {
  return { severity: problemCodes[code].severity, code, message: formatMessage(code, params), pointer };
}

/* Generated from schemas/case-type.schema.json by `npm run gen:types`. Do not edit by hand. */

/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "jsonType".
 */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
/**
 * A rule name, { in: [state ids] }, { not: guard }, { all: [guards] } or { any: [guards] }.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "guard".
 */
export type Guard = string | InGuard | NotGuard | AllGuard | AnyGuard;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "pointer".
 */
export type Pointer = string;
/**
 * How long an offer waits for the agent before it goes to the next one (default PT2M; wall-clock time, no calendar).
 */
export type Duration = string;
/**
 * Working time from, to (24-hour local time), e.g. ["09:00", "17:00"].
 *
 * @minItems 2
 * @maxItems 2
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "timeRange".
 */
export type TimeRange = [ClockTime, ClockTime];
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "clockTime".
 */
export type ClockTime = string;
/**
 * ISO 8601 duration in weeks, days, hours, minutes, seconds (PT8H, P2D, P1DT4H). With a calendar, days are working days and hours are working hours.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "duration".
 */
export type Duration1 = string;
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "action".
 */
export type Action =
  | SetAction
  | AssignAction
  | PriorityAction
  | NotifyAction
  | WebhookAction
  | LookupAction
  | RaiseAction
  | CreateCaseAction
  | NoteAction
  | SendToChildrenAction
  | SendToParentAction;
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "priority".
 */
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer1 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer2 = string;
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "transitionSpec".
 */
export type TransitionSpec = string | Transition | [Transition, ...Transition[]];
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer3 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer4 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer5 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer6 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer7 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer8 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer9 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer10 = string;
/**
 * JSON Pointer into the case data, e.g. /customer/email.
 */
export type Pointer11 = string;
/**
 * ISO 8601 duration in weeks, days, hours, minutes, seconds (PT8H, P2D, P1DT4H). With a calendar, days are working days and hours are working hours.
 */
export type Duration2 = string;
/**
 * One text, or one per language (by language tag, e.g. {"en": "...", "nl": "..."}). {{/pointer}} is replaced by that field of the case data, {{reference}}, {{caseType}}, {{state}}, {{assignee}} and {{queue}} by the case's.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "messageText".
 */
export type MessageText =
  | string
  | {
      [k: string]: string | undefined;
    };
/**
 * The priority at creation; default normal.
 */
export type Priority1 = 'low' | 'normal' | 'high' | 'urgent';
/**
 * An object is compared exactly with the case state; a string matches when it equals the state or the id of an active leaf state.
 */
export type StoredScenarioStateValue =
  | string
  | {
      [k: string]: StoredScenarioStateValue1 | undefined;
    };
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "storedScenarioStateValue".
 */
export type StoredScenarioStateValue1 =
  | string
  | {
      [k: string]: StoredScenarioStateValue1 | undefined;
    };

/**
 * A Dossier case type: data, form, rules, events, roles, queues, calendars, SLAs and the playbook statechart.
 */
export interface CaseType {
  /**
   * Path or URL of this meta-schema, for editor support.
   */
  $schema?: string;
  /**
   * Stable identifier, e.g. complaint.
   */
  key: string;
  /**
   * Set on publish; a published version is immutable.
   */
  version?: number;
  /**
   * What the analyst reads.
   */
  title: string;
  description?: string;
  data: FieldSchema;
  form?: Form;
  /**
   * Named completeness and decision rules, each a JSON Schema over the case data.
   */
  rules?: {
    [k: string]: Rule | undefined;
  };
  /**
   * Events a case accepts from people and systems (upper snake case).
   */
  events?: {
    [k: string]: EventDef | undefined;
  };
  /**
   * Roles of people who work on cases of this type.
   */
  roles?: {
    [k: string]: Role | undefined;
  };
  /**
   * Where work waits.
   */
  queues?: {
    [k: string]: Queue | undefined;
  };
  /**
   * Business-hours calendars for SLAs and delays.
   */
  calendars?: {
    [k: string]: Calendar | undefined;
  };
  /**
   * Service levels.
   */
  slas?: {
    [k: string]: Sla | undefined;
  };
  playbook: Playbook;
  customer?: Customer;
  email?: EmailIntake;
  suggest?: ReasonSuggestion;
  public?: PublicForm;
  feedback?: Feedback;
  /**
   * Message templates that notify actions name (docs/email.md): by name, a subject and a body, each one text or one per language, with placeholders such as {{/customer/name}} (a field of the case data) or {{reference}}.
   */
  messages?: {
    [k: string]: Message | undefined;
  };
  /**
   * The prefix of the human-readable references of this case type's cases, e.g. PA for PA-000123. Without it, the initials of the key's words (purchase-approval: PA), or the first three letters of a one-word key (complaint: COM).
   */
  referencePrefix?: string;
  /**
   * Sample case data for the designer's preview and simulator.
   */
  samples?: Sample[];
  /**
   * Scenarios saved by the designer's simulator with the definition (the *.scenario.json format of schemas/scenario.schema.json); the runtime ignores them.
   */
  scenarios?: StoredScenario[];
  layout?: Layout;
  translations?: Translations;
}
/**
 * The supported subset of JSON Schema 2020-12 for case data fields.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "fieldSchema".
 */
export interface FieldSchema {
  $schema?: string;
  $id?: string;
  type?: JsonType | [JsonType, ...JsonType[]];
  title?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  /**
   * @minItems 1
   */
  enum?: [unknown, ...unknown[]];
  const?: unknown;
  /**
   * A string format: email, date, date-time, time, uri, uuid, phone, money, ...
   */
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  /**
   * A regular expression (ECMAScript syntax, unicode) that a text field must match somewhere (anchor it with ^ and $ to match the whole value). Matched in linear time (RE2): look-ahead, look-behind and back-references are not supported.
   */
  pattern?: string;
  /**
   * A documents field: the files of the case file attached to it (uploaded through the documents API, never sent as event data). Its value is a list of document references {id, name, contentType, size, sha256} kept by the runtime; write it as { "type": "array", "documents": true } and count documents with minItems/maxItems (a completeness rule such as { "properties": { "proofs": { "minItems": 1 } }, "required": ["proofs"] }: at least one proof of purchase).
   */
  documents?: boolean;
  /**
   * Shared with outsourced partners: a partner's people (tokens and sign-ins of a partner to whom an admin delegated queues) see this field, and everything inside it, in the cases of those queues, and may fill it in. Fields without it are neither shown nor sent to partners, nor in history, and partners may not change them. Default false.
   */
  shareable?: boolean;
  /**
   * What a valid value looks like, in words people read when a value does not match the pattern, e.g. "a Dutch postcode such as 1234 AB" (the message reads "Postcode must be a Dutch postcode such as 1234 AB"). Without it, the first of examples is shown; the pattern itself never is.
   */
  patternHint?: string;
  required?: string[];
  properties?: {
    [k: string]: FieldSchema | undefined;
  };
  additionalProperties?: boolean | FieldSchema;
  items?: FieldSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  $defs?: {
    [k: string]: FieldSchema | undefined;
  };
  /**
   * A reference inside the document, e.g. #/$defs/address.
   */
  $ref?: string;
  readOnly?: boolean;
  deprecated?: boolean;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "form".
 */
export interface Form {
  sections: FormSection[];
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "formSection".
 */
export interface FormSection {
  id: string;
  title?: string;
  description?: string;
  visibleWhen?: Guard;
  readOnlyWhen?: Guard;
  fields: (Pointer | FieldRef)[];
}
export interface InGuard {
  /**
   * @minItems 1
   */
  in: [string, ...string[]];
}
export interface NotGuard {
  not: Guard;
}
export interface AllGuard {
  /**
   * @minItems 1
   */
  all: [Guard, ...Guard[]];
}
export interface AnyGuard {
  /**
   * @minItems 1
   */
  any: [Guard, ...Guard[]];
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "fieldRef".
 */
export interface FieldRef {
  field: Pointer;
  widget?:
    | 'text'
    | 'textarea'
    | 'number'
    | 'integer'
    | 'money'
    | 'checkbox'
    | 'toggle'
    | 'date'
    | 'date-time'
    | 'email'
    | 'phone'
    | 'select'
    | 'radio'
    | 'checkboxes'
    | 'group'
    | 'list'
    | 'documents';
  label?: string;
  help?: string;
  placeholder?: string;
  visibleWhen?: Guard;
  readOnlyWhen?: Guard;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "rule".
 */
export interface Rule {
  title?: string;
  description?: string;
  /**
   * A JSON Schema 2020-12 evaluated against the case data; $data references compare fields.
   */
  schema:
    | {
        [k: string]: unknown | undefined;
      }
    | boolean;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "eventDef".
 */
export interface EventDef {
  title?: string;
  description?: string;
  /**
   * Case-type roles that may send it; none means any agent or service.
   */
  roles?: string[];
  data?: FieldSchema;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "role".
 */
export interface Role {
  title?: string;
  description?: string;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "queue".
 */
export interface Queue {
  title?: string;
  description?: string;
  role?: string;
  /**
   * The skills an agent needs to be offered this queue's tasks (push routing, docs/routing.md): a skill's name, or {"skill", "level"} with the lowest level (1-10) that will do.
   */
  skills?: (string | SkillLevel)[];
  routing?: QueueRouting;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "skillLevel".
 */
export interface SkillLevel {
  skill: string;
  /**
   * The lowest level of the skill that will do (default 1).
   */
  level?: number;
}
/**
 * Push routing: the queue's open tasks are offered to available agents who serve it (docs/routing.md). Without it the queue is pull-only.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "queueRouting".
 */
export interface QueueRouting {
  /**
   * How the agent is chosen among those who can take the task (default round-robin).
   */
  strategy?: 'round-robin' | 'least-loaded' | 'most-skilled';
  offerTimeout?: Duration;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "calendar".
 */
export interface Calendar {
  title?: string;
  description?: string;
  /**
   * IANA time zone, e.g. Europe/Amsterdam.
   */
  timezone: string;
  hours: {
    mon?: TimeRange[];
    tue?: TimeRange[];
    wed?: TimeRange[];
    thu?: TimeRange[];
    fri?: TimeRange[];
    sat?: TimeRange[];
    sun?: TimeRange[];
  };
  holidays?: string[];
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "sla".
 */
export interface Sla {
  title?: string;
  description?: string;
  start: SlaCondition;
  pause?: SlaCondition;
  stop?: SlaCondition;
  cancel?: SlaCondition;
  reset?: SlaCondition;
  startFrom?: Pointer;
  /**
   * Duration, or a percentage of the goal (default 75%).
   */
  warnAt?: Duration1;
  goal?: Duration1;
  deadline: Duration1;
  passedDeadline?: {
    every: Duration1;
    times?: number;
  };
  calendar?: string;
  onWarning?: Action[];
  onGoalMissed?: Action[];
  onBreach?: Action[];
  onPassedDeadline?: Action[];
}
/**
 * True when any listed part matches.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "slaCondition".
 */
export interface SlaCondition {
  /**
   * @minItems 1
   */
  event?: [string, ...string[]];
  /**
   * @minItems 1
   */
  enter?: [string, ...string[]];
  /**
   * @minItems 1
   */
  in?: [string, ...string[]];
  rule?: string;
}
/**
 * Write a constant (value) or copy another pointer (from) into the case data.
 */
export interface SetAction {
  type: 'set';
  path: Pointer;
  value?: unknown;
  from?: Pointer;
}
/**
 * Route the case's open work.
 */
export interface AssignAction {
  type: 'assign';
  queue?: string;
  role?: string;
  user?: string;
}
/**
 * Set the case priority.
 */
export interface PriorityAction {
  type: 'priority';
  value: Priority;
}
/**
 * An outbound message.
 */
export interface NotifyAction {
  type: 'notify';
  to: string;
  template: string;
}
/**
 * An outbound HTTP call with the case as body; retried, at least once.
 */
export interface WebhookAction {
  type: 'webhook';
  url: string;
  method?: 'POST' | 'PUT' | 'PATCH';
}
/**
 * Fetch values from another system (a CRM): an HTTP GET or POST with values from the case, the JSON answer's values written into case fields. It runs from the outbox after the event is stored; its result comes back as the system event lookup.<name>.done (the fields filled) or lookup.<name>.failed (with the reason), which the playbook can have transitions on.
 */
export interface LookupAction {
  type: 'lookup';
  /**
   * Names the result events: lookup.<name>.done and lookup.<name>.failed.
   */
  name: string;
  /**
   * What the lookup fetches, in words, e.g. "Customer from the CRM".
   */
  title?: string;
  /**
   * GET (the default) or POST.
   */
  method?: 'GET' | 'POST';
  url: string;
  /**
   * Query parameters: by parameter name, the case field (a JSON Pointer into the data) whose value is sent. An empty field sends no parameter.
   */
  query?: {
    [k: string]: Pointer | undefined;
  };
  /**
   * POST only: the JSON body's members, by name, the case field whose value is sent.
   */
  body?: {
    [k: string]: Pointer | undefined;
  };
  /**
   * Where the answer goes: by case field (a JSON Pointer into the data), the JSON Pointer of the value in the answer. A value the answer lacks leaves its field as it is.
   */
  map: {
    [k: string]: Pointer | undefined;
  };
  /**
   * How long one call may take (default 10 seconds).
   */
  timeoutSeconds?: number;
}
/**
 * An internal event, processed after the current one.
 */
export interface RaiseAction {
  type: 'raise';
  event: string;
}
/**
 * Open a linked child case; the parent gets child.closed when it ends.
 */
export interface CreateCaseAction {
  type: 'createCase';
  caseType: string;
  link: 'child';
  /**
   * Constant data for the child.
   */
  data?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Child pointer → parent pointer: values copied from the parent.
   */
  copy?: {
    [k: string]: Pointer | undefined;
  };
}
/**
 * A line in the case history.
 */
export interface NoteAction {
  type: 'note';
  text: string;
}
/**
 * Send an event to every open child case (of one case type, with caseType), after this event is committed; a child that cannot take it in its state is recorded on the sending case as not delivered.
 */
export interface SendToChildrenAction {
  type: 'sendToChildren';
  /**
   * An event of the receiving case type (upper snake case).
   */
  event: string;
  /**
   * The event's payload, constant.
   */
  data?: {
    [k: string]: unknown | undefined;
  };
  from?: Pointer1;
  /**
   * Only the child cases of this case type.
   */
  caseType?: string;
}
/**
 * Send an event to the parent case, after this event is committed; a parent that cannot take it is recorded on the sending case as not delivered.
 */
export interface SendToParentAction {
  type: 'sendToParent';
  /**
   * An event of the receiving case type (upper snake case).
   */
  event: string;
  /**
   * The event's payload, constant.
   */
  data?: {
    [k: string]: unknown | undefined;
  };
  from?: Pointer2;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "playbook".
 */
export interface Playbook {
  /**
   * Machine id; defaults to the case type key.
   */
  id?: string;
  /**
   * What the analyst and the agent read for this stage or step.
   */
  title?: string;
  description?: string;
  /**
   * atomic (default), compound when it has states, parallel, final.
   */
  type?: 'compound' | 'parallel';
  /**
   * The child state entered first (compound states).
   */
  initial?: string;
  /**
   * Child states, by id. State ids are unique across the whole playbook.
   */
  states: {
    [k: string]: StateNode | undefined;
  };
  /**
   * Actions run on entry.
   */
  entry?: Action[];
  /**
   * Actions run on exit.
   */
  exit?: Action[];
  /**
   * Event name → transition(s); the first enabled one wins.
   */
  on?: {
    [k: string]: TransitionSpec | undefined;
  };
  /**
   * Eventless transitions, taken as soon as their guard holds.
   */
  always?: Transition | Transition[];
  tags?: string[];
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "stateNode".
 */
export interface StateNode {
  /**
   * What the analyst and the agent read for this stage or step.
   */
  title?: string;
  description?: string;
  /**
   * atomic (default), compound when it has states, parallel, final.
   */
  type?: 'atomic' | 'compound' | 'parallel' | 'final';
  /**
   * The child state entered first (compound states).
   */
  initial?: string;
  /**
   * Child states, by id. State ids are unique across the whole playbook.
   */
  states?: {
    [k: string]: StateNode | undefined;
  };
  task?: Task;
  /**
   * Rule names shown as this stage's completeness list.
   */
  checklist?: string[];
  /**
   * Durable delays, started on entry and cancelled on exit.
   */
  after?: AfterDelay[];
  /**
   * Actions run on entry.
   */
  entry?: Action[];
  /**
   * Actions run on exit.
   */
  exit?: Action[];
  /**
   * Event name → transition(s); the first enabled one wins.
   */
  on?: {
    [k: string]: TransitionSpec | undefined;
  };
  /**
   * Eventless transitions, taken as soon as their guard holds.
   */
  always?: Transition | Transition[];
  tags?: string[];
  script?: Script;
}
/**
 * A human work item, opened on entry and closed on exit.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "task".
 */
export interface Task {
  title: string;
  description?: string;
  queue?: string;
  role?: string;
  /**
   * Form section id.
   */
  form?: string;
  due?: Duration1;
  calendar?: string;
  /**
   * Actions run once when the task is still open at its due time (needs due): the task is marked escalated and the history records it.
   */
  onOverdue?: Action[];
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "afterDelay".
 */
export interface AfterDelay {
  /**
   * Timer id (its event is timer.<id>); default <state>.<index>.
   */
  id?: string;
  delay: Duration1;
  calendar?: string;
  target?: string;
  guard?: Guard;
  actions?: Action[];
  description?: string;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "transition".
 */
export interface Transition {
  /**
   * State id; none means an internal update.
   */
  target?: string;
  guard?: Guard;
  actions?: Action[];
  description?: string;
}
/**
 * Guidance for the agent while the case is in this state (a call script): ordered steps, questions whose answers fill case fields, and branches to another step or to an action of the state. Shown in the worker console beside the stage form.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "script".
 */
export interface Script {
  /**
   * What the agent reads above the script, e.g. Payment arrangement call.
   */
  title?: string;
  /**
   * The steps, the first one first; after a step comes its next, else the step below it.
   *
   * @minItems 1
   */
  steps: [ScriptStep, ...ScriptStep[]];
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "scriptStep".
 */
export interface ScriptStep {
  /**
   * Unique within the script; branches and next name it.
   */
  id: string;
  /**
   * What the agent says or does at this step.
   */
  say: string;
  ask?: ScriptQuestion;
  /**
   * Without when: a choice the agent makes (a button). With when: taken by Next when it holds, the first that holds.
   */
  branches?: ScriptBranch[];
  /**
   * The step after this one; default the step below it.
   */
  next?: string;
  /**
   * The script ends after this step (no Next), whatever steps are below it.
   */
  end?: true;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "scriptQuestion".
 */
export interface ScriptQuestion {
  field: Pointer3;
  /**
   * The question the agent asks; default the field's label.
   */
  question?: string;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "scriptBranch".
 */
export interface ScriptBranch {
  /**
   * What the agent reads, e.g. The customer disputes the debt.
   */
  label: string;
  /**
   * { answer: value }: the step's answer equals the value; or a guard over the case data as the agent typed it.
   */
  when?: ScriptAnswer | Guard;
  /**
   * A step of the same script.
   */
  goto?: string;
  /**
   * An action of the state: the event is sent with the agent's working copy.
   */
  event?: string;
}
export interface ScriptAnswer {
  answer: unknown;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "customer".
 */
export interface Customer {
  /**
   * @minItems 1
   */
  keys: [Pointer, ...Pointer[]];
  name?: Pointer;
  email?: Pointer4;
  language?: Pointer5;
}
/**
 * How mail to this case type's mailbox opens and answers cases: a new message opens a case (its sender goes into the customer's e-mail field, its sender's name into the customer's name field), a reply to a case is the reply event on it.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "emailIntake".
 */
export interface EmailIntake {
  subject?: Pointer6;
  body?: Pointer7;
  attachments?: Pointer8;
  /**
   * Values a case opened by mail starts with, by field (JSON Pointer → value), e.g. {"/channel": "email"}.
   */
  values?: {
    [k: string]: unknown | undefined;
  };
  reply?: CustomerReply;
}
/**
 * A customer's answer to a case (a message with its reference in the subject or replying to one the case sent, or a reply on its status page) is this event on that case.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "emailReply".
 */
export interface CustomerReply {
  event: string;
  body?: Pointer9;
}
/**
 * Suggest the value of a choice field (the contact reason) from the text of a new case, learned from this case type's closed cases (docs/reason-suggestion.md): the agent sees the suggestion with its confidence and accepts or corrects it.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "reasonSuggestion".
 */
export interface ReasonSuggestion {
  field: Pointer10;
  /**
   * The text fields the suggestion reads, e.g. /subject and /description.
   *
   * @minItems 1
   * @maxItems 10
   */
  from:
    | [Pointer]
    | [Pointer, Pointer]
    | [Pointer, Pointer, Pointer]
    | [Pointer, Pointer, Pointer, Pointer]
    | [Pointer, Pointer, Pointer, Pointer, Pointer]
    | [Pointer, Pointer, Pointer, Pointer, Pointer, Pointer]
    | [Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer]
    | [Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer]
    | [Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer]
    | [Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer, Pointer];
  /**
   * Also read the first e-mail's subject and text (the fields email.subject and email.body) when the case came by e-mail. Default false.
   */
  email?: boolean;
}
/**
 * A self-service form anyone may fill in without signing in (/forms/<tenant>/<key>), and the status page its sender gets: the stage in plain words, a reply, documents.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "publicForm".
 */
export interface PublicForm {
  /**
   * The form's heading (default: the case type's title).
   */
  title?: string;
  /**
   * A sentence or two above the form.
   */
  description?: string;
  /**
   * The fields the public form asks for, in order; nothing else may be posted.
   *
   * @minItems 1
   */
  fields: [Pointer, ...Pointer[]];
  /**
   * Values a case opened by the form starts with, by field (JSON Pointer → value).
   */
  values?: {
    [k: string]: unknown | undefined;
  };
  attachments?: Pointer11;
  reply?: CustomerReply;
}
/**
 * A short survey the customer gets when a case closes (docs/feedback.md): one question, a score on a scale with labelled ends and an optional comment. The link is e-mailed with the message `message` (its {{survey}} placeholder is the link) and offered on the public status page.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "feedback".
 */
export interface Feedback {
  /**
   * What the customer is asked, e.g. How satisfied are you with how we handled your request? (translated through `translations`).
   */
  question: string;
  /**
   * The scores the customer chooses from: every whole number from min to max, the ends labelled.
   */
  scale: {
    /**
     * The lowest score.
     */
    min: number;
    /**
     * The highest score.
     */
    max: number;
    low?: {
      /**
       * What the lowest score means, e.g. Very unhappy.
       */
      label: string;
    };
    high?: {
      /**
       * What the highest score means, e.g. Very happy.
       */
      label: string;
    };
  };
  /**
   * Offer a free-text comment beside the score (the customer may leave it empty).
   */
  comment?: {
    /**
     * What the comment box asks, e.g. Anything you want to tell us?
     */
    label: string;
  };
  validFor?: Duration2;
  /**
   * The message of `messages` that e-mails the survey link to the customer when the case closes; its {{survey}} placeholder is the link. Without it, the survey is only offered on the customer's status page.
   */
  message?: string;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "message".
 */
export interface Message {
  /**
   * What the analyst and the agent read for this message.
   */
  title?: string;
  subject: MessageText;
  body: MessageText;
}
/**
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "sample".
 */
export interface Sample {
  title?: string;
  data: {
    [k: string]: unknown | undefined;
  };
}
/**
 * A Dossier scenario (*.scenario.json): a case created at `start` with `data`, then steps that send events, advance the simulated clock or only check, each with optional expectations. Run by `dossier test`.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "storedScenario".
 */
export interface StoredScenario {
  /**
   * Path or URL of this schema, for editor support.
   */
  $schema?: string;
  /**
   * What the scenario shows; printed by dossier test.
   */
  name: string;
  description?: string;
  /**
   * The key of the case type the scenario runs against.
   */
  caseType: string;
  /**
   * When the case is created (ISO 8601); default 2026-01-05T09:00:00Z, a Monday.
   */
  start?: string;
  /**
   * The case data at creation.
   */
  data: {};
  priority?: Priority1;
  /**
   * The channel at creation.
   */
  channel?: string;
  steps: StoredScenarioStep[];
}
/**
 * Send an event (`send`, with an optional `data` payload), advance the clock (`advance`, firing every timer that falls due on the way), or neither (only check `expect`).
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "storedScenarioStep".
 */
export interface StoredScenarioStep {
  /**
   * What the step means, for the reader.
   */
  description?: string;
  /**
   * The event to send, e.g. SUBMIT_TRIAGE.
   */
  send?: string;
  /**
   * The event payload (with send only).
   */
  data?: {};
  /**
   * How far to move the clock: an ISO 8601 duration in weeks, days, hours, minutes, seconds (PT5H, P2D); elapsed time, not business time.
   */
  advance?: string;
  expect?: StoredScenarioExpect;
}
/**
 * What must hold after the step; checked in the order rejected, state, data, priority, tasks, slas.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "storedScenarioExpect".
 */
export interface StoredScenarioExpect {
  state?: StoredScenarioStateValue;
  /**
   * A subset of the case data that must match.
   */
  data?: {};
  /**
   * The step's event must be rejected with this code (send steps only).
   */
  rejected?: 'event.unknown' | 'event.not_accepted' | 'event.forbidden' | 'data.invalid' | 'rule.failed';
  /**
   * SLA name → status of its latest record.
   */
  slas?: {
    [k: string]:
      | 'running'
      | 'paused'
      | 'warning'
      | 'missed-goal'
      | 'breached'
      | 'met'
      | 'met-late'
      | 'cancelled'
      | undefined;
  };
  /**
   * The titles of the open tasks, in any order; the exact set.
   */
  tasks?: string[];
  priority?: Priority;
}
/**
 * Designer-only positions of playbook nodes; the runtime ignores it.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "layout".
 */
export interface Layout {
  nodes?: {
    [k: string]:
      | {
          x: number;
          y: number;
          width?: number;
          height?: number;
        }
      | undefined;
  };
  viewport?: {
    x: number;
    y: number;
    zoom: number;
  };
}
/**
 * The case type's own texts in other languages (docs/i18n.md): by language tag ("nl"), then by the JSON pointer of a text in this definition (a title, description, help text, placeholder or pattern hint), the text in that language. A reader in that language sees the translation; a text without one is shown as written.
 *
 * This interface was referenced by `CaseType`'s JSON-Schema
 * via the `definition` "translations".
 */
export interface Translations {
  [k: string]: LanguageTexts | undefined;
}
export interface LanguageTexts {
  [k: string]: string | undefined;
}

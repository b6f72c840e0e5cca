// Customer feedback (issue 22, docs/feedback.md): when a case of a case type with `feedback` closes, the
// case service puts a notify of the feedback message in the outbox under the key `<case>:feedback` (one
// per case, ever); when the notifier sends it, it asks here for a link: a random token (18 bytes,
// base64url) kept only as its SHA-256 hash, tied to the tenant and the case, valid for `validFor`. The
// public survey page reads the survey by that token and takes one answer: the history entry
// `feedback.received` on the case (by `customer`), whose commit also writes the report's row in `feedback`. The customer's status
// page offers the same survey for a closed case, by the case's reference and code.
import { randomBytes } from 'node:crypto';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { translateDefinition } from '../../schemas/translations.ts';
import { customerLanguage, DEFAULT_FEEDBACK_VALID_FOR, durationToMs, parseDuration, readFeedbackAnswer, recordFeedback, type FeedbackAnswer, type Instant } from '../engine/index.ts';
import type { CaseStore, StoredCase, SurveyRecord } from '../store/case-store.ts';
import type { CaseService } from './case-service.ts';
import type { Clock } from './clock.ts';
import { fail, type Result } from './host-result.ts';
import { hashToken } from './tokens.ts';

/** What the survey page shows: the question in the customer's words, the scale and the comment box. */
export interface SurveyView {
  /** The case type's (or its public form's) title, and the case's reference. */
  title: string;
  reference: string;
  question: string;
  scale: { min: number; max: number; low: string | null; high: string | null };
  comment: { label: string } | null;
  /** The language the texts are in ('' where the case type has no other). */
  language: string;
  expiresAt: Instant;
  /** The answer given already, if any (the page thanks instead of asking again). */
  answered: boolean;
}

export interface FeedbackService {
  /** A new link token for the case's survey (the mail's {{survey}}); null when the case type asks no feedback or the survey is answered. */
  issueToken(tenant: string, kase: StoredCase, definition: CaseType): Promise<string | null>;
  /** The survey behind a link's token. */
  survey(tenant: string, token: string, language?: string): Promise<Result<SurveyView>>;
  /** Takes the answer through a link's token: once. */
  answer(tenant: string, token: string, body: unknown): Promise<Result<FeedbackAnswer>>;
  /**
   * The survey of a closed case for its status page; opens one where the mail sent none. Fails survey.not_found
   * where none is offered (open, or none asked) and survey.expired where it ran out, as answerOfCase does.
   */
  surveyOfCase(tenant: string, kase: StoredCase, definition: CaseType, language?: string): Promise<Result<SurveyView>>;
  /** Takes the answer from the status page: once. */
  answerOfCase(tenant: string, kase: StoredCase, definition: CaseType, body: unknown): Promise<Result<FeedbackAnswer>>;
}

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

/** How long a survey link of this case type stays valid, in ms. */
function validForMs(feedback: NonNullable<CaseType['feedback']>): number {
  const parts = parseDuration(feedback.validFor ?? DEFAULT_FEEDBACK_VALID_FOR) ?? parseDuration(DEFAULT_FEEDBACK_VALID_FOR);
  return parts === null ? 14 * 86_400_000 : durationToMs(parts);
}

export function createFeedbackService(options: { store: CaseStore; cases: CaseService; clock: Clock }): FeedbackService {
  const { store, cases, clock } = options;

  const notFound = () => fail('survey.not_found', 'There is no such survey. Check the link you were given.');
  const expired = () => fail('survey.expired', 'This survey link has expired. Thank you all the same.');
  const notOffered = () => fail('survey.not_found', 'This request asks for no feedback (yet): it is not closed, or we ask none.');
  const answered = () => fail('survey.answered', 'You have answered this survey already. Thank you for your feedback.');

  function surveyRow(tenant: string, kase: StoredCase, feedback: NonNullable<CaseType['feedback']>, tokenHash: string | null): SurveyRecord {
    const now = clock.now();
    return {
      tenant,
      caseId: kase.id,
      caseType: kase.caseType,
      version: kase.version,
      channel: kase.channel ?? null,
      queue: kase.queue ?? null,
      tokenHash,
      via: tokenHash === null ? 'status' : 'mail',
      sentAt: now,
      expiresAt: new Date(Date.parse(now) + validForMs(feedback)).toISOString(),
    };
  }

  async function view(tenant: string, survey: SurveyRecord, kase: StoredCase, definition: CaseType, language: string | undefined): Promise<SurveyView> {
    const wanted = customerLanguage(definition, kase.data) ?? language ?? '';
    const translated = wanted === '' ? definition : translateDefinition(definition, wanted);
    const feedback = translated.feedback as NonNullable<CaseType['feedback']>;
    const languages = Object.keys(definition.translations ?? {});
    const primary = wanted.split('-')[0] ?? '';
    return {
      title: translated.public?.title ?? translated.title,
      reference: kase.reference,
      question: feedback.question,
      scale: { min: feedback.scale.min, max: feedback.scale.max, low: feedback.scale.low?.label ?? null, high: feedback.scale.high?.label ?? null },
      comment: feedback.comment === undefined ? null : { label: feedback.comment.label },
      language: languages.includes(wanted) ? wanted : languages.includes(primary) ? primary : '',
      expiresAt: survey.expiresAt,
      answered: (await store.getFeedback(tenant, kase.id)) !== null,
    };
  }

  /** The survey behind a token with its case and definition, or the failure to answer. */
  async function byToken(tenant: string, token: string): Promise<Result<{ survey: SurveyRecord; kase: StoredCase; definition: CaseType & { feedback: NonNullable<CaseType['feedback']> } }>> {
    if (!TOKEN.test(token)) return notFound();
    const survey = await store.surveyByToken(tenant, hashToken(token));
    if (survey === null) return notFound();
    const kase = await store.getCase(tenant, survey.caseId);
    const published = kase === null ? null : await store.getCaseType(tenant, kase.caseType, kase.version);
    const feedback = published?.definition.feedback;
    if (kase === null || published === null || feedback === undefined) return notFound();
    return { ok: true, value: { survey, kase, definition: { ...published.definition, feedback } } };
  }

  /**
   * Records an answer once, in one commit: the case's history entry `feedback.received`, from which the store
   * writes the report's row in the same transaction (a trigger on history, keyed by case: a second entry adds
   * no second row). A crash leaves either both or neither; an answer already given is a 409.
   */
  async function take(tenant: string, survey: SurveyRecord, kase: StoredCase, feedback: NonNullable<CaseType['feedback']>, body: unknown): Promise<Result<FeedbackAnswer>> {
    if (Date.parse(survey.expiresAt) <= Date.parse(clock.now())) return expired();
    if ((await store.getFeedback(tenant, kase.id)) !== null) return answered();
    const read = readFeedbackAnswer(feedback, body);
    if (!read.ok) return fail('survey.invalid', 'The answer is not one this survey takes; see each part.', { problems: read.problems });
    const done = await cases.applyStep(tenant, kase.id, (current, now) => recordFeedback(feedback, current, body, now), { id: 'customer', roles: [] });
    if ('missing' in done) return notFound();
    if ('conflict' in done) return fail('case.conflict', 'The case kept changing while your answer was recorded; send it again.');
    if (!done.outcome.ok) return fail('survey.invalid', done.outcome.message, { problems: done.outcome.problems });
    return { ok: true, value: read.answer };
  }

  return {
    async issueToken(tenant, kase, definition) {
      const feedback = definition.feedback;
      if (feedback === undefined || (await store.getFeedback(tenant, kase.id)) !== null) return null;
      const token = randomBytes(18).toString('base64url');
      await store.saveSurvey(surveyRow(tenant, kase, feedback, hashToken(token)), true);
      return token;
    },

    async survey(tenant, token, language) {
      const found = await byToken(tenant, token);
      if (!found.ok) return found;
      const { survey, kase, definition } = found.value;
      if (Date.parse(survey.expiresAt) <= Date.parse(clock.now())) return expired();
      return { ok: true, value: await view(tenant, survey, kase, definition, language) };
    },

    async answer(tenant, token, body) {
      const found = await byToken(tenant, token);
      if (!found.ok) return found;
      const { survey, kase, definition } = found.value;
      return take(tenant, survey, kase, definition.feedback, body);
    },

    async surveyOfCase(tenant, kase, definition, language) {
      if (definition.feedback === undefined || kase.closedAt === null) return notOffered();
      const survey = await store.saveSurvey(surveyRow(tenant, kase, definition.feedback, null), false);
      if (Date.parse(survey.expiresAt) <= Date.parse(clock.now())) return expired();
      return { ok: true, value: await view(tenant, survey, kase, definition, language) };
    },

    async answerOfCase(tenant, kase, definition, body) {
      const feedback = definition.feedback;
      if (feedback === undefined || kase.closedAt === null) return notOffered();
      const survey = await store.saveSurvey(surveyRow(tenant, kase, feedback, null), false);
      return take(tenant, survey, kase, feedback, body);
    },
  };
}

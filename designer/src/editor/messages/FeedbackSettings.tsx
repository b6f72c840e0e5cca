// The case type's customer feedback (docs/feedback.md), edited without JSON: whether a case that closes asks
// its customer, the question, the scale and what its ends mean, the comment box, how many days the link
// works and which message mails it. Beside the messages, because one of them carries the link.
import type { Message } from '../../../../schemas/generated/case-type.ts';
import { feedbackDays, setFeedbackAsked, setFeedbackComment, setFeedbackDays, setFeedbackEndLabel, setFeedbackMessage, setFeedbackQuestion, setFeedbackScore } from '../../model/feedback.ts';
import type { EditProps } from '../edit-props.ts';
import { useWords } from '../../i18n/use-words.ts';

export function FeedbackSettings({ def, edit }: Pick<EditProps, 'def' | 'edit'>) {
  const { t } = useWords();
  const say = (key: string, values?: Record<string, unknown>) => t(`feedback.settings.${key}`, values);
  const feedback = def.feedback;
  const messages = Object.entries(def.messages ?? {}).filter((e): e is [string, Message] => e[1] !== undefined);
  const days = feedback === undefined ? null : feedbackDays(feedback);
  return (
    <section className="card feedback-settings" aria-labelledby="feedback-settings-heading">
      <h2 id="feedback-settings-heading">{say('title')}</h2>
      <p className="muted">{say('intro')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={feedback !== undefined} onChange={(e) => edit((d) => setFeedbackAsked(d, e.target.checked, say('defaultQuestion')))} /> {say('enabled')}
      </label>
      {feedback === undefined ? null : (
        <>
          <label htmlFor="feedback-question">{say('question')}</label>
          <input id="feedback-question" value={feedback.question} onChange={(e) => edit((d) => setFeedbackQuestion(d, e.target.value), 'feedback:question')} />
          <label htmlFor="feedback-min">{say('min')}</label>
          <input id="feedback-min" type="number" min={0} max={10} value={feedback.scale.min} onChange={(e) => edit((d) => setFeedbackScore(d, 'min', Number(e.target.value)), 'feedback:min')} />
          <label htmlFor="feedback-low">{say('low')}</label>
          <input id="feedback-low" value={feedback.scale.low?.label ?? ''} onChange={(e) => edit((d) => setFeedbackEndLabel(d, 'low', e.target.value), 'feedback:low')} />
          <label htmlFor="feedback-max">{say('max')}</label>
          <input id="feedback-max" type="number" min={0} max={10} value={feedback.scale.max} onChange={(e) => edit((d) => setFeedbackScore(d, 'max', Number(e.target.value)), 'feedback:max')} />
          <label htmlFor="feedback-high">{say('high')}</label>
          <input id="feedback-high" value={feedback.scale.high?.label ?? ''} onChange={(e) => edit((d) => setFeedbackEndLabel(d, 'high', e.target.value), 'feedback:high')} />
          <label htmlFor="feedback-comment">{say('comment')}</label>
          <input id="feedback-comment" aria-describedby="feedback-comment-help" value={feedback.comment?.label ?? ''} onChange={(e) => edit((d) => setFeedbackComment(d, e.target.value), 'feedback:comment')} />
          <p id="feedback-comment-help" className="help">
            {say('commentHelp')}
          </p>
          {days === null ? null : (
            <>
              <label htmlFor="feedback-days">{say('validFor')}</label>
              <input id="feedback-days" type="number" min={1} value={days} onChange={(e) => edit((d) => setFeedbackDays(d, Number(e.target.value)), 'feedback:days')} />
            </>
          )}
          <label htmlFor="feedback-message">{say('message')}</label>
          <select id="feedback-message" aria-describedby="feedback-message-help" value={feedback.message ?? ''} onChange={(e) => edit((d) => setFeedbackMessage(d, e.target.value))}>
            <option value="">{say('noMessage')}</option>
            {messages.map(([name, m]) => (
              <option key={name} value={name}>
                {m.title?.trim() || name}
              </option>
            ))}
          </select>
          <p id="feedback-message-help" className="help">
            {say('messageHelp', { placeholder: t('editor.messages.builtin.survey') })}
          </p>
        </>
      )}
    </section>
  );
}

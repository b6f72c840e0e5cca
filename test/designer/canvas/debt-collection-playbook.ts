// A 30-state playbook as an analyst would draw one (debt collection in five stages: contact, negotiation,
// payments, dispute, legal), with titled events and titled rules as guards: the canvas readability
// tests lay it out and fit it to the screen.
import type { CaseType, StateNode } from '../../../schemas/generated/case-type.ts';

const s = (title: string, on: Record<string, string | { target: string; guard: string }> = {}, extra: Partial<StateNode> = {}): StateNode => ({
  title,
  ...(Object.keys(on).length > 0 ? { on } : {}),
  ...extra,
});

export function debtCollectionPlaybook(key = 'debt-collection'): CaseType {
  return {
    key,
    title: 'Debt collection',
    data: {
      type: 'object',
      properties: {
        debtor: { type: 'string', title: 'Debtor' },
        amount: { type: 'number', title: 'Amount' },
        arrangement: { type: 'object', title: 'Arrangement', properties: { installments: { type: 'integer' } } },
        paymentsReceived: { type: 'integer', title: 'Payments received' },
      },
    },
    rules: {
      debtorVerified: { title: 'Debtor verified', schema: { required: ['debtor'] } },
      arrangementComplete: { title: 'Arrangement complete', schema: { required: ['arrangement'] } },
      paidInFull: { title: 'Paid in full', schema: { required: ['paymentsReceived'] } },
      aboveLegalThreshold: { title: 'Above the legal threshold', schema: { properties: { amount: { minimum: 1000 } }, required: ['amount'] } },
    },
    events: {
      VERIFY: { title: 'Verify the debtor' },
      SEND_REMINDER: { title: 'Send reminder' },
      NO_REPLY: { title: 'No reply' },
      DEBTOR_REPLIED: { title: 'Debtor replied' },
      CALL_DEBTOR: { title: 'Call the debtor' },
      PROPOSE_ARRANGEMENT: { title: 'Propose arrangement' },
      COUNTER_OFFER: { title: 'Counter offer' },
      AGREE: { title: 'Agree' },
      PAYMENT_RECEIVED: { title: 'Payment received' },
      PAYMENT_MISSED: { title: 'Payment missed' },
      DISPUTE: { title: 'Debtor disputes the debt' },
      UPHOLD: { title: 'Uphold dispute' },
      REJECT: { title: 'Reject dispute' },
      ESCALATE: { title: 'Escalate' },
      HAND_OVER: { title: 'Hand over to agency' },
      START_PROCEEDINGS: { title: 'Start proceedings' },
      JUDGEMENT: { title: 'Judgement given' },
      ENFORCE: { title: 'Enforce' },
      WRITE_OFF: { title: 'Write off' },
      SETTLE: { title: 'Settle' },
      WITHDRAW: { title: 'Withdraw' },
      CLOSE: { title: 'Close' },
      PUT_ON_HOLD: { title: 'Put on hold' },
      INSOLVENCY: { title: 'Insolvency declared' },
    },
    playbook: {
      title: 'Debt collection',
      initial: 'received',
      states: {
        received: s('Received', { VERIFY: 'verifying' }),
        verifying: s('Verifying the debtor', { SEND_REMINDER: { target: 'contact', guard: 'debtorVerified' }, WITHDRAW: 'withdrawn' }),
        contact: s('Contacting the debtor', { PROPOSE_ARRANGEMENT: 'negotiation', DISPUTE: 'dispute', ESCALATE: 'legal' }, {
          initial: 'firstReminder',
          states: {
            firstReminder: s('First reminder sent', { NO_REPLY: 'secondReminder', DEBTOR_REPLIED: 'contacted' }),
            secondReminder: s('Second reminder sent', { NO_REPLY: 'callingDebtor', DEBTOR_REPLIED: 'contacted' }),
            callingDebtor: s('Calling the debtor', { DEBTOR_REPLIED: 'contacted', PUT_ON_HOLD: 'onHold' }, { task: { title: 'Call the debtor' } }),
            onHold: s('On hold', { SEND_REMINDER: 'firstReminder' }),
            contacted: s('In contact'),
          },
        }),
        negotiation: s('Negotiation', { AGREE: { target: 'payment', guard: 'arrangementComplete' }, ESCALATE: 'legal' }, {
          initial: 'proposing',
          states: {
            proposing: s('Proposing an arrangement', { COUNTER_OFFER: 'counterOffer' }, { task: { title: 'Draft the proposal' } }),
            counterOffer: s('Counter offer received', { PROPOSE_ARRANGEMENT: 'reviewingProposal' }),
            reviewingProposal: s('Reviewing the proposal', { COUNTER_OFFER: 'counterOffer' }, { task: { title: 'Review the proposal' } }),
          },
        }),
        payment: s('Payments', { PAYMENT_RECEIVED: { target: 'paidInFull', guard: 'paidInFull' }, ESCALATE: 'legal', INSOLVENCY: 'writtenOff' }, {
          initial: 'awaitingPayment',
          states: {
            awaitingPayment: s('Awaiting payment', { PAYMENT_RECEIVED: 'paymentPlanActive', PAYMENT_MISSED: 'paymentMissed' }),
            paymentPlanActive: s('Payment plan active', { PAYMENT_MISSED: 'paymentMissed' }),
            paymentMissed: s('Payment missed', { SEND_REMINDER: 'awaitingPayment' }),
          },
        }),
        dispute: s('Dispute', { UPHOLD: 'writtenOff', PROPOSE_ARRANGEMENT: 'negotiation' }, {
          initial: 'disputeRaised',
          states: {
            disputeRaised: s('Dispute raised', { REJECT: 'disputeRejected' }, { task: { title: 'Assess the dispute' } }),
            disputeRejected: s('Dispute rejected'),
          },
        }),
        legal: s('Legal', { PAYMENT_RECEIVED: 'paidInFull', WRITE_OFF: 'writtenOff', SETTLE: 'settled' }, {
          initial: 'legalReview',
          states: {
            legalReview: s('Legal review', { START_PROCEEDINGS: { target: 'courtProceedings', guard: 'aboveLegalThreshold' }, HAND_OVER: 'externalAgency' }, { task: { title: 'Review the file' } }),
            externalAgency: s('With an external agency'),
            courtProceedings: s('Court proceedings', { JUDGEMENT: 'judgementObtained' }),
            judgementObtained: s('Judgement obtained', { ENFORCE: 'enforcement' }),
            enforcement: s('Enforcement'),
          },
        }),
        paidInFull: s('Paid in full', { CLOSE: 'closed' }),
        settled: s('Settled', { CLOSE: 'closed' }),
        writtenOff: s('Written off', { CLOSE: 'closed' }),
        withdrawn: s('Withdrawn by the creditor', { CLOSE: 'closed' }),
        closed: { title: 'Closed', type: 'final' },
      },
    },
  };
}

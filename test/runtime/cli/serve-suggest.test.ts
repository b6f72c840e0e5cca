// `dossier serve --suggest-retrain <minutes>` (docs/reason-suggestion.md): how often the reason suggester
// learns again from closed cases; whole minutes from 0 (no schedule) to a week, anything else refused.
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../runtime/cli/serve.ts';

describe('dossier serve --suggest-retrain', () => {
  it('takes whole minutes, 0 for no schedule', () => {
    expect(parseServeArgs(['--suggest-retrain', '15'], '/srv')).toEqual({ ok: true, options: { db: '/srv/dossier.db', port: 3000, host: '127.0.0.1', suggestRetrainMs: 900_000 } });
    expect(parseServeArgs(['--suggest-retrain', '0'], '/srv')).toMatchObject({ ok: true, options: { suggestRetrainMs: 0 } });
  });

  it('refuses a value that is not whole minutes from 0 to a week', () => {
    for (const bad of ['-1', '1.5', 'hourly', '10081']) {
      const parsed = parseServeArgs(['--suggest-retrain', bad], '/srv');
      expect(parsed).toEqual({ ok: false, message: `--suggest-retrain needs a whole number of minutes from 0 to 10080 (a week), e.g. --suggest-retrain 60; got '${bad}'.` });
    }
    expect(parseServeArgs(['--suggest-retrain'], '/srv')).toMatchObject({ ok: false });
  });
});

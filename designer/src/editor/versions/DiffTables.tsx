// Two versions side by side, section by section: each change as a sentence, with the item as it was on
// the left and as it is on the right, in words (titles, never ids).
import { DIFF_AREAS, describeDiff, type DiffEntry } from '../../model/diff.ts';
import { useWords } from '../../i18n/use-words.ts';

interface Props {
  entries: DiffEntry[];
  fromName: string;
  toName: string;
}

/** One side of a changed item: what each detail was (or is), or the item itself. */
function side(entry: DiffEntry, which: 'from' | 'to'): string[] {
  const whole = which === 'from' ? entry.before : entry.after;
  if (entry.change !== 'changed') return whole === null ? [] : [whole];
  const parts = entry.details.flatMap((d) => {
    const v = which === 'from' ? d.from : d.to;
    return v === null ? [] : [v];
  });
  return parts.length > 0 ? parts : whole === null ? [] : [whole];
}

export function DiffTables({ entries, fromName, toName }: Props) {
  const words = useWords();
  const { t } = words;
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return (
    <div className="diff-tables">
      {DIFF_AREAS.map(({ area }) => {
        const here = entries.filter((e) => e.area === area);
        if (here.length === 0) return null;
        return (
          <table key={area} className="diff-table">
            <caption>{t('versions.diff.caption', { label: t(`versions.diff.areas.${area}`), count: here.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.diff.change')}</th>
                <th scope="col">{t('versions.diff.in', { side: fromName })}</th>
                <th scope="col">{t('versions.diff.in', { side: toName })}</th>
              </tr>
            </thead>
            <tbody>
              {here.map((e) => {
                const [left, right] = [side(e, 'from'), side(e, 'to')];
                return (
                  <tr key={e.key} className={`diff-row diff-row-${e.change}`}>
                    <th scope="row" className={`diff-${e.change}`}>
                      <span className="visually-hidden">{t('versions.diff.mark', { change: t(`versions.diff.${e.change}`) })}</span>
                      {describeDiff(e, words)}
                    </th>
                    <td className="diff-before">{left.length > 0 ? left.join('; ') : <span className="muted">{e.change === 'added' ? t('versions.diff.notIn', { side: fromName }) : '—'}</span>}</td>
                    <td className="diff-after">{right.length > 0 ? right.join('; ') : <span className="muted">{e.change === 'removed' ? t('versions.diff.notIn', { side: toName }) : '—'}</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
      {entries.length > 0 ? null : <p className="muted">{t('versions.diff.same', { from: capital(fromName), to: toName })}</p>}
    </div>
  );
}

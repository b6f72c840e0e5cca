// One business calendar: time zone (from Intl), weekly hours with breaks, holidays.
import { useState } from 'react';
import type { Calendar, CaseType } from '../../../../schemas/generated/case-type.ts';
import { addHoliday, formatRanges, parseRanges, removeHoliday, setCalendarTitle, setDayHours, setTimezone, WEEKDAYS, type Weekday } from '../../model/calendars.ts';
import type { Language } from '../../i18n/i18n.ts';
import { useWords } from '../../i18n/use-words.ts';

/** Monday 1 January 2024, 12:00 UTC: the days after it are the week's days. */
const A_MONDAY = Date.UTC(2024, 0, 1, 12);
const DAY_MS = 24 * 60 * 60 * 1000;

/** A weekday's name as the language writes it in a sentence: "Monday" / "maandag" (Intl). */
function dayName(day: Weekday, language: Language): string {
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  return format.format(A_MONDAY + WEEKDAYS.indexOf(day) * DAY_MS);
}

/** The same, starting with a capital as a row heading: "Monday" / "Maandag". */
const dayHeading = (day: Weekday, language: Language) => {
  const name = dayName(day, language);
  return name.charAt(0).toUpperCase() + name.slice(1);
};

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

function DayRow({ day, ranges, onChange }: { day: Weekday; ranges: string; onChange: (text: string) => boolean }) {
  const { t, language } = useWords();
  const [text, setText] = useState(ranges);
  const [bad, setBad] = useState(false);
  const [seen, setSeen] = useState(ranges);
  if (seen !== ranges) {
    setSeen(ranges);
    setText(ranges);
    setBad(false);
  }
  return (
    <tr>
      <th scope="row">{dayHeading(day, language)}</th>
      <td>
        <input
          aria-label={t('slas.calendar.hours', { day: dayName(day, language) })}
          value={text}
          placeholder={t('slas.calendar.dayOff')}
          aria-invalid={bad}
          onChange={(e) => {
            setText(e.target.value);
            setBad(!onChange(e.target.value));
          }}
        />
        {bad ? <span className="error"> {t('slas.calendar.badHours')}</span> : null}
      </td>
    </tr>
  );
}

export function CalendarEditor({ name, cal, edit }: { name: string; cal: Calendar; edit: (fn: (def: CaseType) => CaseType, key?: string) => void }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`slas.calendar.${key}`, values);
  const [holiday, setHoliday] = useState('');
  return (
    <div className="calendar-editor" role="group" aria-label={t('group', { name })}>
      <h2>
        {t('heading', { title: cal.title ?? name })} <span className="muted">({name})</span>
      </h2>
      <div className="inline-form">
        <label>
          {t('title')} <input aria-label={t('titleLabel')} value={cal.title ?? ''} onChange={(e) => edit((d) => setCalendarTitle(d, name, e.target.value), `cal:${name}:title`)} />
        </label>
        <label>
          {t('timeZone')}{' '}
          <select aria-label={t('timeZone')} value={cal.timezone} onChange={(e) => edit((d) => setTimezone(d, name, e.target.value))}>
            {(timeZones().includes(cal.timezone) ? timeZones() : [cal.timezone, ...timeZones()]).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="hours-table">
        <caption>{t('caption')}</caption>
        <tbody>
          {WEEKDAYS.map((day) => (
            <DayRow
              key={day}
              day={day}
              ranges={formatRanges(cal.hours[day])}
              onChange={(text) => {
                const ranges = parseRanges(text);
                if (ranges === null) return false;
                edit((d) => setDayHours(d, name, day, ranges), `cal:${name}:${day}`);
                return true;
              }}
            />
          ))}
        </tbody>
      </table>
      <h3>{t('holidays')}</h3>
      <ul className="holidays">
        {(cal.holidays ?? []).map((h) => (
          <li key={h}>
            {h}{' '}
            <button type="button" aria-label={t('removeHoliday', { date: h })} onClick={() => edit((d) => removeHoliday(d, name, h))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday)) return;
          edit((d) => addHoliday(d, name, holiday));
          setHoliday('');
        }}
      >
        <label>
          {t('holiday')} <input type="date" aria-label={t('holidayDate')} value={holiday} onChange={(e) => setHoliday(e.target.value)} />
        </label>
        <button type="submit" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(holiday)}>
          {t('addHoliday')}
        </button>
      </form>
    </div>
  );
}

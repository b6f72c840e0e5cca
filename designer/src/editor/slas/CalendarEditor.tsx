// One business calendar: time zone (from Intl), weekly hours with breaks, holidays.
import { useState } from 'react';
import type { Calendar, CaseType } from '../../../../schemas/generated/case-type.ts';
import { addHoliday, formatRanges, parseRanges, removeHoliday, setCalendarTitle, setDayHours, setTimezone, WEEKDAYS, type Weekday } from '../../model/calendars.ts';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

function DayRow({ day, ranges, onChange }: { day: Weekday; ranges: string; onChange: (text: string) => boolean }) {
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
      <th scope="row">{DAY_NAMES[day]}</th>
      <td>
        <input
          aria-label={`${DAY_NAMES[day]} hours`}
          value={text}
          placeholder="day off"
          aria-invalid={bad}
          onChange={(e) => {
            setText(e.target.value);
            setBad(!onChange(e.target.value));
          }}
        />
        {bad ? <span className="error"> write periods as 09:00-12:00, 13:00-17:00</span> : null}
      </td>
    </tr>
  );
}

export function CalendarEditor({ name, cal, edit }: { name: string; cal: Calendar; edit: (fn: (def: CaseType) => CaseType, key?: string) => void }) {
  const [holiday, setHoliday] = useState('');
  return (
    <div className="calendar-editor" role="group" aria-label={`Calendar ${name}`}>
      <h2>
        Calendar {cal.title ?? name} <span className="muted">({name})</span>
      </h2>
      <div className="inline-form">
        <label>
          Title <input aria-label="Calendar title" value={cal.title ?? ''} onChange={(e) => edit((d) => setCalendarTitle(d, name, e.target.value), `cal:${name}:title`)} />
        </label>
        <label>
          Time zone{' '}
          <select aria-label="Time zone" value={cal.timezone} onChange={(e) => edit((d) => setTimezone(d, name, e.target.value))}>
            {(timeZones().includes(cal.timezone) ? timeZones() : [cal.timezone, ...timeZones()]).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="hours-table">
        <caption>Working hours (several periods with a break between: 09:00-12:00, 13:00-17:00; empty is a day off)</caption>
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
      <h3>Holidays</h3>
      <ul className="holidays">
        {(cal.holidays ?? []).map((h) => (
          <li key={h}>
            {h}{' '}
            <button type="button" aria-label={`Remove holiday ${h}`} onClick={() => edit((d) => removeHoliday(d, name, h))}>
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
          Holiday <input type="date" aria-label="Holiday date" value={holiday} onChange={(e) => setHoliday(e.target.value)} />
        </label>
        <button type="submit" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(holiday)}>
          Add holiday
        </button>
      </form>
    </div>
  );
}

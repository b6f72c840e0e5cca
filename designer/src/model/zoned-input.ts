// Wall-clock input in a calendar's time zone, for the SLA preview's start picker. Pure (Intl only).
/**
 * A `datetime-local` value (`2026-01-09T16:00`) read as wall time in an IANA zone → ISO instant, with the
 * zone's offset at that moment from Intl; null when the text or the zone cannot be read.
 */
export function zonedInputToInstant(local: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const offsetAt = (ms: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - ms;
  };
  try {
    const first = asUtc - offsetAt(asUtc);
    return new Date(asUtc - offsetAt(first)).toISOString();
  } catch {
    return null;
  }
}


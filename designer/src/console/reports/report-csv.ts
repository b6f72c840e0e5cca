// A chart's table as a CSV file (RFC 4180: CRLF line ends, a field with a comma, quote or line break quoted,
// quotes doubled) and the file's name, with the chart and the window. Pure.

/** One field: quoted when it holds a comma, a quote, a CR or an LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The header row and the rows, each line ended by CRLF. */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return [columns, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** "sla-compliance-2026-11-08-to-2026-12-07.csv": the chart's title as a slug and the window's days. */
export function csvFileName(title: string, firstDay: string, lastDay: string): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report';
  return `${slug}-${firstDay}-to-${lastDay}.csv`;
}

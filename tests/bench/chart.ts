/** A horizontal bar chart in plain text, for numbers a person compares in a terminal. */
export function barChart(rows: { label: string; value: number; note?: string }[], width = 40): string {
  const max = Math.max(...rows.map((r) => r.value), 1);
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  return rows
    .map((r) => {
      const bar = '█'.repeat(Math.max(1, Math.round((r.value / max) * width)));
      return `${r.label.padEnd(labelWidth)} │${bar} ${r.value.toFixed(0)}${r.note ? ` ${r.note}` : ''}`;
    })
    .join('\n');
}

/** A plain-text table with right-aligned numbers. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(c % 1 === 0 ? 0 : 2) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

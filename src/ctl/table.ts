// The ASCII tables of etcdctl's `-w table` (olekukonko/tablewriter as etcdctl 3.4 configures it): upper-case
// headers centred, cells right-aligned, `+---+` borders.

function padCenter(s: string, width: number): string {
  const gap = width - [...s].length;
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + s + ' '.repeat(gap - left);
}

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((h) => h.toUpperCase());
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+\n';
  let s = line;
  s += '|' + head.map((h, i) => ' ' + padCenter(h, widths[i]!) + ' ').join('|') + '|\n';
  s += line;
  for (const r of rows) {
    s += '|' + widths.map((w, i) => ' ' + (r[i] ?? '').padStart(w) + ' ').join('|') + '|\n';
  }
  if (rows.length > 0) s += line;
  return s;
}

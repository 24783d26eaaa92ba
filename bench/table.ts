// A Markdown table with its columns padded, readable in a terminal as it is in the README.

export type Align = 'left' | 'right';

export function markdownTable(
  headers: readonly string[],
  rows: readonly string[][],
  align: readonly Align[] = [],
): string {
  rows.forEach((row, index) => {
    if (row.length !== headers.length) {
      throw new Error(`markdownTable: row ${index + 1} has ${row.length} cells for ${headers.length} columns`);
    }
  });
  const widths = headers.map((header, column) => Math.max(3, header.length, ...rows.map((row) => row[column].length)));
  const pad = (cell: string, column: number): string =>
    align[column] === 'right' ? cell.padStart(widths[column]) : cell.padEnd(widths[column]);
  const line = (cells: readonly string[]): string => `| ${cells.map(pad).join(' | ')} |`;
  const rule = widths.map((width, column) =>
    align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
  );
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

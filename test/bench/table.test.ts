import { markdownTable } from '../../bench/table';

describe('markdownTable', () => {
  it('pads every column to its widest cell and marks right-aligned ones', () => {
    const table = markdownTable(
      ['Case', 'p50'],
      [
        ['latency 0 ms', '7'],
        ['hangs', '2023'],
      ],
      ['left', 'right'],
    );
    expect(table.split('\n')).toEqual([
      '| Case         |  p50 |',
      '| ------------ | ---: |',
      '| latency 0 ms |    7 |',
      '| hangs        | 2023 |',
    ]);
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow('row 1 has 1 cells for 2 columns');
  });
});

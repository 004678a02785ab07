import { csvWriter } from './csv-writer';

async function written(columns: string[], rows: unknown[][]): Promise<string> {
  const writer = csvWriter(columns);
  const chunks: string[] = [];
  writer.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  for (const row of rows) writer.write(row);
  writer.end();
  await new Promise((resolve) => writer.on('end', resolve));
  return chunks.join('');
}

describe('csvWriter', () => {
  it('writes text a spreadsheet would run as a formula with a leading quote, header included', async () => {
    const csv = await written(['=label', 'value'], [
      ['=HYPERLINK("http://evil.example","x")', '+1'],
      ['-2+3', '@SUM(A1)'],
      ['\tcmd', '\rcmd'],
      ['＝full width', 'plain'],
    ]);
    const lines = csv.split('\n');
    expect(lines[0]).toBe("'=label,value");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")",'+1`);
    expect(lines[2]).toBe("'-2+3,'@SUM(A1)");
    expect(lines[3]).toBe(`'\tcmd,"'\rcmd"`);
    expect(lines[4]).toBe("'＝full width,plain");
  });

  it('leaves numbers, negative ones included, as numbers', async () => {
    expect(await written(['a', 'b'], [[-1.5, 0]])).toBe('a,b\n-1.5,0\n');
  });
});

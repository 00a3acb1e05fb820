import { describe, expect, it } from 'vitest';
import { TabWriter } from './tabwriter';
import { tabbedString, LEVEL_1 } from './prefixWriter';

const tab = (text: string, flushAt?: number) => {
  const w = new TabWriter(0, 2);
  if (flushAt === undefined) w.write(text);
  else {
    w.write(text.slice(0, flushAt));
    w.flush();
    w.write(text.slice(flushAt));
  }
  return w.text();
};

describe('describe tabwriter', () => {
  it('pads tab-ended cells of consecutive lines to the widest plus two', () => {
    expect(tab('Name:\tweb\nNamespace:\tdefault\n')).toBe('Name:       web\nNamespace:  default\n');
  });

  it('leaves the last cell of a line unpadded, and a line without tabs ends the block', () => {
    expect(tab('a:\t1\nlonger:\t2\nplain line\nb:\t3\n')).toBe('a:       1\nlonger:  2\nplain line\nb:  3\n');
  });

  it('aligns nested columns only among lines that have them', () => {
    expect(tab('Type\tReason\tAge\n----\t------\t---\nNormal\tScheduled\t5s\n')).toBe('Type    Reason     Age\n----    ------     ---\nNormal  Scheduled  5s\n');
  });

  it('a flush closes the open blocks (the Events table aligns on its own)', () => {
    const text = 'Name:\tx\nEvents:\n  Type\tReason\n';
    expect(tab(text, 'Name:\tx\n'.length)).toBe('Name:  x\nEvents:\n  Type  Reason\n');
    expect(tab(text)).toBe('Name:  x\nEvents:\n  Type  Reason\n');
  });

  it('counts runes, not UTF-16 units or bytes', () => {
    expect(tab('é:\t1\nab:\t2\n')).toBe('é:   1\nab:  2\n');
  });

  it('keeps a final partial line', () => {
    expect(tab('a:\tb')).toBe('a:  b');
  });

  it('prefix writer indents two spaces a level and neutralises terminal escapes', () => {
    expect(tabbedString((w) => w.write(LEVEL_1, 'x:\t\x1b[31mred\r\n'))).toBe('  x:  ^[[31mred\\r\n');
  });
});

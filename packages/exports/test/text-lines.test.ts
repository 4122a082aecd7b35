import { displayWidth, wrappedLines } from '../src/text-lines';

describe('wrapped lines of a cell', () => {
  it('counts a Chinese character as two column units and a Latin one as one', () => {
    expect(displayWidth('整改')).toBe(4);
    expect(displayWidth('1 (21)')).toBe(6);
    expect(displayWidth('立案号：20230414049')).toBe(19);
  });

  it('wraps at the column width and starts a line at each line break', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('整改整改整', 11)).toBe(1);
    expect(wrappedLines('整改整改整改', 11)).toBe(2);
    expect(wrappedLines('整改\n整改', 40)).toBe(2);
  });
});

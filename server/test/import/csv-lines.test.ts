/**
 * The line of the file each CSV row starts on (what a refused row's message names), as an
 * administrator's editor numbers it: Excel-FR writes CRLF line ends and keeps a cell's own line
 * breaks inside quotes, blank lines are skipped but counted.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/import/parse.js';

const lines = (text: string) => parseCsv(text).rows.map((r) => [r.line, r.cells[0]]);

describe('CSV rows keep the line they start on', () => {
  it.each([
    [
      'LF',
      'Nom;Prénom\nA;a\n\nB;b\n',
      [
        [1, 'Nom'],
        [2, 'A'],
        [4, 'B'],
      ],
    ],
    [
      'CRLF with blank and blank-looking lines',
      'Nom;Prénom\r\nA;a\r\n\r\n ; \r\nB;b\r\n',
      [
        [1, 'Nom'],
        [2, 'A'],
        [5, 'B'],
      ],
    ],
    [
      'a lone CR (old Mac exports)',
      'Nom;Prénom\rA;a\r\rB;b\r',
      [
        [1, 'Nom'],
        [2, 'A'],
        [4, 'B'],
      ],
    ],
    [
      'a quoted cell over two LF lines',
      'Nom;Prénom\nA;"a\nsuite"\nB;b\n',
      [
        [1, 'Nom'],
        [2, 'A'],
        [4, 'B'],
      ],
    ],
    // csv-parse's own line count takes a CRLF inside quotes for two lines: it numbered these rows too far.
    [
      'a quoted cell over three CRLF lines',
      'Nom;Prénom\r\nA;"a\r\nsuite\r\nfin"\r\n\r\nB;b\r\n',
      [
        [1, 'Nom'],
        [2, 'A'],
        [6, 'B'],
      ],
    ],
    [
      'blank lines before the headings',
      '\r\n\r\nNom;Prénom\r\nA;a',
      [
        [3, 'Nom'],
        [4, 'A'],
      ],
    ],
  ])('%s', (_what, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});

/**
 * Printing from the browser: the page says what it prints (`data-print` on
 * <body>), the print style sheet shows only that, and the mark is removed
 * once the print dialog closes.
 */
export type PrintMode = 'list' | 'sheets';

export function printAs(mode: PrintMode): void {
  document.body.dataset.print = mode;
  const clear = () => {
    delete document.body.dataset.print;
    window.removeEventListener('afterprint', clear);
  };
  window.addEventListener('afterprint', clear);
  window.print();
}

import type { Report } from '../types.js';
import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import type { CliOptions } from './args.js';

/** The report in the format asked for; colour for text only when writing to a terminal (or --color). */
export function renderReport(report: Report, options: Pick<CliOptions, 'format' | 'color' | 'out'>): string {
  if (options.format === 'json') return renderJson(report);
  if (options.format === 'html') return renderHtml(report);
  return renderText(report, { color: options.color ?? (options.out === null && process.stdout.isTTY === true) });
}

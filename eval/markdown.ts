import type { EvalResult } from './types.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docs/EVALUATION.md: one table row per (task, set, split), targets met or missed, how to reproduce. */
export function renderEvaluationMarkdown(rows: readonly EvalResult[], skipped: readonly string[]): string {
  const lines = [
    '# Evaluation',
    '',
    'Every analysis step scored on third-party sets (`../shared/data`, see its README for formats and',
    'licences), with the metrics exactly as that README defines them. Thresholds and weights were chosen',
    'on one split and are reported on another; no rule names an item of any set.',
    '',
    'Reproduce everything with `npm run eval` (writes this file); one task with `npm run eval -- --only NAME`.',
    '',
    '| task | set | split | n | ours | target | met | reference | command |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ours = Object.entries(r.metrics)
      .map(([k, v]) => `${cell(k)} ${v.toFixed(3)}`)
      .join('<br>');
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    lines.push(`| ${cell(r.task)} | ${cell(r.set)} | ${cell(r.split)} | ${r.items ?? ''} | ${ours} | ${cell(r.target)} | ${met} | ${cell(r.reference)} | \`${cell(r.command)}\` |`);
  }
  const notes = rows.filter((r) => r.notes);
  if (notes.length > 0) {
    lines.push('', '## Notes', '');
    for (const r of notes) lines.push(`- **${r.task} — ${r.set}, ${r.split}**: ${r.notes}`);
  }
  if (skipped.length > 0) {
    lines.push('', '## Skipped', '');
    for (const s of skipped) lines.push(`- ${s}`);
  }
  return `${lines.join('\n')}\n`;
}

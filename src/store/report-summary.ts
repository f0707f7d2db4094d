/**
 * The counts a story list shows, read from a stored report (the `compare --format json` Report). The store
 * computes them once, when the report is saved, so listing stories never parses reports.
 */
import type { ReportSummary } from './types.js';

/**
 * Counts over every story of the report: quote claims with status `single-source`, conflicts, and claims of any
 * kind with status `corroborated`. A JSON text that is not a report (or parts of it that are not the expected
 * shape) count as zero: the report was produced by our own pipeline, so that would be a bug, not user input.
 */
export function reportSummary(json: string): ReportSummary {
  let report: unknown;
  try {
    report = JSON.parse(json);
  } catch {
    return { singleSourceQuotes: 0, conflicts: 0, corroborated: 0 };
  }
  return summarizeReport(report);
}

/** `reportSummary` of a report object (a caller that has the object spares the store parsing its JSON). */
export function summarizeReport(report: unknown): ReportSummary {
  const summary: ReportSummary = { singleSourceQuotes: 0, conflicts: 0, corroborated: 0 };
  for (const story of arrayField(report, 'stories')) {
    summary.conflicts += arrayField(story, 'conflicts').length;
    for (const claim of arrayField(story, 'claims')) {
      const status = field(claim, 'status');
      if (status === 'corroborated') summary.corroborated++;
      else if (status === 'single-source' && field(claim, 'kind') === 'quote') summary.singleSourceQuotes++;
    }
  }
  return summary;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function arrayField(value: unknown, key: string): unknown[] {
  const v = field(value, key);
  return Array.isArray(v) ? v : [];
}

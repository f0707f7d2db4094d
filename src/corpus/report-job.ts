/**
 * One story's report from its articles and their stored analyses: the work a report worker
 * (./report-worker.ts) or the calling thread (./reports.ts) does, with no store in reach. Plain data in and out,
 * so a job crosses to a worker thread as it is. In: the story's articles, each with its stored analysis of this
 * ANALYSIS_VERSION (encoded, ./analysis-codec.ts) or null. Out: the report and the analyses computed for it
 * (only the articles that had none), encoded, for the caller to store together with the report.
 */
import { analyse, ANALYSIS_VERSION } from '../analyse/index.js';
import { reportForAnalysed, type CompareOptions } from '../pipeline.js';
import { DIGEST_VERSION, outletDigest } from '../outlets/digest.js';
import type { ReportSummary, StoredAnalysis } from '../store/index.js';
import { encodeReport } from '../store/report-codec.js';
import { summarizeReport } from '../store/report-summary.js';
import type { AnalysedArticle, Article, Report, Story } from '../types.js';
import { AnalysisCodecError, decodeAnalysis, encodeAnalysis } from './analysis-codec.js';

export interface ReportJob {
  story: Story;
  /** The story's articles, in story order. */
  articles: Article[];
  /** Per article, same order: its stored analysis of ANALYSIS_VERSION, or null (it is analysed). */
  stored: (Uint8Array | null)[];
  options: CompareOptions;
  generator: string;
}

export interface ReportOutcome {
  report: Report;
  /** The analyses computed for this report (articles with no usable stored analysis), to store. */
  analyses: StoredAnalysis[];
}

/** A report as the store keeps it: its JSON text encoded (./report-codec.ts), the story list's counts, its outlet digest encoded. */
export interface StoredForm {
  data: Uint8Array<ArrayBuffer>;
  summary: ReportSummary;
  digest: { version: number; data: Uint8Array<ArrayBuffer> };
}

/** The stored form of a report (a worker computes it, so the saving thread neither serialises nor compresses). */
export function storedForm(report: Report): StoredForm {
  return {
    data: encodeReport(JSON.stringify(report)),
    summary: summarizeReport(report),
    digest: { version: DIGEST_VERSION, data: encodeReport(JSON.stringify(outletDigest(report))) },
  };
}

/**
 * The story's report, from the stored analyses where there are, else from analysing the article (a stored
 * analysis this code cannot decode counts as none: computed again, and the caller overwrites it). The report
 * is the one fresh analyses give (pipeline.ts `reportForStory`), byte for byte: decoding restores the analysis.
 */
export async function computeReport(job: ReportJob): Promise<ReportOutcome> {
  const analyses: StoredAnalysis[] = [];
  // Verbatim copies (one wire text on many sites: the same text, publication time and declared language) are
  // analysed once: analyse() reads nothing else of an article, so a copy's analysis is the first one's, decoded
  // afresh with the copy attached (no object shared between the two).
  const byContent = new Map<string, Uint8Array>();
  const analysed = job.articles.map((article, i): AnalysedArticle => {
    const stored = job.stored[i];
    if (stored) {
      try {
        return decodeAnalysis(stored, article);
      } catch (error) {
        if (!(error instanceof AnalysisCodecError)) throw error;
      }
    }
    const key = analysisInputKey(article);
    const same = byContent.get(key);
    if (same) {
      analyses.push({ id: article.id, version: ANALYSIS_VERSION, data: same });
      return decodeAnalysis(same, article);
    }
    const fresh = analyse(article);
    const data = encodeAnalysis(fresh);
    byContent.set(key, data);
    analyses.push({ id: article.id, version: ANALYSIS_VERSION, data });
    return fresh;
  });
  return { report: await reportForAnalysed(job.story, analysed, job.options, job.generator), analyses };
}

/** Everything of an article that analyse() reads: two articles with the same key have the same analysis. */
function analysisInputKey(article: Article): string {
  return `${JSON.stringify([article.language, article.published])}\u0000${article.text}`;
}

/** The report stage: build the Report record and render it as JSON, terminal text or HTML. */
export { buildReport } from './build.js';
export { renderJson, canonicalReport } from './json.js';
export { renderText, type TextOptions } from './text.js';
export { renderHtml } from './html.js';
export { escapeHtml, safeId } from './escape.js';

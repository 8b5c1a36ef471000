/**
 * crosscheck's public API. This file only re-exports; `test/api.test.ts` pins the list, so a
 * change here is a deliberate change of the public face.
 */
export { analyze } from './analyze.js';
export type { AnalyzeOptions, ProgressEvent } from './analyze.js';
export type { ArticleInput, InlineArticle } from './read/index.js';
export {
  AnalysisSchema,
  CONTRACT_VERSION,
  analysisJsonSchema,
} from './contract.js';
export type {
  Analysis,
  AnalysisDocument,
  ContractMessage,
  Entity,
  EntityType,
  Quote,
  RemovedSpan,
  RemovalReason,
} from './contract.js';
export { renderReport } from './report/index.js';
export type { ReportFormat } from './report/index.js';
export { openStore, resolveDataDir, addToCase, caseAnalysis } from './store/index.js';
export type { AddOptions, AddResult, CaseInfo, CaseStore, DocumentResults, ImportResult, NewDocument, SavedAnalysis, StoredDocument } from './store/index.js';
export { CrosscheckError, isCrosscheckError } from './errors.js';
export type { CrosscheckErrorCode } from './errors.js';

export { WorkspaceIndex, type AnalyzeArticle, type WorkspaceIndexOptions, type IndexUpdate, type IndexProgress, type BuildResult, type SkippedFile, type MentionLocation, type DateLocation, type QuoteLocation, type SimilarQuote, type MentionCounts } from './workspaceIndex';
export { type WorkspaceHost, type FileChange, hashBytes } from './host';
export { Emitter, type Event, type Disposable, type CancellationSignal } from './events';
export { type IndexedEntity } from './entityGraph';
export { type ArticleRecord, type IndexedMention, type IndexedEntityType, buildArticleRecord, AUTHOR_ROLE } from './articleRecord';
export { type EntityCorrection } from './corrections';
export { compareQuotes, type QuoteComparison, type WordDifference } from './quoteSimilarity';
export { nameKey, withoutTitles } from './names';
export { readSnapshot, writeSnapshot, SNAPSHOT_FORMAT, type IndexSnapshot } from './snapshot';

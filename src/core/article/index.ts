export { parseArticle, NEWS_ARTICLE_SCORE_THRESHOLD, FOLDER_BOILERPLATE_ARTICLES, looksLikePersonName, type ParseOptions } from './parser';
export { folderLineKey, splitBlocks, type Block, type LineFrequency } from './blocks';
export { KNOWN_OUTLETS, KNOWN_OUTLET_COUNT, lookUpOutlet, canonicalOutletName, decideOutlet, type KnownOutlet, type OutletEvidence } from './outlets';
export { readDateline, type Dateline } from './datelines';
export { splitLines, type TextLine } from './lines';

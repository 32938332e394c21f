export { parseArticle, NEWS_ARTICLE_SCORE_THRESHOLD, looksLikePersonName } from './parser';
export { KNOWN_OUTLETS, lookUpOutlet, canonicalOutletName, type KnownOutlet } from './outlets';
export { readDateline, type Dateline } from './datelines';
export { splitLines, type TextLine } from './lines';

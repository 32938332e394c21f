/** Claims (fact-checking): the claim annotation, what is computed about it, ClaimReview and CSV export, check-worthy sentences. */
export * from './model';
export * from './claims';
export * from './claimReview';
export * from './csv';
export * from './checkWorthiness';

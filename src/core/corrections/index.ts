/**
 * User corrections, in one place: `stored.ts` is how they are kept as annotations (what the
 * comments feature writes and reads), `indexForm.ts` how the cross-file index applies them.
 */
export * from './stored';
export * from './indexForm';

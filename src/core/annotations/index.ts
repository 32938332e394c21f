/** The annotation model, its store, anchoring and interchange (no VS Code, no Node built-ins). */
export * from './model';
export * from './anchoring';
export * from './editTracking';
export * from './fileChanges';
export * from './schema';
export * from './storeState';
export * from './storeFormat';
export * from './host';
export * from './store';
export * from '../corrections/stored';
export * from './interchange';
export * from './articlePaths';
export * from './workspaceOperations';

export * from './asset';
export * from './search';
export * from './library';
export * from './organising';
export * from './attributes';
export * from './ai';
export * from './review';
export * from './ads';

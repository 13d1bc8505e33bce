export * from './asset';
export * from './search';
export * from './library';
export * from './organising';

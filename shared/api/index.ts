export * from './contract';
export * from './library-opening';
export * from './rights';

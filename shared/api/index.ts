export * from './contract';
export * from './library-opening';

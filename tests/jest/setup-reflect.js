// type-graphql and TypeORM decorators read metadata through this polyfill; the apps load
// it in main.ts, test files may import an entity directly.
require('reflect-metadata');

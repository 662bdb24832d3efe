// What GraphiQL, graphql-codegen and other tools do first: graphql-js's own introspection query,
// unchanged, and the client schema built from the answer. Prints the root fields and the schema's
// size; exits 1 when the server refuses the query.
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { client, run, step } from './lib.js';

run('introspection', async () => {
  const answer = await client().request(getIntrospectionQuery({ descriptions: true }));
  const schema = buildClientSchema(answer);
  const names = (type) => Object.keys(type?.getFields() ?? {}).sort();
  const sdl = printSchema(schema);
  step(`introspected: ${Object.keys(schema.getTypeMap()).length} types, ${sdl.length} characters of SDL`);
  return {
    queryFields: names(schema.getQueryType()),
    mutationFields: names(schema.getMutationType()),
    subscriptionFields: names(schema.getSubscriptionType()),
    types: Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__')).sort(),
  };
});

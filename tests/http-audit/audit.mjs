// Runs the graphql-http server audit (GraphQL over HTTP conformance) against
// the endpoint given as the only argument. Prints one line per audit and a
// summary; exits 1 when a MUST fails.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://host:port/graphql');
  process.exit(2);
}
const results = await auditServer({ url });
for (const result of results) {
  const reason = result.reason ? `\t${result.reason}` : '';
  console.log(`${result.status}\t${result.id}\t${result.name}${reason}`);
}
const count = (status) => results.filter((result) => result.status === status).length;
console.log(`summary\t${results.length} audits\t${count('ok')} ok\t${count('warn')} warn\t${count('notice')} notice\t${count('error')} error`);
process.exit(count('error') > 0 ? 1 : 0);

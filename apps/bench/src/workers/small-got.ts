/** Small requests with got alone (the library under @cloud/core), same keep-alive agent. */
import { Agent } from 'node:http';
import got from 'got';
import { agentOptions, emit, job, main, objectUrl, pool, rawTarget, type SmallJob } from './common.ts';

main(async () => {
  const j = job<SmallJob>();
  const { token, storageUrl } = rawTarget();
  const agent = new Agent(agentOptions(j.concurrency));
  const client = got.extend({
    agent: { http: agent },
    headers: { 'x-auth-token': token },
    retry: { limit: 0 },
    throwHttpErrors: true,
  });
  const body = Buffer.alloc(j.size, 120);
  const url = (i: number) => objectUrl(storageUrl, j.container, `${j.prefix}${i}`);
  await client.head(`${storageUrl}/${encodeURIComponent(j.container)}`);
  const r = await pool(j.count, j.concurrency, async (i) => {
    if (j.op === 'put') await client.put(url(i), { body });
    else await client.head(url(i));
  });
  agent.destroy();
  emit({ ops: j.count, ...r });
});

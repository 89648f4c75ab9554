/** Small requests through @cloud/swift (`uploadObject`, `getObjectMetadata`), same keep-alive agent as got. */
import { Agent } from 'node:http';
import { createSession, fromToken } from '@cloud/core';
import { createSwiftClient, getObjectMetadata, uploadObject } from '@cloud/swift';
import { agentOptions, emit, job, main, pool, rawTarget, type SmallJob } from './common.ts';

main(async () => {
  const j = job<SmallJob>();
  const { token, storageUrl } = rawTarget();
  const agent = new Agent(agentOptions(j.concurrency));
  const session = createSession({
    credentials: fromToken({ token }),
    httpOptions: { agent: { http: agent } },
  });
  const swift = createSwiftClient(session, { endpoint: storageUrl });
  const body = Buffer.alloc(j.size, 120);
  await swift.request('HEAD', encodeURIComponent(j.container));
  const r = await pool(j.count, j.concurrency, async (i) => {
    if (j.op === 'put') await uploadObject(swift, j.container, `${j.prefix}${i}`, body);
    else await getObjectMetadata(swift, j.container, `${j.prefix}${i}`);
  });
  agent.destroy();
  emit({ ops: j.count, ...r });
});

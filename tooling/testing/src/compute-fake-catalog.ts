/** Route table of the fake compute service's catalog: the versions document, flavors and images. */
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeNovaContext } from './compute-fake.js';

/** Handlers of `/`, `/flavors` and `/images`, over the fake's shared state. */
export function catalogHandlers(ctx: FakeNovaContext): RequestHandler[] {
  const { base, root, maxMv, flavors, images, wrap, notFound, summary } = ctx;
  return [
    http.get(
      root,
      wrap(() =>
        HttpResponse.json({
          versions: [
            {
              id: 'v2.0',
              status: 'SUPPORTED',
              version: '',
              min_version: '',
              updated: '2011-01-21T11:33:21Z',
              links: [{ rel: 'self', href: `${root}v2/` }],
            },
            {
              id: 'v2.1',
              status: 'CURRENT',
              version: maxMv,
              min_version: '2.1',
              updated: '2013-07-23T11:33:21Z',
              links: [{ rel: 'self', href: `${root}v2.1/` }],
            },
          ],
        }),
      ),
    ),
    http.get(
      `${base}/flavors`,
      wrap(() => HttpResponse.json({ flavors: flavors.map(summary) })),
    ),
    http.get(
      `${base}/flavors/detail`,
      wrap(() => HttpResponse.json({ flavors })),
    ),
    http.get(
      `${base}/flavors/:id`,
      wrap((_r, p) => {
        const f = flavors.find((x) => x.id === p.id);
        return f ? HttpResponse.json({ flavor: f }) : notFound(`Flavor ${p.id}`);
      }),
    ),
    http.get(
      `${base}/images`,
      wrap(() => HttpResponse.json({ images: images.map(summary) })),
    ),
    http.get(
      `${base}/images/detail`,
      wrap(() => HttpResponse.json({ images })),
    ),
    http.get(
      `${base}/images/:id`,
      wrap((_r, p) => {
        const i = images.find((x) => x.id === p.id);
        return i ? HttpResponse.json({ image: i }) : notFound(`Image ${p.id}`);
      }),
    ),
  ];
}

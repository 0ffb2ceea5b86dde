// USQDemo — the demo organization.
//
// A deterministic, realistic OpenAI organization that answers the Usage, Costs and admin API
// with API-shaped JSON, so usq works with no key and no network, and `usq serve` can stand in
// for the API in tests and in users' own scripts.
//
//   DemoOrganization(seed:)        entities + traffic streams, built once (cheap, ~0.1 s debug)
//     .respond(to: HTTPRequest, now:) -> HTTPResponse
//   DemoTransport: HTTPTransport   the same, in-process, with an injectable clock (USQ_NOW)
//   DemoServer(options: ServeOptions)  the same over HTTP on 127.0.0.1 (FlyingFox): bearer key
//                                  (401/403), latency, 429/500/truncation faults, NDJSON log
//
// How the numbers come about
// - The organization (founded 2024-03-04): 8 projects (one archived 2025-06-30, names with
//   umlauts and kanji), 26 users (one has left: their key is deleted but old usage remains),
//   7 service accounts (traffic with user_id null), 40 API keys (one deleted), 9 vector stores,
//   and a model line-up with release and retirement dates (gpt-3.5-turbo … gpt-5, realtime,
//   embeddings, moderation, images, speech, transcription).
// - Traffic is a list of streams: one per API key × model × (batch, service tier | image size
//   and source | web search context level | vector store). A stream's requests in an hour are
//   rate × model-mix share × daily rhythm (people, customer-facing bots, batch pipelines; in the
//   project's time zone) × weekend factor × growth × day and hour noise, stochastically rounded;
//   tokens, images, characters and seconds follow from the request count. Every random number
//   is a hash of (seed, stream, hour): nothing depends on the query.
// - Minutes: an hour's requests are spread evenly over its 60 minutes, the remainder on evenly
//   spaced minutes from a hashed offset; every other quantity follows the cumulative request
//   count (floor division), so any partition of time sums to exactly the same totals: a 1d
//   bucket equals its 24 1h and 1440 1m buckets for every group and filter.
// - Vector store usage_bytes is a level (the last hour of the bucket), never summed.
// - Costs are usage × list prices in picodollars (batch and flex half, priority double;
//   vector storage per GiB-day pro rata), written as exact decimals.
// - A few whole days a year are empty (results: []), a few days per project spike.
// - There is no usage at or after "now", and entities created after "now" are not listed.

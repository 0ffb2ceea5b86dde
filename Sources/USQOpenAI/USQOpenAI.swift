import USQVocabulary

// USQOpenAI: the client of the OpenAI organization Usage and Costs API.
//
// From a query to a frame:
//
//   UsageQuery ──validate──▶ WindowPlanner ──▶ [SubWindow]  (page-sized, epoch-aligned chunks;
//        │                                                 final ones before the finality split)
//        │                     ┌─ final & cached ──▶ PageCache (binary frame, checksummed) ─┐
//        └─ UsageClient ──────┤                                                          ├─▶ Frame
//           (≤ concurrency    └─ otherwise ──▶ Paginator loop ──▶ send (RetryPolicy) ──▶   │
//            windows at once)      HTTPTransport (URLSessionTransport | DemoTransport | fake)
//                                  ──▶ PageDecoder (Codable, catalog columns) ──────────────┘
//
// - `EndpointCatalog` (USQVocabulary, generated from reference/usage-endpoints.json by
//   Scripts/gen-catalog.py) names every endpoint, parameter, group key and result field;
//   `UsageQuery` (USQVocabulary) is what a load asks for; this target encodes and fetches it.
// - `QueryEncoding` percent-encodes by hand (unreserved set), so cursors keep `+ / =`.
// - `Paginator` and `RetryPolicy` are pure state machines; `UsageClient` owns the I/O, the clock,
//   sleeping and jitter (all injectable), and maps every failure to a typed `UsageAPIError`
//   that never contains the key.
// - `PageDecoder.decode` is also what `read` uses on saved pages, so both give the same frame.

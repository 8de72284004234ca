// The worker thread behind feature-pool.ts: turns notes into features (words, stems, WordNet
// senses, support concepts) with its own concept mapper, so the hub's main thread, which also
// runs the database (PGlite) and the HTTP server, only weighs and groups them.
import { parentPort } from 'node:worker_threads';
import { ConceptMapper } from './concepts';

const mapper = new ConceptMapper();

parentPort?.on('message', (message: { id: number; texts: string[] }) => {
  const features = message.texts.map((text) => [...mapper.features(text)]);
  parentPort?.postMessage({ id: message.id, features });
});

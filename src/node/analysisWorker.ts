// Worker-thread entry of the analysis pool (bundled to dist/analysisWorker.js): loads the NER model
// once, then parses and analyses each article it is sent, answering in order.
import { parentPort, workerData } from 'node:worker_threads';
import { parseArticle } from '../core/article';
import { ArticleExtractor } from '../core/extract';
import { lineFrequencyOf } from '../core/index/folderLines';
import { loadEntityRecognizer } from '../core/ner';
import type { AnalysisReply, AnalysisRequest, AnalysisWorkerData } from './analysisProtocol';

const port = parentPort;
if (!port) throw new Error('analysisWorker.js runs as a worker thread of the analysis pool');

const { modelBytes } = workerData as AnalysisWorkerData;
let extractor: ArticleExtractor | undefined;
let modelError: string | undefined;
try {
  extractor = new ArticleExtractor(loadEntityRecognizer(modelBytes));
} catch (err) {
  // Every request then fails with the reason, instead of the worker dying and being restarted in a loop.
  modelError = `the entity model could not be read: ${err instanceof Error ? err.message : String(err)}`;
}

port.on('message', ({ id, text, folder }: AnalysisRequest) => {
  let reply: AnalysisReply;
  if (!extractor) reply = { id, ok: false, error: modelError ?? 'no extractor' };
  else {
    try {
      const article = parseArticle(text, { lineFrequency: lineFrequencyOf(folder) });
      const analysis = extractor.analyzeArticle(text, article, {
        onError: (stage, error) => console.error(`News Annotator: ${stage} extraction failed`, error),
      });
      reply = { id, ok: true, article, analysis };
    } catch (err) {
      reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }
  port.postMessage(reply);
});

// A small workspace index over fake analyses (see ../../indexTestKit) for the corpus pictures' tests.
import { WorkspaceIndex, type AnalyzeArticle } from '../../../../src/core/index';
import { fakeAnalyzer, MemoryHost, type LexiconEntry } from '../../indexTestKit';

export const LEXICON: LexiconEntry[] = [
  { text: 'Ren Zhengfei', type: 'person' },
  { text: 'Meng Wanzhou', type: 'person' },
  { text: 'Huawei', type: 'organization' },
  { text: 'Reuters', type: 'organization' },
  { text: 'Shenzhen', type: 'place' },
];

/** Four articles: two outlets, dates in the header and in the body. */
export async function corpusIndex(extra: Record<string, string> = {}): Promise<WorkspaceIndex> {
  const host = new MemoryHost({
    'a.txt': 'Huawei talks\nOutlet: Daily One\nDate: 2019-01-15\n[2019-01-15] Ren Zhengfei of Huawei spoke in Shenzhen. Meng Wanzhou was held on [2018-12-01].',
    'b.txt': 'Huawei again\nOutlet: Daily Two\nDate: 2019-01-20\n[2019-01-20] Ren Zhengfei said Huawei would grow. Reuters reported it.',
    'c.txt': 'Arrest\nOutlet: Daily One\nDate: 2018-12-02\n[2018-12-02] Meng Wanzhou of Huawei was arrested on [2018-12-01].',
    'd.txt': 'Undated note\nReuters wrote about Huawei.',
    ...extra,
  });
  const fake = fakeAnalyzer(LEXICON);
  const index = new WorkspaceIndex(host, fake.analyze as AnalyzeArticle, { modelVersion: 'test', yieldToHost: () => Promise.resolve() });
  await index.build();
  return index;
}

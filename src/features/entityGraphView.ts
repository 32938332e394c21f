import * as vscode from 'vscode';
import { buildCooccurrenceGraph, type GraphQuery } from '../core/corpus/cooccurrence';
import type { IndexedEntityType, WorkspaceIndex } from '../core/index';
import { registerCorpusPicture, wholeNumber, type CorpusPicture, type CorpusPictureDeps } from './corpusPicturePanel';
import { ENTITIES_COMMANDS } from './entitiesView';

/** Opens the entity co-occurrence graph; resolves to a probe (tests). */
export const SHOW_ENTITY_GRAPH_COMMAND = 'newsAnnotator.showEntityGraph';

const TYPES: readonly IndexedEntityType[] = ['person', 'organization', 'place'];

const BODY = `<header class="controls" role="toolbar" aria-label="Graph controls">
  <fieldset><legend>Types</legend>
    <label class="toggle"><input type="checkbox" name="type" value="person" checked> People</label>
    <label class="toggle"><input type="checkbox" name="type" value="organization" checked> Organizations</label>
    <label class="toggle"><input type="checkbox" name="type" value="place"> Places</label>
  </fieldset>
  <label>Outlet <select id="outlet"><option value="">All outlets</option></select></label>
  <label>Min. shared articles <input id="minWeight" type="number" min="1" max="999" value="1"></label>
  <label>Show top <input id="limit" type="number" min="5" max="400" value="60"></label>
  <label>Search <input id="search" type="search" placeholder="name or alias" autocomplete="off"></label>
  <span id="summary" role="status" aria-live="polite"></span>
</header>
<main>
  <div id="chart" role="group" aria-roledescription="entity graph" aria-describedby="chartHelp"></div>
  <p id="chartHelp" class="help">Tab moves between entities, Enter reveals one in the Entities view. The table below lists the same entities with their strongest links.</p>
  <section aria-labelledby="listTitle"><h2 id="listTitle">Entities shown</h2>
    <table id="list" class="item-table"><thead><tr><th scope="col">Entity</th><th scope="col">Type</th><th scope="col">Mentions</th><th scope="col">Articles</th><th scope="col">Named with (shared articles)</th></tr></thead><tbody></tbody></table>
  </section>
</main>`;

/**
 * The entity graph picture: people and organizations (places on request) named together in
 * articles, drawn by `media/webview/graph.js`. The page sends its filters as a query; the graph is
 * built and laid out here, so the page only draws. A click reveals the entity in the Entities view.
 */
export class EntityGraphPicture implements CorpusPicture {
  readonly viewType = 'newsAnnotator.entityGraph';
  readonly title = 'Entity Graph';
  readonly script = 'graph.js';
  readonly body = BODY;
  private query: GraphQuery = {};

  constructor(private readonly index: WorkspaceIndex) {}

  refresh(post: (message: unknown) => void): void {
    post({ type: 'graph', graph: buildCooccurrenceGraph(this.index, this.query), query: this.query });
  }

  async handle(message: Record<string, unknown>, post: (message: unknown) => void): Promise<unknown> {
    if (message.type === 'query') {
      this.query = readQuery(message.query);
      this.refresh(post);
      return this.query;
    }
    if (message.type === 'reveal' && typeof message.id === 'string' && this.index.entity(message.id)) {
      return vscode.commands.executeCommand(ENTITIES_COMMANDS.reveal, message.id);
    }
    return undefined;
  }
}

/** The query the page sent, with anything malformed left at its default. */
function readQuery(value: unknown): GraphQuery {
  const q = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const types = Array.isArray(q.types) ? TYPES.filter((t) => (q.types as unknown[]).includes(t)) : undefined;
  return {
    types,
    outlet: typeof q.outlet === 'string' && q.outlet ? q.outlet.slice(0, 200) : null,
    minWeight: wholeNumber(q.minWeight, 1, 100_000),
    limit: wholeNumber(q.limit, 1, 400),
    search: typeof q.search === 'string' ? q.search.slice(0, 200) : undefined,
  };
}

/** Registers {@link SHOW_ENTITY_GRAPH_COMMAND}. */
export function registerEntityGraphView(deps: CorpusPictureDeps): vscode.Disposable {
  return registerCorpusPicture(SHOW_ENTITY_GRAPH_COMMAND, new EntityGraphPicture(deps.index), deps);
}

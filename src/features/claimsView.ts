import * as vscode from 'vscode';
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, type ClaimAppearance, type ClaimStatus } from '../core/claims';
import { openCommandFor } from './newsViewModel';
import type { ClaimsService, WorkspaceClaim } from './claimsService';
import { plural, shorten } from './labels';

export const CLAIMS_VIEW_ID = 'newsAnnotator.claims';

/** How the Claims view groups its claims. */
export type ClaimsGrouping = 'status' | 'claimant';

export interface ClaimGroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly status?: ClaimStatus;
  readonly claims: readonly WorkspaceClaim[];
}

export interface ClaimNode {
  readonly kind: 'claim';
  readonly id: string;
  readonly claim: WorkspaceClaim;
  readonly parent: ClaimGroupNode;
}

export interface ClaimAppearanceNode {
  readonly kind: 'appearance';
  readonly id: string;
  readonly appearance: ClaimAppearance;
  readonly first: boolean;
  readonly parent: ClaimNode;
}

export type ClaimsTreeNode = ClaimGroupNode | ClaimNode | ClaimAppearanceNode;

const STATUS_ICONS: Readonly<Record<ClaimStatus, string>> = { unchecked: 'circle-large-outline', inProgress: 'loading', verdictGiven: 'pass' };
const NO_CLAIMANT = 'No claimant found';
const LABEL_WIDTH = 70;

/** Claims by status (unchecked, in progress, verdict given) or by claimant; each claim opens to its appearances. */
export class ClaimsTreeProvider implements vscode.TreeDataProvider<ClaimsTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ClaimsTreeNode | undefined>();
  private readonly subscription: vscode.Disposable;
  private groupingValue: ClaimsGrouping = 'status';

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly claims: Pick<ClaimsService, 'claims' | 'onDidChange'>) {
    this.subscription = claims.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  get grouping(): ClaimsGrouping {
    return this.groupingValue;
  }

  set grouping(grouping: ClaimsGrouping) {
    this.groupingValue = grouping;
    this.changeEmitter.fire(undefined);
  }

  getChildren(element?: ClaimsTreeNode): ClaimsTreeNode[] {
    if (!element) return this.groups();
    if (element.kind === 'group') return element.claims.map((claim): ClaimNode => ({ kind: 'claim', id: `${element.id}/claim:${claim.id}`, claim, parent: element }));
    if (element.kind === 'claim') {
      const first = element.claim.firstAppearance;
      return element.claim.appearances.map((appearance): ClaimAppearanceNode => ({
        kind: 'appearance', id: `${element.id}/appearance:${appearance.file}`, appearance, first: appearance === first, parent: element,
      }));
    }
    return [];
  }

  getParent(element: ClaimsTreeNode): ClaimsTreeNode | undefined {
    return element.kind === 'group' ? undefined : element.parent;
  }

  getTreeItem(element: ClaimsTreeNode): vscode.TreeItem {
    if (element.kind === 'group') {
      const count = plural(element.claims.length, 'claim');
      const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = element.id;
      item.description = count;
      item.tooltip = `${element.label}: ${count}`;
      item.iconPath = new vscode.ThemeIcon(element.status ? STATUS_ICONS[element.status] : 'person');
      item.contextValue = 'newsClaimGroup';
      item.accessibilityInformation = { label: `${element.label}, ${count}`, role: 'treeitem' };
      return item;
    }
    if (element.kind === 'claim') {
      const { claim } = element;
      const label = `“${shorten(claim.text, LABEL_WIDTH)}”`;
      const item = new vscode.TreeItem(label, claim.appearances.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = element.id;
      const who = this.groupingValue === 'status' ? claim.claimant?.name : CLAIM_STATUS_LABELS[claim.status];
      const where = claim.range ? plural(claim.appearances.length, 'article') : 'passage not found';
      item.description = [claim.verdict, who, claim.date, where].filter(Boolean).join(' · ');
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(`“${claim.text}”`);
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText([
        `Claimant: ${claim.claimant?.name ?? 'unknown'}`,
        `Status: ${CLAIM_STATUS_LABELS[claim.status]}${claim.verdict ? ` (${claim.verdict})` : ''}`,
        `First appearance: ${claim.firstAppearance ? `${claim.firstAppearance.source}, ${claim.firstAppearance.date}` : 'no dated article'}`,
        ...claim.notes.map((n) => `Note: ${n}`),
      ].join('\n'));
      item.tooltip = tooltip;
      item.iconPath = new vscode.ThemeIcon(claim.range ? STATUS_ICONS[claim.status] : 'debug-disconnect');
      item.contextValue = `newsClaim.${claim.status}`;
      if (claim.range) item.command = openCommandFor({ uri: claim.uri, ...claim.range }, 'Open Claim');
      item.accessibilityInformation = { label: `Claim ${claim.text}. ${item.description}`, role: 'treeitem' };
      return item;
    }
    const { appearance } = element;
    const source = appearance.outlet ?? appearance.source;
    const item = new vscode.TreeItem(source, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.description = [appearance.date ?? 'undated', element.first ? 'first appearance' : undefined, appearance.headline ?? appearance.source].filter(Boolean).join(' · ');
    item.tooltip = `${source}, ${appearance.source}${appearance.date ? ` (${appearance.date})` : ''}\n${appearance.headline ?? ''}`.trim();
    item.iconPath = new vscode.ThemeIcon(element.first ? 'star-full' : 'go-to-file');
    item.contextValue = 'newsClaimAppearance';
    item.command = openCommandFor({ uri: appearance.file, ...appearance.range }, 'Open Appearance');
    item.accessibilityInformation = { label: `${source}: ${item.description}`, role: 'treeitem' };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private groups(): ClaimGroupNode[] {
    const claims = this.claims.claims();
    if (this.groupingValue === 'status') {
      return CLAIM_STATUSES
        .map((status): ClaimGroupNode => ({ kind: 'group', id: `status:${status}`, label: CLAIM_STATUS_LABELS[status], status, claims: claims.filter((c) => c.status === status) }))
        .filter((g) => g.claims.length > 0);
    }
    const byClaimant = new Map<string, WorkspaceClaim[]>();
    for (const claim of claims) {
      const name = claim.claimant?.name ?? NO_CLAIMANT;
      byClaimant.set(name, [...(byClaimant.get(name) ?? []), claim]);
    }
    return [...byClaimant]
      .sort(([a, x], [b, y]) => Number(a === NO_CLAIMANT) - Number(b === NO_CLAIMANT) || y.length - x.length || a.localeCompare(b))
      .map(([name, list]): ClaimGroupNode => ({ kind: 'group', id: `claimant:${name}`, label: name, claims: list }));
  }
}

/** What a test reads of the Claims view: each group's label with its claims' labels and appearances. */
export interface ClaimsViewSnapshot {
  readonly grouping: ClaimsGrouping;
  readonly groups: readonly { label: string; claims: readonly { id: string; label: string; description: string; appearances: readonly string[] }[] }[];
}

/** The Claims view, its grouping commands and a read-only snapshot command (hidden) for the tests. */
export function registerClaimsView(claims: ClaimsService): vscode.Disposable {
  const provider = new ClaimsTreeProvider(claims);
  const view = vscode.window.createTreeView(CLAIMS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const setGrouping = (grouping: ClaimsGrouping) => {
    provider.grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.claimsGrouping', grouping);
  };
  void vscode.commands.executeCommand('setContext', 'newsAnnotator.claimsGrouping', provider.grouping);
  // The view asks for claims only once it is visible: read the stores then, not at activation.
  const visibility = view.onDidChangeVisibility((e) => { if (e.visible) void claims.refresh(); });
  if (view.visible) void claims.refresh();
  const text = (value: string | vscode.TreeItemLabel | undefined) => (typeof value === 'string' ? value : value?.label ?? '');
  return vscode.Disposable.from(
    provider,
    view,
    visibility,
    vscode.commands.registerCommand('newsAnnotator.groupClaimsByStatus', () => setGrouping('status')),
    vscode.commands.registerCommand('newsAnnotator.groupClaimsByClaimant', () => setGrouping('claimant')),
    vscode.commands.registerCommand('newsAnnotator.claimsViewSnapshot', async (): Promise<ClaimsViewSnapshot> => {
      await claims.refresh();
      return {
        grouping: provider.grouping,
        groups: provider.getChildren().map((group) => ({
          label: text(provider.getTreeItem(group).label),
          claims: provider.getChildren(group).map((node) => {
            const item = provider.getTreeItem(node);
            return {
              id: node.kind === 'claim' ? node.claim.id : '',
              label: text(item.label),
              description: typeof item.description === 'string' ? item.description : '',
              appearances: provider.getChildren(node).map((a) => `${text(provider.getTreeItem(a).label)} · ${provider.getTreeItem(a).description as string}`),
            };
          }),
        })),
      };
    }),
  );
}
